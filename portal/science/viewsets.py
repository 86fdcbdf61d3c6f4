"""The S&T menu of the admin (Nhiệm vụ KH&CN): tasks, with filters, search without diacritics
and export of the filtered list (XLSX/CSV), the host organisations, and the yearly S&T
indicators with their import."""

from __future__ import annotations

import django_filters
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from portal.core import params

from . import admin_views
from .forms import TaskForm
from .models import Field, Indicator, Level, Organisation, Task, TaskStatus
from .selectors import TaskFilters, filtered_tasks


class TaskFilterSet(WagtailFilterSet):
    year = django_filters.NumberFilter(label=_("Active in year"), method="filter_year")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=TaskStatus.choices)
    level = django_filters.ChoiceFilter(label=_("Level"), choices=Level.choices)
    field = django_filters.ChoiceFilter(label=_("Field"), choices=Field.choices)
    host = django_filters.ModelChoiceFilter(label=_("Host organisation"), queryset=Organisation.objects.all())

    class Meta:
        model = Task
        fields = ["status", "level", "field", "host"]

    def filter_year(self, queryset, name, value):
        if value is None:
            return queryset
        if not params.YEARS[0] <= value <= params.YEARS[1]:
            return queryset.none()
        return filtered_tasks(TaskFilters(year=int(value)), queryset)


class TaskIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm(admin_views.IMPORT_PERMISSION):
            buttons.append(Button(_("Import from a file"), url=reverse("science_import"), icon_name="upload"))
        return buttons

    def search_queryset(self, queryset):
        """Every word, without diacritics, in the code, title, host, investigator or summary."""
        if not self.is_searching:
            return queryset
        return filtered_tasks(TaskFilters(q=self.search_query), queryset)


class TaskViewSet(SnippetViewSet):
    model = Task
    icon = "doc-full"
    menu_label = _("S&T tasks")
    index_view_class = TaskIndexView
    inspect_view_enabled = True
    inspect_view_class = admin_views.TaskView
    add_view_class = admin_views.TaskCreateView
    edit_view_class = admin_views.TaskEditView
    filterset_class = TaskFilterSet
    search_fields = ["search_text"]
    list_per_page = 50
    edit_handler = ObjectList(Task.panels, base_form_class=TaskForm)
    list_export = [
        "code", "title", "kind", "level", "field", "host", "investigator", "start", "end",
        "budget_province", "budget_other", "status", "rating", "accepted_on", "registration_number",
    ]  # fmt: skip
    export_filename = "nhiem-vu-khcn"

    @property
    def list_display(self):
        return [
            "code",
            "title",
            "host",
            Column("level", label=_("Level"), accessor="get_level_display"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            "start",
            "end",
        ]

    def get_queryset(self, request):
        return Task.objects.select_related("host")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Host organisations")
    list_display = ["name", "short_name", "active"]
    list_filter = ["active"]
    search_fields = ["name", "short_name"]


class IndicatorIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm("science.add_indicator"):
            buttons.append(Button(_("Import from a file"), url=reverse("science_indicator_import"), icon_name="upload"))
        buttons.append(Button(_("Download CSV"), url=reverse("science_indicator_export"), icon_name="download"))
        return buttons


class IndicatorViewSet(SnippetViewSet):
    """The yearly indicators of the statistics page, each with its values per year."""

    model = Indicator
    icon = "table"
    menu_label = _("S&T indicators")
    index_view_class = IndicatorIndexView
    list_display = ["title", "unit", "source", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["title", "slug", "source"]


class ScienceGroup(SnippetViewSetGroup):
    items = (TaskViewSet, OrganisationViewSet, IndicatorViewSet)
    menu_icon = "doc-full"
    menu_label = _("S&T tasks")
    menu_name = "science"
    menu_order = 280

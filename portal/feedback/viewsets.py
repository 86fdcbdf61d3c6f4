"""The petition inbox in the Wagtail admin: a read-only model viewset whose "inspect" page is
the handling page, with filters by status, field, unit, officer and overdue."""

import django_filters
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core import formats

from . import admin_views
from .models import Petition, PetitionField, PetitionStatus, PetitionUnit
from .selectors import overdue_q


class PetitionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=PetitionStatus.choices)
    area = django_filters.ModelChoiceFilter(label=_("Field"), queryset=PetitionField.objects.all())
    unit = django_filters.ModelChoiceFilter(label=_("Unit"), queryset=PetitionUnit.objects.all())
    mine = django_filters.BooleanFilter(label=_("Assigned to me"), method="filter_mine")
    overdue = django_filters.BooleanFilter(label=_("Overdue"), method="filter_overdue")

    class Meta:
        model = Petition
        fields = ["status", "area", "unit"]

    def filter_mine(self, queryset, name, value):
        if value is None or self.request is None:
            return queryset
        return queryset.filter(assignee=self.request.user) if value else queryset.exclude(assignee=self.request.user)

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(overdue_q()) if value else queryset.exclude(overdue_q())


class DeadlineColumn(Column):
    """The running deadline; overdue ones stand out (red, with the word, not colour alone)."""

    def get_value(self, instance):
        due = instance.due_date()
        if due is None:
            return ""
        if instance.is_overdue():
            return format_html(
                '<span class="w-status w-status--label" style="background:#cd4444;color:#fff">{} {}</span>',
                _("Overdue"),
                formats.short_date(due),
            )
        return formats.short_date(due)


class PetitionViewSet(ModelViewSet):
    model = Petition
    icon = "mail"
    menu_label = _("Petitions (PAKN)")
    name = "petitions"
    add_to_admin_menu = True
    menu_order = 260
    inspect_view_enabled = True
    inspect_view_class = admin_views.PetitionHandleView
    form_fields = ["status"]  # required by ModelViewSet; edit views are never allowed (ReadOnlyPolicy)
    filterset_class = PetitionFilterSet
    search_fields = ["code", "title"]
    list_per_page = 50

    @property
    def list_display(self):
        return [
            "code",
            "title",
            "area",
            "unit",
            Column("status", label=_("Status"), accessor="get_status_display"),
            "submitted_at",
            DeadlineColumn("deadline", label=_("Deadline")),
        ]

    def get_queryset(self, request):
        return Petition.objects.select_related("area", "unit")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("file/<int:pk>/", admin_views.petition_file, name="file")]

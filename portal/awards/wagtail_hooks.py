from django.contrib.auth.models import Group, Permission
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Award, Official, Unit, YearRecord

OFFICERS = "Cán bộ thi đua – khen thưởng"


class CheckColumn(Column):
    """A link to the checker's answer for the row's official or unit."""

    def __init__(self, kind):
        super().__init__("check", label=_("Eligibility"))
        self.kind = kind

    def get_value(self, instance):
        url = reverse("awards_check", args=[self.kind, instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Check"))


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "parent", "active", CheckColumn("unit")]
    search_fields = ["name"]


class OfficialViewSet(SnippetViewSet):
    model = Official
    icon = "user"
    menu_label = _("Officials")
    list_display = ["full_name", "unit", "position", CheckColumn("official")]
    list_filter = ["unit", "active"]
    search_fields = ["full_name"]


class YearRecordViewSet(SnippetViewSet):
    model = YearRecord
    icon = "list-ul"
    menu_label = _("Yearly records")
    list_display = ["__str__", "year", "rating", "initiatives"]
    list_filter = ["year", "rating"]


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = _("Awards received")
    list_display = ["__str__", "code", "achievement_year", "decision_number", "decision_date"]
    list_filter = ["code", "achievement_year", "one_off"]


class AwardsGroup(SnippetViewSetGroup):
    menu_label = _("Emulation and awards")
    menu_icon = "pick"
    menu_order = 250
    items = (UnitViewSet, OfficialViewSet, YearRecordViewSet, AwardViewSet)


register_snippet(AwardsGroup)


@hooks.register("register_admin_urls")
def check_urls():
    return [path("awards/check/<str:kind>/<int:pk>/", admin_views.check, name="awards_check")]


@hooks.register("portal_setup")
def awards_officers(home):
    """The group that keeps the records (all four models)."""
    group, _created = Group.objects.get_or_create(name=OFFICERS)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(access_admin, *Permission.objects.filter(content_type__app_label="awards"))


@hooks.register("portal_demo", order=60)
def awards_demo(home):
    from .demo import demo_records

    return demo_records()

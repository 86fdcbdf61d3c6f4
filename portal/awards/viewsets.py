"""The awards menu of the admin (Thi đua – khen thưởng): records (units, officials, yearly
records, awards received), the cycle (nominations, council meetings, decisions) and its
settings (voting rules, base salary)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import (
    Award,
    BaseSalary,
    Bloc,
    CouncilMeeting,
    Decision,
    Discipline,
    Movement,
    Nomination,
    Official,
    Registration,
    RuleSetVersion,
    Unit,
    VotingRule,
    YearRecord,
)


class CheckColumn(Column):
    """A link to the checker's answer for the row's official or unit."""

    def __init__(self, kind):
        super().__init__("check", label=_("Eligibility"))
        self.kind = kind

    def get_value(self, instance):
        url = reverse("awards_check", args=[self.kind, instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Check"))


class AnswerColumn(Column):
    """The checker's answer as it was when the nomination was last checked."""

    def __init__(self):
        super().__init__("checker_eligible", label=_("Checker"))

    def get_value(self, instance):
        if instance.checker_eligible is True:
            return _("Eligible")
        if instance.overridden:
            return _("Secretary's reasons on file")
        return _("Not eligible") if instance.checker_eligible is False else _("Needs review")


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Units")
    list_display = ["name", "parent", "active", "external", CheckColumn("unit")]
    list_filter = ["external", "active"]
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


class DisciplineViewSet(SnippetViewSet):
    model = Discipline
    icon = "warning"
    menu_label = _("Disciplines")
    list_display = ["official", "form", "decision_number", "effective_date", "effect_until"]
    list_filter = ["form"]
    search_fields = ["official__full_name", "decision_number"]

    def get_queryset(self, request):
        return Discipline.objects.select_related("official")


class AwardViewSet(SnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = _("Awards received")
    list_display = ["__str__", "code", "achievement_year", "decision_number", "decision_date"]
    list_filter = ["code", "achievement_year", "one_off"]


class NominationViewSet(SnippetViewSet):
    model = Nomination
    icon = "doc-full"
    menu_label = _("Nominations")
    list_display = ["nominee", "code", "year", "status", AnswerColumn()]
    list_filter = ["year", "status", "code"]
    inspect_view_enabled = True
    inspect_view_class = admin_views.NominationView
    add_view_class = admin_views.NominationCreateView
    edit_view_class = admin_views.NominationEditView

    def get_queryset(self, request):
        return Nomination.objects.select_related("official__unit", "unit")


class MeetingViewSet(SnippetViewSet):
    model = CouncilMeeting
    icon = "group"
    menu_label = _("Council meetings")
    list_display = ["__str__", "year", "members_present", "members_total", "closed_at"]
    list_filter = ["year"]
    inspect_view_enabled = True
    inspect_view_class = admin_views.MeetingView


class DecisionViewSet(SnippetViewSet):
    model = Decision
    icon = "doc-full-inverse"
    menu_label = _("Award decisions")
    list_display = ["number", "signed_on", "signer"]
    search_fields = ["number", "signer"]
    inspect_view_enabled = True
    inspect_view_class = admin_views.DecisionView


class MovementViewSet(SnippetViewSet):
    model = Movement
    icon = "calendar"
    menu_label = _("Emulation movements")
    list_display = ["name", "kind", "starts_on", "ends_on", "final_on"]
    list_filter = ["kind"]
    search_fields = ["name"]


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Registrations")
    list_display = ["__str__", "year", "code", "registered_on"]
    list_filter = ["year", "code"]


class BlocViewSet(SnippetViewSet):
    model = Bloc
    icon = "group"
    menu_label = _("Blocs and clusters")
    list_display = ["name", "kind"]
    search_fields = ["name"]


class RuleSetVersionViewSet(SnippetViewSet):
    model = RuleSetVersion
    icon = "code"
    menu_label = _("Rule set versions")
    list_display = ["version", "first_year", "last_year", "active", "note"]


class VotingRuleViewSet(SnippetViewSet):
    model = VotingRule
    icon = "cog"
    menu_label = _("Voting rules")
    list_display = ["__str__", "valid_from", "quorum", "approval", "of_all_members", "basis"]


class BaseSalaryViewSet(SnippetViewSet):
    model = BaseSalary
    icon = "cog"
    menu_label = _("Base salary")
    list_display = ["__str__", "valid_from", "basis"]


class AwardsGroup(SnippetViewSetGroup):
    menu_label = _("Emulation and awards")
    menu_icon = "pick"
    menu_order = 250
    items = (
        NominationViewSet,
        MeetingViewSet,
        DecisionViewSet,
        MovementViewSet,
        RegistrationViewSet,
        BlocViewSet,
        UnitViewSet,
        OfficialViewSet,
        YearRecordViewSet,
        AwardViewSet,
        DisciplineViewSet,
        RuleSetVersionViewSet,
        VotingRuleViewSet,
        BaseSalaryViewSet,
    )

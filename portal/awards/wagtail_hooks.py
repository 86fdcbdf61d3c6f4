from django.contrib.auth.models import Group, Permission
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from portal.core.reports import register_report

from . import admin_views
from .roles import OFFICERS, SECRETARIES
from .viewsets import AwardsGroup

register_snippet(AwardsGroup)


@hooks.register("register_admin_urls")
def awards_urls():
    return [
        path("awards/check/<str:kind>/<int:pk>/", admin_views.check, name="awards_check"),
        path("awards/meetings/<int:pk>/minutes.docx", admin_views.meeting_minutes, name="awards_minutes"),
        path("awards/decisions/<int:pk>/recipients.xlsx", admin_views.decision_export, name="awards_decision_export"),
    ]


@hooks.register("register_log_actions")
def awards_log_actions(actions):
    for action, label in (
        ("nominate", _("Nominate")),
        ("check", _("Check eligibility again")),
        ("override", _("Go ahead against the checker")),
        ("documents", _("Update the dossier checklist")),
        ("submit", _("Put before the council")),
        ("withdraw", _("Withdraw the nomination")),
        ("votes", _("Record the ballot")),
        ("close", _("Close the council meeting")),
        ("confer", _("Confer by decision")),
        ("disclose", _("Publish for comments")),
        ("members_counted", _("Count the members from their records")),
    ):
        actions.register_action(f"portal.awards.{action}", label, label)


@hooks.register("portal_setup")
def awards_setup(home):
    """The officers' group (all awards records and the cycle, without the override and the
    rule-set versions), the council secretaries' group (those too), and the shipped voting rules
    and base salary."""
    from .services import seed_settings

    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    awards = Permission.objects.filter(content_type__app_label="awards")
    officers, _created = Group.objects.get_or_create(name=OFFICERS)
    # Officers read the rule-set versions; the secretaries keep them (and may override).
    kept_by_secretaries = [
        "override_nomination",
        "add_rulesetversion",
        "change_rulesetversion",
        "delete_rulesetversion",
    ]
    officers.permissions.add(access_admin, *awards.exclude(codename__in=kept_by_secretaries))
    secretaries, _created = Group.objects.get_or_create(name=SECRETARIES)
    secretaries.permissions.add(access_admin, *awards)
    seed_settings()


@hooks.register("portal_demo", order=60)
def awards_demo(home):
    from .demo import demo_records

    return demo_records()


@hooks.register("portal_sensitive_permissions")
def awards_records_are_personal_data():
    # Officials' yearly ratings and discipline are personal data (portal.core.privacy):
    # whoever can read them signs in with two steps.
    return ["awards.view_yearrecord", "awards.view_discipline"]


@hooks.register("portal_public_addresses")
def awards_addresses():
    from django.urls import reverse

    from portal.core.links import PublicAddress

    return [
        PublicAddress(_("Honor roll of emulation and awards"), reverse("awards_honor_roll")),
        PublicAddress(_("Nominees for awards published for comments"), reverse("awards_disclosures")),
    ]


register_report(
    name="awards_statistics",
    url_path="awards-statistics/",
    view=admin_views.StatisticsView.as_view(),
    label=_("Emulation and awards statistics"),
    permission="awards.view_award",
    order=1100,
    icon="pick",
)
register_report(
    name="awards_dashboard",
    url_path="awards-follow-up/",
    view=admin_views.DashboardView.as_view(),
    label=_("Council's follow-up"),
    permission="awards.view_nomination",
    order=1110,
    icon="pick",
)


@hooks.register("portal_scheduled_jobs")
def awards_jobs():
    from portal.core.jobs import Job

    # Names and contacts of nominee comments past AWARDS_COMMENT_RETENTION_DAYS (once a day).
    return [Job("awards_comment_purge", "awards_comment_purge", every=86_400, order=95)]

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CalendarDay


class CalendarDayViewSet(SnippetViewSet):
    """Lịch ngày nghỉ: the department's own days off and extra working days (every change is
    in Wagtail's action log)."""

    model = CalendarDay
    icon = "date"
    menu_label = _("Days off and working days")
    list_display = ["date", "working", "reason"]
    list_filter = ["working"]
    ordering = ["-date"]


register_snippet(CalendarDayViewSet)


@hooks.register("register_log_actions")
def register_report_export_action(actions):
    actions.register_action("portal.report_export", _("Export report"), _("Exported a report"))


@hooks.register("portal_scheduled_jobs")
def scheduled_publishing():
    from .jobs import Job

    # Pages whose scheduled publication (or unpublication) time has come (Wagtail's command).
    return [
        Job("publish_scheduled", "publish_scheduled", order=0),
        # Request keys past their lifetime (portal.core.idempotency).
        Job("purge_expired", "purge_expired", every=3600, order=90),
    ]

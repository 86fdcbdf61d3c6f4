from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_vi, maintenance
from .admin_reports import BrokenLinksReportView
from .models import CalendarDay, MaintenanceWindow
from .privacy import PERSONAL_DATA_REMOVED, PERSONAL_DATA_VIEWED
from .reports import register_report


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


class MaintenanceWindowViewSet(SnippetViewSet):
    """Bảo trì theo kế hoạch: the interruptions announced on the site (portal.core.maintenance)."""

    model = MaintenanceWindow
    icon = "warning"
    menu_label = _("Planned maintenance")
    list_display = [
        "starts_at",
        "ends_at",
        "announce_from",
        Column("notice", label=_("Working days of notice"), accessor=maintenance.notice_label),
    ]
    ordering = ["-starts_at"]


register_snippet(MaintenanceWindowViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_of_short_notice(request, instance):
    """Saved, but said plainly: the notice is shorter than the setting asks."""
    if not isinstance(instance, MaintenanceWindow):
        return
    from django.contrib import messages

    from .formats import short_date as vi_date
    from .maintenance import notice_of

    notice = notice_of(instance)
    if not notice.sufficient:
        messages.warning(
            request,
            _(
                "The notice gives %(days)d working days before the interruption; %(required)d are required. "
                "Announced from %(announce)s, the interruption should start on %(earliest)s or later."
            )
            % {
                "days": notice.days,
                "required": notice.required,
                "announce": vi_date(instance.announce_from),
                "earliest": vi_date(notice.earliest_start),
            },
        )


register_report(
    name="broken_links_report",
    url_path="broken-links/",
    view=BrokenLinksReportView.as_view(),
    label=_("Broken menu links"),
    permission="core.change_sitenavigation",
    icon="link",
)


@hooks.register("register_log_actions")
def register_report_export_action(actions):
    actions.register_action("portal.report_export", _("Export report"), _("Exported a report"))
    # Staff accounts (portal.core.staff.audit).
    actions.register_action("portal.login", _("Sign in"), _("Signed in"))
    actions.register_action("portal.logout", _("Sign out"), _("Signed out"))
    actions.register_action("portal.login_failed", _("Failed sign-in"), _("Wrong password or code"))
    actions.register_action("portal.locked_out", _("Sign-in paused"), _("Signing in paused after repeated failures"))
    actions.register_action("portal.two_factor_set_up", _("Set up two-step sign-in"), _("Set up two-step sign-in"))
    actions.register_action("portal.two_factor_verified", _("Two-step sign-in"), _("Gave the second-step code"))
    actions.register_action("portal.recovery_code_used", _("Recovery code used"), _("Signed in with a recovery code"))
    actions.register_action("portal.two_factor_reset", _("Reset two-step sign-in"), _("Two-step sign-in reset"))
    # Who saw a citizen's personal data, and when it was removed (portal.core.privacy: Luật Bảo vệ
    # dữ liệu cá nhân 91/2025/QH15). Any app that shows or purges such data logs these two.
    actions.register_action(PERSONAL_DATA_VIEWED, _("View personal data"), _("Viewed personal data"))
    actions.register_action(
        PERSONAL_DATA_REMOVED, _("Remove personal data"), _("Personal data removed after the retention period")
    )


@hooks.register("portal_scheduled_jobs")
def scheduled_publishing():
    from .jobs import Job

    # Pages whose scheduled publication (or unpublication) time has come (Wagtail's command).
    return [
        # The scheduler's own heartbeat, and one asked of the task worker (portal.core.health).
        Job("heartbeat", "heartbeat", order=0),
        Job("publish_scheduled", "publish_scheduled", order=0),
        # Request keys past their lifetime (portal.core.idempotency).
        Job("purge_expired", "purge_expired", every=3600, order=90),
    ]


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))


@hooks.register("insert_editor_js")
def table_editor_in_vietnamese():
    """The table editor's menu in Vietnamese (after Handsontable, before the tables are drawn)."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}"></script>', static("core/admin-table-vi.js"))


@hooks.register("insert_global_admin_js")
def admin_init_script():
    """Starts the pickers, panels and choosers Wagtail starts with inline scripts (headers.py)."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<script src="{}"></script>', static("core/admin-init.js"))


# The editors' screens in Vietnamese where Wagtail's catalogue cannot reach (core/admin_vi.py).
hooks.register("construct_page_action_menu", admin_vi.relabel_submit_item)
hooks.register("construct_help_menu", admin_vi.editors_guide_menu)
hooks.register("register_admin_urls", admin_vi.guide_urls)
admin_vi.label_site_columns()


@hooks.register("portal_demo", order=5)
def demo_maintenance(home):
    """One planned interruption, announced today with the notice the setting asks for, so the
    banner and its admin can be seen after `make run` (none is added when one exists)."""
    import datetime as dt

    from django.utils import timezone

    from .calendar import add_working_days
    from .maintenance import required_days

    if MaintenanceWindow.objects.exists():
        return ""
    today = timezone.localdate()
    day = add_working_days(today, required_days()) + dt.timedelta(days=1)
    while day.weekday() != 5:  # a Saturday evening, when fewest people use the services
        day += dt.timedelta(days=1)
    start = timezone.make_aware(dt.datetime.combine(day, dt.time(20)))
    MaintenanceWindow.objects.create(
        announce_from=today,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=4),
        message="Sở nâng cấp máy chủ của cổng thông tin. Trong thời gian này, người dân gửi phản ánh, kiến nghị "
        "qua số điện thoại đường dây nóng của Sở; các hồ sơ đã gửi trước đó không bị ảnh hưởng.",
    )
    return "Bảo trì theo kế hoạch: 1 thông báo."

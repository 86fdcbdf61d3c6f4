from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from . import selectors, views

REPORT_PERMISSION = "visits.view_visit_report"


@hooks.register("portal_footer_widgets")
def visit_counters_block(request, page):
    """The footer counters, which also carry the beacon that counts this page view."""
    page_id = page.pk if isinstance(page, Page) else None
    return render_to_string(
        "visits/counters.html", {"counters": selectors.counters(), "page_id": page_id}, request=request
    )


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/visits/", views.VisitReportView.as_view(), name="visits_report")]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Visit statistics"), reverse("visits_report"), name="visit-statistics", icon_name="table", order=1000
    )


@hooks.register("register_log_actions")
def register_export_action(actions):
    actions.register_action("portal.visits.export", _("Export visit statistics"), _("Exported visit statistics"))

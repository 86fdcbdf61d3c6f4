from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page

from portal.core.fragments import render_plain
from portal.core.reports import register_report

from . import selectors, views

REPORT_PERMISSION = "visits.view_visit_report"


@hooks.register("portal_footer_widgets")
def visit_counters_block(request, page):
    """The footer counters, which also carry the beacon that counts this page view."""
    page_id = page.pk if isinstance(page, Page) else None
    # Drawn without the request (it needs none of what the context processors add), once per
    # process for the same numbers: they change at most once a minute.
    return render_plain("visits/counters.html", counters=selectors.counters(), page_id=page_id)


register_report(
    name="visits_report",
    url_path="visits/",
    view=views.VisitReportView.as_view(),
    label=_("Visit statistics"),
    permission=REPORT_PERMISSION,
)


@hooks.register("portal_scheduled_jobs")
def visit_jobs():
    from portal.core.jobs import Job

    # Buffered hits into the daily tables; finished days closed (their visitor hashes deleted).
    return [Job("flush_visits", "flush_visits", order=20)]

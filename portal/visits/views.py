"""Admin report of the visit statistics, with XLSX and CSV export (exports are logged)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core import reports
from portal.core.admin_reports import AdminReportView
from portal.core.forms import DateRangeForm

from . import selectors

TABLES = ("days", "articles", "categories", "referrers", "devices")


class ReportForm(DateRangeForm):
    max_years = 3


class VisitReportView(AdminReportView):
    template_name = "visits/admin/report.html"
    page_title = gettext_lazy("Visit statistics")
    permission = "visits.view_visit_report"
    form_class = ReportForm

    def default_period(self) -> dict:
        today = timezone.localdate()
        return {"date_from": (today - dt.timedelta(days=29)).isoformat(), "date_to": today.isoformat()}

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, report=None))
        report = selectors.report(date_from=form.cleaned_data["date_from"], date_to=form.cleaned_data["date_to"])
        export = request.GET.get("export", "")
        if export == "xlsx":
            reports.report_export_record(
                user=request.user,
                report="visits",
                file_format="xlsx",
                date_from=report.date_from,
                date_to=report.date_to,
            )
            return xlsx_response(report)
        if export == "csv":
            table = request.GET.get("table", "days")
            if table not in TABLES:
                table = "days"
            reports.report_export_record(
                user=request.user,
                report="visits",
                file_format=f"csv:{table}",
                date_from=report.date_from,
                date_to=report.date_to,
            )
            return csv_response(report, table)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                report=report,
                peak=max((row.views for row in report.days), default=0),
                period_query=urlencode({"date_from": report.date_from, "date_to": report.date_to}),
                csv_tables=list(sheet_titles().items()),
            )
        )


# --------------------------------------------------------------------------- exports
def table_rows(report: selectors.Report, table: str) -> tuple[list[str], list[list]]:
    """Header and rows of one table of the report, shared by both export formats."""
    if table == "days":
        return [_("Date"), _("Page views"), _("Visits")], [[r.day, r.views, r.visitors] for r in report.days]
    if table == "articles":
        return [_("Article"), _("Address"), _("Page views")], [[r.label, r.url, r.views] for r in report.articles]
    if table == "categories":
        return [_("Category"), _("Address"), _("Page views")], [[r.label, r.url, r.views] for r in report.categories]
    if table == "referrers":
        return [_("Referring site"), _("Page views")], [[r.label, r.views] for r in report.referrers]
    return [_("Device"), _("Page views")], [[r.label, r.views] for r in report.devices]


def sheet_titles() -> dict[str, str]:
    return {
        "days": _("By day"),
        "articles": _("Top articles"),
        "categories": _("Top categories"),
        "referrers": _("Referrers"),
        "devices": _("Devices"),
    }


def _filename(report: selectors.Report, extension: str, table: str = "") -> str:
    suffix = f"-{table}" if table else ""
    return f"thong-ke-truy-cap-{report.date_from:%Y%m%d}-{report.date_to:%Y%m%d}{suffix}.{extension}"


def xlsx_response(report: selectors.Report) -> HttpResponse:
    sheets = []
    for table, title in sheet_titles().items():
        header, rows = table_rows(report, table)
        wide = table in ("articles", "categories", "referrers")
        sheets.append(reports.Sheet(title, header, rows, first_column_width=40 if wide else 14))
    return reports.xlsx_response(_filename(report, "xlsx"), sheets)


def csv_response(report: selectors.Report, table: str) -> HttpResponse:
    header, rows = table_rows(report, table)
    return reports.csv_response(_filename(report, "csv", table), header, rows)

"""Admin report of the visit statistics, with XLSX and CSV export (exports are logged)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from portal.core.admin_reports import AdminReportView
from portal.core.forms import DateRangeForm

from . import selectors, services

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
            services.report_export_record(
                user=request.user, file_format="xlsx", date_from=report.date_from, date_to=report.date_to
            )
            return xlsx_response(report)
        if export == "csv":
            table = request.GET.get("table", "days")
            if table not in TABLES:
                table = "days"
            services.report_export_record(
                user=request.user, file_format=f"csv:{table}", date_from=report.date_from, date_to=report.date_to
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
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table, title in sheet_titles().items():
        sheet = workbook.create_sheet(title[:31])
        header, rows = table_rows(report, table)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text from editors or browsers, never a formula
        sheet.column_dimensions["A"].width = 40 if table in ("articles", "categories", "referrers") else 14
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "xlsx")}"'
    return response


def csv_response(report: selectors.Report, table: str) -> HttpResponse:
    # UTF-8 with a byte order mark, so spreadsheet programs show the diacritics right.
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "csv", table)}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    header, rows = table_rows(report, table)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else _csv_safe(value) for value in row]
        )
    return response


def _csv_safe(value):
    """Titles come from editors and hosts from browsers: a leading = + - @ would be run as a
    formula by spreadsheet programs, so such text gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value

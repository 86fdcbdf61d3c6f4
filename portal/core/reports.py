"""The reports kit: what every admin report with an export needs, written once.

- `report_export_record`: each export is kept (who, which report, which format and period)
  and written to Wagtail's action log ("portal.report_export"), since exports carry the
  department's data out of the system;
- `safe_cell`: the one formula-injection guard. Spreadsheet programs run a cell that starts
  with = + - @ (and tab or carriage return, which some strip first) as a formula; titles come
  from editors and hosts from browsers, so such text gets a leading apostrophe in CSV and is
  stored as text in XLSX;
- `xlsx_response` / `csv_response`: the files, with the guard applied to every text cell,
  dates as dd/mm/yyyy, a bold header, and CSV in UTF-8 with a byte order mark so spreadsheet
  programs show the diacritics;
- `register_report`: an admin page under Báo cáo (Reports), shown to those with its permission.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse
from wagtail.log_actions import log

from .models import ReportExport

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def report_export_record(*, user, report: str, file_format: str, date_from: dt.date, date_to: dt.date) -> ReportExport:
    export = ReportExport.objects.create(
        user=user, report=report, file_format=file_format, date_from=date_from, date_to=date_to
    )
    log(
        export,
        "portal.report_export",
        user=user,
        data={"report": report, "format": file_format, "from": date_from.isoformat(), "to": date_to.isoformat()},
    )
    return export


def safe_cell(value):
    """`value` as a spreadsheet cell that is never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class Sheet:
    title: str
    header: Sequence[str]
    rows: Iterable[Sequence]
    first_column_width: int = 40


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def xlsx_response(filename: str, sheets: list[Sheet]) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for sheet_data in sheets:
        sheet = book.create_sheet(str(sheet_data.title)[:31])
        sheet.append([str(label) for label in sheet_data.header])
        for cell in sheet[1]:
            cell.font = bold
        for row in sheet_data.rows:
            sheet.append([str(v) if hasattr(v, "__html__") else v for v in row])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # text from editors or browsers, never a formula
        sheet.column_dimensions["A"].width = sheet_data.first_column_width
    out = io.BytesIO()
    book.save(out)
    return _attachment(HttpResponse(out.getvalue(), content_type=XLSX_TYPE), filename)


def docx_response(filename: str, document) -> HttpResponse:
    """A python-docx Document as a download (minutes, reports to print and sign)."""
    out = io.BytesIO()
    document.save(out)
    return _attachment(HttpResponse(out.getvalue(), content_type=DOCX_TYPE), filename)


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(str(label)) for label in header])
    for row in rows:
        writer.writerow(
            [value.strftime("%d/%m/%Y") if isinstance(value, dt.date) else safe_cell(value) for value in row]
        )
    return _attachment(response, filename)


def csv_text(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The same CSV as text (exports written to a file by a command)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(str(label)) for label in header])
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return out.getvalue()


def register_report(*, name: str, url_path: str, view, label, permission: str, order: int = 1000, icon: str = "table"):
    """Add an admin report: its URL (admin/reports/<url_path>) and its item under Báo cáo,
    shown only to users with `permission` (the view checks it again)."""
    from django.urls import path, reverse
    from wagtail import hooks
    from wagtail.admin.menu import MenuItem

    class ReportMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm(permission)

    hooks.register("register_admin_urls", lambda: [path(f"reports/{url_path}", view, name=name)])
    hooks.register(
        "register_reports_menu_item",
        lambda: ReportMenuItem(label, reverse(name), name=name.replace("_", "-"), icon_name=icon, order=order),
    )

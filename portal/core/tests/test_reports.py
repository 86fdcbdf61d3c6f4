"""Report exports (reports.py): the formula guard, CSV and XLSX writers, the export log."""

import io

import pytest
from openpyxl import load_workbook

from portal.core import reports
from portal.core.models import ReportExport


@pytest.mark.parametrize("dangerous", ["=1+1", "+84 912", "-2", "@SUM(A1)", "\t=cmd", "\r=cmd"])
def test_the_formula_guard_covers_every_starting_character(dangerous):
    assert reports.safe_cell(dangerous) == "'" + dangerous
    assert reports.safe_cell("Hội nghị = thành công") == "Hội nghị = thành công"
    assert reports.safe_cell(12) == 12


def test_csv_export_is_guarded_and_readable_by_spreadsheets():
    import datetime as dt

    response = reports.csv_response("x.csv", ["Tiêu đề", "Ngày"], [["=HYPERLINK(1)", dt.date(2026, 12, 2)]])
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff") and "'=HYPERLINK(1)" in text and "02/12/2026" in text
    assert 'filename="x.csv"' in response["Content-Disposition"]


def test_xlsx_export_keeps_formulas_as_text():
    response = reports.xlsx_response("x.xlsx", [reports.Sheet("Bảng", ["Tiêu đề"], [["=1+1"], ["Bình thường"]])])
    sheet = load_workbook(io.BytesIO(response.content))["Bảng"]
    assert sheet["A1"].value == "Tiêu đề" and sheet["A1"].font.bold
    assert sheet["A2"].value == "=1+1" and sheet["A2"].data_type == "s"


def test_an_export_is_kept_and_in_the_action_log(db):
    import datetime as dt

    from django.contrib.auth import get_user_model
    from wagtail.models import ModelLogEntry

    user = get_user_model().objects.create_user("xuat")
    export = reports.report_export_record(
        user=user, report="visits", file_format="xlsx", date_from=dt.date(2026, 1, 1), date_to=dt.date(2026, 1, 31)
    )
    assert ReportExport.objects.get() == export
    entry = ModelLogEntry.objects.get(action="portal.report_export")
    assert entry.user_id == user.pk and entry.data["report"] == "visits"

"""The visit report in the admin (wagtail_hooks.py): permission, bad dates, logged XLSX and CSV
exports."""

import csv
import datetime as dt
import io

import openpyxl
from wagtail.models import ModelLogEntry

from portal.core import roles
from portal.core.models import ReportExport
from portal.core.tests.factories import make_user


def test_report_needs_permission(client, report_data):
    client.force_login(make_user("bt", roles.EDITORS))
    assert client.get("/admin/reports/visits/").status_code == 302
    assert not ReportExport.objects.exists()
    client.force_login(make_user("tb", roles.APPROVERS))
    response = client.get("/admin/reports/visits/?date_from=2026-11-01&date_to=2026-11-03")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thống kê truy cập" in html and "Bài thi đua" in html and "google.com" in html


def test_report_bad_dates_explained_in_vietnamese(client, report_data):
    client.force_login(make_user("tb", roles.APPROVERS))
    html = client.get("/admin/reports/visits/?date_from=2026-11-05&date_to=2026-11-01&export=xlsx").content.decode()
    assert "Ngày bắt đầu không được sau ngày kết thúc." in html
    html = client.get("/admin/reports/visits/?date_from=hôm-qua&date_to=2026-11-01").content.decode()
    assert "Nhập một ngày hợp lệ." in html
    assert not ReportExport.objects.exists()


def test_xlsx_export_is_logged(client, report_data):
    user = make_user("tb", roles.APPROVERS)
    client.force_login(user)
    response = client.get("/admin/reports/visits/?date_from=2026-11-01&date_to=2026-11-03&export=xlsx")
    assert response.status_code == 200
    assert "thong-ke-truy-cap-20261101-20261103.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Theo ngày",
        "Bài viết xem nhiều",
        "Chuyên mục xem nhiều",
        "Nguồn truy cập",
        "Thiết bị",
    ]
    days = list(workbook["Theo ngày"].values)
    assert days[0] == ("Ngày", "Lượt xem trang", "Lượt truy cập")
    assert days[2][1:] == (6, 6) and days[2][0].date() == dt.date(2026, 11, 2)
    title_cell = workbook["Bài viết xem nhiều"]["A2"]
    assert title_cell.value.startswith("=HYPERLINK") and title_cell.data_type == "s"  # text, not a formula
    export = ReportExport.objects.get()
    assert (export.user, export.file_format, export.date_from) == (user, "xlsx", dt.date(2026, 11, 1))
    entry = ModelLogEntry.objects.get(action="portal.report_export")
    assert entry.user == user and entry.data["format"] == "xlsx"


def test_csv_export(client, report_data):
    client.force_login(make_user("tb", roles.APPROVERS))
    response = client.get("/admin/reports/visits/?date_from=2026-11-01&date_to=2026-11-03&export=csv&table=articles")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Bài viết", "Địa chỉ", "Lượt xem trang"]
    assert rows[1][0].startswith("'=HYPERLINK") and rows[1][2] == "6"
    assert ReportExport.objects.get().file_format == "csv:articles"

"""The yearly S&T indicators: the file import (rows, errors with their row numbers, re-import,
XLSX, export → import), their datasets on the statistics page, the open-data page and the API,
the admin's import with a preview, and the demo."""

import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

from portal.science import indicators
from portal.science.demo_indicators import INDICATORS, demo_indicators
from portal.science.models import Indicator, IndicatorValue
from portal.science.statistics import all_datasets, dataset

from .test_admin import _login

HEAD = "Chỉ tiêu,Năm,Phân loại,Giá trị,Đơn vị,Nguồn,Ghi chú\n"
GOOD = (
    HEAD
    + "Nhân lực nghiên cứu theo trình độ,2024,Tiến sĩ,170,người,Báo cáo thống kê cơ sở,\n"
    + "nhan luc nghien cuu theo trinh do,2024,Thạc sĩ,991,,,\n"
    + "Nhân lực nghiên cứu theo trình độ,2025,Tiến sĩ,184,người,,ước tính\n"
    + 'Nhân lực nghiên cứu theo trình độ,2025,Thạc sĩ,"1.037",,,\n'
)


def _import(text: str, **kwargs):
    return indicators.import_indicators(text.encode(), filename="chi-tieu.csv", **kwargs)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        (12, "12"),
        (2.5, "2.5"),
        ("1.250", "1250"),
        ("1.250,5", "1250.5"),
        ("2,5", "2.5"),
        ("2.5", "2.5"),
        (" 1 250 ", "1250"),
    ],
)
def test_values_are_read_as_vietnamese_write_them(raw, value):
    assert indicators.parse_value(raw) == Decimal(value)


@pytest.mark.parametrize("raw", ["", "abc", "-3", "1,2,3", "10" * 12, True])
def test_bad_values_are_refused(raw):
    with pytest.raises(indicators.RowInvalid):
        indicators.parse_value(raw)


@pytest.mark.django_db
def test_import_creates_the_indicator_and_its_values():
    result = _import(GOOD)
    assert (result.created, result.updated, result.unchanged, result.errors) == (4, 0, 0, [])
    indicator = Indicator.objects.get()
    assert (indicator.slug, indicator.unit) == ("nhan-luc-nghien-cuu-theo-trinh-do", "người")
    data = dataset(indicator.slug)
    assert data.columns == ["year", "tien-si", "thac-si"]
    assert data.labels == ["Năm", "Tiến sĩ", "Thạc sĩ"]
    assert data.rows == [[2024, 170, 991], [2025, 184, 1037]]
    assert data.period == "2024–2025" and data.unit == "người"
    again = _import(GOOD)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    changed = _import(HEAD + "nhan-luc-nghien-cuu-theo-trinh-do,2025,Tiến sĩ,190,,,\n")
    assert changed.updated == 1 and IndicatorValue.objects.get(year=2025, category="Tiến sĩ").value == 190


@pytest.mark.django_db
def test_bad_rows_are_reported_with_their_row_number_and_the_others_land():
    Indicator.objects.create(slug="st-enterprises", title="Doanh nghiệp KH&CN", unit="doanh nghiệp", source="Sở")
    text = (
        HEAD
        + "Doanh nghiệp KH&CN,2024,,13,,,\n"  # 2: good
        + "Chỉ tiêu mới,2024,,5,,,\n"  # 3: a new indicator without unit and source
        + "st-enterprises,1800,,5,,,\n"  # 4: year out of range
        + "st-enterprises,2025,,mười,,,\n"  # 5: not a number
        + "st-enterprises,2025,,16,tổ chức,,\n"  # 6: another unit
        + ",2025,,16,,,\n"  # 7: no indicator
        + "st-enterprises,2025,,16,Doanh nghiệp,,\n"  # 8: good (the unit matches, case aside)
    )
    result = _import(text)
    assert [line for line, _message in result.errors] == [3, 4, 5, 6, 7]
    messages = dict(result.errors)
    assert "đơn vị" in messages[3] and "1900" in messages[4] and "mười" in messages[5] and "tổ chức" in messages[6]
    assert result.created == 2 and IndicatorValue.objects.count() == 2
    assert not Indicator.objects.filter(title="Chỉ tiêu mới").exists()


@pytest.mark.django_db
def test_dry_run_writes_nothing_and_the_command_reports_in_vietnamese(tmp_path, capsys):
    result = _import(GOOD, dry_run=True)
    assert result.created == 4 and not Indicator.objects.exists() and not IndicatorValue.objects.exists()
    path = tmp_path / "chi-tieu.csv"
    path.write_text(GOOD + "x,năm,,1,,,\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_science_indicators", str(path))
    out = capsys.readouterr()
    assert exit_info.value.code == 1
    assert "Dòng 6:" in out.err and "Đã nhập 4, cập nhật 0, không đổi 0, lỗi 1." in out.out


@pytest.mark.django_db
def test_xlsx_import_and_export_round_trip():
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "year", "category", "value", "unit", "source"])
    sheet.append(["Phương tiện đo được kiểm định", 2024, "Kiểm định", 47630, "phương tiện", "Sở KH&CN"])
    sheet.append(["Phương tiện đo được kiểm định", 2024.0, "Hiệu chuẩn", 2410.5, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    result = indicators.import_indicators(buffer.getvalue(), filename="t.xlsx")
    assert result.created == 2 and not result.errors
    exported = indicators.export_csv()
    assert "2410,5" in exported
    again = indicators.import_indicators(exported.encode(), filename="export.csv")
    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 0, 2, [])


@pytest.mark.django_db
def test_an_indicator_cannot_take_the_name_of_a_registry_dataset():
    indicator = Indicator(slug="tasks-by-field", title="Trùng tên", unit="x", source="y")
    with pytest.raises(ValidationError):
        indicator.full_clean()


@pytest.mark.django_db
def test_indicators_are_datasets_of_the_page_the_open_data_list_and_the_api(client):
    demo_indicators()
    assert demo_indicators() == ""  # idempotent
    hidden = Indicator.objects.get(slug="iso-9001-agencies")
    hidden.published = False
    hidden.save()
    slugs = [d.slug for d in all_datasets()]
    assert "rd-personnel-by-degree" in slugs and "iso-9001-agencies" not in slugs
    assert len(slugs) == 6 + len(INDICATORS) - 1
    page = client.get("/thong-ke-khcn/").content.decode()
    assert "Nhân lực nghiên cứu và phát triển theo trình độ" in page and "Tiến sĩ" in page
    open_data = client.get("/thong-ke-khcn/du-lieu-mo/").content.decode()
    for slug in slugs:
        assert f"/thong-ke-khcn/{slug}.csv" in open_data and f"/thong-ke-khcn/{slug}.json" in open_data
    assert "CC BY 4.0" in open_data
    api = client.get("/api/v1/statistics/measuring-instruments").json()
    assert api["unit"] == "phương tiện" and api["columns"] == ["year", "kiem-dinh", "hieu-chuan"]
    assert len(api["rows"]) == 5 and api["period"].count("–") == 1
    assert client.get("/api/v1/statistics/iso-9001-agencies").status_code == 404
    assert client.get("/thong-ke-khcn/iso-9001-agencies.json").status_code == 404
    listed = {item["slug"] for item in client.get("/api/v1/statistics").json()}
    assert listed == set(slugs)
    downloaded = json.loads(client.get("/thong-ke-khcn/st-enterprises.json").content)
    assert downloaded["rows"][-1][1] == 16 and downloaded["source"]


@pytest.mark.django_db
def test_a_missing_figure_is_empty_not_zero():
    indicator = Indicator.objects.create(slug="x", title="X", unit="người", source="Sở")
    IndicatorValue.objects.create(indicator=indicator, year=2024, category="A", value=1)
    IndicatorValue.objects.create(indicator=indicator, year=2025, category="B", value=Decimal("2.5"))
    data = dataset("x")
    assert data.rows == [[2024, 1, None], [2025, None, 2.5]]
    assert data.totals() == [1, 2.5]


def test_admin_import_with_preview_and_export(client, manager, editor):
    admin = _login(client, manager)
    upload = SimpleUploadedFile("chi-tieu.csv", GOOD.encode(), "text/csv")
    preview = admin.post("/admin/science/indicators/import/", {"file": upload})
    html = preview.content.decode()
    assert preview.status_code == 200 and "nhan-luc-nghien-cuu-theo-trinh-do · 2024 · Tiến sĩ" in html
    assert not IndicatorValue.objects.exists()
    assert admin.post("/admin/science/indicators/import/", {"confirm": "1"}).status_code == 302
    assert IndicatorValue.objects.count() == 4
    export = admin.get("/admin/science/indicators/export/")
    assert (
        export.status_code == 200 and "nhan-luc-nghien-cuu-theo-trinh-do,2025,Thạc sĩ,1037" in export.content.decode()
    )
    listing = admin.get("/admin/snippets/science/indicator/").content.decode()
    assert "Nhân lực nghiên cứu theo trình độ" in listing and "/admin/science/indicators/import/" in listing
    edit = admin.get(f"/admin/snippets/science/indicator/edit/{Indicator.objects.get().pk}/")
    assert edit.status_code == 200 and "Giá trị theo năm" in edit.content.decode()
    client.logout()
    other = _login(client, editor)
    assert other.get("/admin/science/indicators/import/").status_code in (302, 403)
    assert other.get("/admin/science/indicators/export/").status_code in (302, 403)


def test_a_change_empties_the_page_cache(db, monkeypatch):
    emptied = []
    monkeypatch.setattr("portal.core.bulk.empty_page_cache", lambda: emptied.append(1))
    Indicator.objects.create(slug="y", title="Y", unit="người", source="Sở")
    assert emptied
    emptied.clear()
    _import(GOOD)  # one import: one emptying
    assert emptied == [1]


@pytest.mark.django_db
def test_a_cell_the_export_guards_as_a_formula_imports_back_unchanged():
    _import(HEAD + "Nhân lực nghiên cứu,2025,- trong đó: nữ,412,người,Sở KH&CN,\n")
    exported = indicators.export_csv()
    assert "'- trong đó: nữ" in exported  # the export's guard (portal.core.reports.safe_cell)
    again = indicators.import_indicators(exported.encode(), filename="export.csv")
    assert (again.created, again.unchanged, again.errors) == (0, 1, [])
    assert IndicatorValue.objects.get().category == "- trong đó: nữ"

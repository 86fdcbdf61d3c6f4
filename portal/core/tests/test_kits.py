"""The shared kits of core: keyed hashes and log redaction, tracking codes and keys, report
exports with their formula guard, bulk publishing."""

import io
import logging

import pytest
from django.test import override_settings
from openpyxl import load_workbook

from portal.core import bulk, privacy, reports, tracking
from portal.core.models import ReportExport, YearlySequence


# --------------------------------------------------------------------------- privacy
def test_keyed_hashes_depend_on_purpose_and_secret():
    a = privacy.keyed_hash("ip", "203.0.113.9")
    assert a == privacy.keyed_hash("ip", "203.0.113.9") and len(a) == 32
    assert a != privacy.keyed_hash("contact", "203.0.113.9")
    with override_settings(SECRET_KEY="another-secret"):
        assert a != privacy.keyed_hash("ip", "203.0.113.9")
    assert "203.0.113.9" not in a


def test_secrets_compare_whatever_a_citizen_types():
    assert privacy.same_secret("ABCDEF2345", "ABCDEF2345")
    assert not privacy.same_secret("ABCDEF2345", "ÂBCDEF2345")  # no TypeError on non-ASCII
    assert not privacy.same_secret("ABCDEF2345", "\ud800")  # nor on a lone surrogate


@pytest.mark.parametrize(
    "message",
    [
        "petition from binh@example.vn",
        "call 0912 345 678 back",
        "GET /api/v1/feedback/PAKN-2026-000001?key=ABCDEF2345 200",
        "lookup +84912345678",
    ],
)
def test_the_log_filter_blanks_personal_data(message):
    record = logging.LogRecord("portal", logging.INFO, __file__, 1, "%s", (message,), None)
    privacy.RedactingFilter().filter(record)
    text = record.getMessage()
    assert "example.vn" not in text and "345" not in text and "ABCDEF2345" not in text and "[…]" in text


def test_the_log_filter_leaves_codes_and_dates_alone():
    record = logging.LogRecord(
        "portal", logging.INFO, __file__, 1, "petition %s on %s", ("PAKN-2026-000012", "02/12/2026"), None
    )
    privacy.RedactingFilter().filter(record)
    assert record.getMessage() == "petition PAKN-2026-000012 on 02/12/2026"


# --------------------------------------------------------------------------- tracking
def test_codes_count_per_prefix_and_year(db):
    assert tracking.next_code("PAKN", 2026) == "PAKN-2026-000001"
    assert tracking.next_code("PAKN", 2026) == "PAKN-2026-000002"
    assert tracking.next_code("TCTT", 2026) == "TCTT-2026-000001"
    assert tracking.next_code("PAKN", 2027) == "PAKN-2027-000001"
    assert YearlySequence.objects.get(name="PAKN", year=2026).last == 2


def test_keys_and_contacts_prove_the_right_to_see_a_record():
    salt = tracking.new_salt()
    key = tracking.secret_key("PAKN-2026-000001", salt)
    record = {"code": "PAKN-2026-000001", "salt": salt, "email": "mai@example.vn", "phone": "0912345678"}
    assert len(key) == tracking.KEY_LENGTH and key.isalnum()
    assert tracking.matches(**record, key=key.lower()[:5] + " " + key.lower()[5:])
    assert tracking.matches(**record, contact="MAI@example.vn")
    assert tracking.matches(**record, contact="0912 345 678")
    assert not tracking.matches(**record, key="WRONGKEY22")
    assert not tracking.matches(**record, contact="0912 345 679")
    assert not tracking.matches(**record, key="khóa-sai-ấy")
    assert not tracking.matches(**{**record, "phone": ""}, contact="")
    assert key != tracking.secret_key("PAKN-2026-000002", salt)


# --------------------------------------------------------------------------- reports
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


# --------------------------------------------------------------------------- bulk publishing
def test_bulk_publishing_clears_the_page_cache_once(monkeypatch):
    clears = []
    monkeypatch.setattr(bulk, "empty_page_cache", lambda: clears.append(1))
    with bulk.bulk_publishing():
        assert bulk.active()
        for _ in range(5):
            bulk.clear_page_cache()
        with bulk.bulk_publishing():  # nested: the outer one finishes
            bulk.clear_page_cache()
        assert clears == []
    assert clears == [1] and not bulk.active()
    bulk.clear_page_cache()
    assert clears == [1, 1]

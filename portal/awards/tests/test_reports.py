"""The period statistics (XLSX and DOCX read back), the council's dashboard, and the one-step
advice of the engine."""

import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group

from portal.awards.eligibility.advice import one_step_away
from portal.awards.models import Award, Official, Unit, YearRecord
from portal.awards.roles import OFFICERS
from portal.core.tests.factories import make_user


def _case(*entries, year=2025):
    history = [
        {"year": y, "rating": r, "titles": t, "initiatives": i, "discipline": False, "months_worked": 12}
        for y, r, t, i in entries
    ]
    return {"kind": "individual", "year": year, "history": history}


def test_one_more_initiative_makes_a_chien_si_thi_dua_co_so():
    """Luật 06/2022, Điều 23: Lao động tiên tiến and (hoàn thành xuất sắc or an initiative)."""
    steps = one_step_away(_case((2025, "httnv", [], 0)))
    assert steps["cstd_co_so"] == [
        "Cần thêm 01 sáng kiến được công nhận cấp cơ sở trong năm",
        "Cần xếp loại hoàn thành xuất sắc nhiệm vụ",
    ]
    assert "ldtt" not in steps  # already eligible


def test_a_low_rating_is_named_once_at_the_lowest_level_that_suffices():
    steps = one_step_away(_case((2025, "htnv", [], 1)))
    assert steps["ldtt"] == ["Cần xếp loại hoàn thành tốt nhiệm vụ"]
    assert steps["cstd_co_so"] == ["Cần xếp loại hoàn thành tốt nhiệm vụ"]  # with its initiative


def test_bang_khen_needs_the_second_initiative():
    """Luật 06/2022, Điều 74, khoản 1, điểm d: two years hoàn thành xuất sắc, two initiatives."""
    steps = one_step_away(_case((2024, "htxsnv", ["ldtt"], 0), (2025, "htxsnv", [], 1)))
    assert steps.get("bang_khen_bo_tinh") == ["Cần thêm 01 sáng kiến được công nhận cấp cơ sở trong năm"]


@pytest.fixture
def department(db, home):
    top = Unit.objects.create(name="Sở Khoa học và Công nghệ")
    office = Unit.objects.create(name="Văn phòng Sở", parent=top)
    team = Unit.objects.create(name="Tổ Hành chính – Một cửa", parent=office)
    inspect = Unit.objects.create(name="Thanh tra Sở", parent=top)
    people = {
        "an": Official.objects.create(full_name="Nguyễn Văn An", unit=team),
        "binh": Official.objects.create(full_name="Lê Thị Bình", unit=inspect),
    }
    for official, code, year in (
        (people["an"], "ldtt", 2024),
        (people["an"], "cstd_co_so", 2024),
        (people["an"], "ldtt", 2025),
        (people["binh"], "ldtt", 2025),
        (people["binh"], "ldtt", 2019),
    ):
        Award.objects.create(
            official=official,
            code=code,
            achievement_year=year,
            decision_number=f"{year}/QĐ",
            decision_date=dt.date(year + 1, 1, 10),
        )
    Award.objects.create(
        unit=office,
        code="tt_ldxs",
        achievement_year=2025,
        one_off=False,
        decision_number="7/QĐ-UBND",
        decision_date=dt.date(2026, 2, 1),
    )
    YearRecord.objects.create(official=people["an"], year=2025, rating="httnv", initiatives=0)
    YearRecord.objects.create(official=people["binh"], year=2025, rating="htxsnv", initiatives=0)
    officer = make_user("canbotdkt", OFFICERS)
    return {"office": office, "officer": officer, **people}


def test_the_period_statistics_and_their_exports(department, client):
    from docx import Document
    from openpyxl import load_workbook

    client.force_login(department["officer"])
    url = "/admin/reports/awards-statistics/"
    html = client.get(url, {"year_from": "2024", "year_to": "2025"}).content.decode()
    assert "03 Lao động tiên tiến; 01 Chiến sĩ thi đua cơ sở; 01 Tập thể lao động xuất sắc." in html
    office = client.get(url, {"year_from": "2024", "year_to": "2025", "unit": department["office"].pk}).content.decode()
    assert "02 Lao động tiên tiến" in office and "Lê Thị Bình" not in office  # the unit and the units under it
    book = load_workbook(
        io.BytesIO(client.get(url, {"year_from": "2024", "year_to": "2025", "export": "xlsx"}).content)
    )
    rows = list(book["Theo danh hiệu, hình thức"].iter_rows(values_only=True))
    assert ("Lao động tiên tiến", 3, 0, 3) in rows and rows[-1][-1] == 5  # 2019 is outside the period
    docx = client.get(url, {"year_from": "2024", "year_to": "2025", "export": "docx"})
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    assert "THỐNG KÊ" in text and "2024–2025" in text and "01 Tập thể lao động xuất sắc" in text
    bad = client.get(url, {"year_from": "2026", "year_to": "2020"})
    assert bad.status_code == 400 and "Năm bắt đầu sau năm kết thúc" in bad.content.decode()
    assert client.get(url, {"year_from": "1800", "year_to": "2020"}).status_code == 400


def test_the_dashboard_names_what_is_missing(department, client):
    client.force_login(department["officer"])
    html = client.get("/admin/reports/awards-follow-up/", {"year": "2025"}).content.decode()
    assert "Nguyễn Văn An" in html and "Cần thêm 01 sáng kiến" in html
    assert client.get("/admin/reports/awards-follow-up/", {"year": "abc"}).status_code == 400


def test_editors_see_no_awards_report(department, client):
    from portal.core import roles

    editor = make_user("bientap3", roles.EDITORS)
    assert not Group.objects.get(name=roles.EDITORS).permissions.filter(content_type__app_label="awards").exists()
    client.force_login(editor)
    assert client.get("/admin/reports/awards-statistics/").status_code in (302, 403)

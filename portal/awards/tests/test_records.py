"""The records in the database, the case the checker reads from them, the admin's answer page,
the officers' group and the demo."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from portal.awards.models import Award, Official, Unit, YearRecord
from portal.awards.roles import OFFICERS
from portal.awards.selectors import case_data, eligibility_for


@pytest.fixture
def office(db):
    unit = Unit.objects.create(name="Phòng Quản lý khoa học")
    official = Official.objects.create(full_name="Trần Thị Mai", unit=unit, position="Chuyên viên")
    for year, rating, initiatives in ((2023, "htxsnv", 1), (2024, "htxsnv", 1), (2025, "htxsnv", 1)):
        YearRecord.objects.create(official=official, year=year, rating=rating, initiatives=initiatives)
    for year in (2023, 2024):
        for code in ("ldtt", "cstd_co_so"):
            Award.objects.create(
                official=official,
                code=code,
                achievement_year=year,
                decision_number=f"{year}/QĐ-SKHCN",
                decision_date=dt.date(year + 1, 1, 15),
            )
    return unit, official


def test_the_case_is_built_from_the_records(office):
    _unit, official = office
    data = case_data(official, 2025)
    assert data["kind"] == "individual" and [e["year"] for e in data["history"]] == [2023, 2024, 2025]
    assert data["history"][0]["titles"] == ["cstd_co_so", "ldtt"] and data["history"][2]["titles"] == []
    verdicts = eligibility_for(official, 2025)
    assert verdicts["cstd_co_so"].eligible is True  # worked out for the candidate year
    assert verdicts["bang_khen_bo_tinh"].eligible is True  # two consecutive, with two initiatives
    assert verdicts["cstd_bo_tinh"].eligible is None  # three consecutive: the scope is asked
    assert eligibility_for(official, 2026) is None  # no record of 2026 yet


def test_the_initiative_scope_of_a_record_answers_the_cap_tinh_question(office):
    """Luật 06/2022/QH15, Điều 22: the record's widest scope (entered by the officer from the
    initiative council's recognition) reaches the checker as facts and decides the title."""
    _unit, official = office
    record = YearRecord.objects.get(official=official, year=2024)
    record.initiative_scope = "bo_tinh"
    record.save()
    data = case_data(official, 2025)
    assert data["history"][1]["facts"] == {"initiative_bo_tinh": True, "initiative_toan_quoc": False}
    assert "facts" not in data["history"][0]  # left empty: not known
    assert eligibility_for(official, 2025)["cstd_bo_tinh"].eligible is True
    YearRecord.objects.filter(official=official).update(initiative_scope="co_so")
    verdict = eligibility_for(official, 2025)["cstd_bo_tinh"]
    assert verdict.eligible is False and "không có sáng kiến" in verdict.reasons[0]


def test_a_one_off_award_reaches_the_checker_marked(office):
    _unit, official = office
    Award.objects.create(
        official=official,
        code="bang_khen_bo_tinh",
        achievement_year=2024,
        one_off=True,
        decision_number="9/QĐ-UBND",
        decision_date=dt.date(2024, 9, 2),
    )
    assert "bang_khen_bo_tinh_dot_xuat" in case_data(official, 2025)["history"][1]["titles"]


def test_records_refuse_what_cannot_be(office):
    unit, official = office
    with pytest.raises(ValidationError):
        YearRecord(official=official, unit=unit, year=2025, rating="httnv").full_clean()
    with pytest.raises(ValidationError):
        YearRecord(unit=unit, year=2025, rating="httnv", members_total=5, members_ldtt=6).full_clean()
    with pytest.raises(ValidationError):
        Award(
            official=official,
            code="ldtt",
            achievement_year=2025,
            decision_number="1",
            decision_date=dt.date(2024, 12, 1),
        ).full_clean()
    child = Unit.objects.create(name="Tổ Thẩm định", parent=unit)
    unit.parent = child
    with pytest.raises(ValidationError):
        unit.full_clean()  # a unit cannot be part of itself


def test_the_admin_shows_the_answer_per_title_with_its_articles(office, client, home):
    _unit, official = office
    officer = get_user_model().objects.create_user("thiduakt", password="x-Secret-123")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    client.force_login(officer)
    html = client.get(f"/admin/awards/check/official/{official.pk}/", {"year": "2025"}).content.decode()
    assert "Xét điều kiện" in html and "Trần Thị Mai" in html and "Nghị định 152/2025/NĐ-CP" in html
    assert (
        "Đủ điều kiện" in html
        and "Cần xem xét" in html
        and "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 23" in html
    )
    bad = client.get(f"/admin/awards/check/official/{official.pk}/", {"year": "20x5"}).content.decode()
    assert "Năm không hợp lệ" in bad
    assert (
        "Chưa có hồ sơ năm 2026"
        in client.get(f"/admin/awards/check/official/{official.pk}/", {"year": "2026"}).content.decode()
    )
    assert client.get("/admin/snippets/awards/official/").status_code == 200
    assert client.get("/admin/awards/check/official/999999/").status_code == 404


def test_editors_cannot_see_the_records(office, client, home):
    from portal.core import roles

    _unit, official = office
    editor = get_user_model().objects.create_user("bientap2", password="x-Secret-123")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    assert client.get(f"/admin/awards/check/official/{official.pk}/").status_code in (302, 403)


def test_the_demo_has_a_department_of_records(db, home):
    from portal.awards.demo import demo_records

    summary = demo_records()
    assert Official.objects.count() == 120 and Unit.objects.filter(parent__isnull=False).count() == 8
    years = sorted(set(YearRecord.objects.values_list("year", flat=True)))
    assert len(years) == 6
    last = Award.objects.filter(achievement_year=years[-1])
    assert last.exists() and set(last.values_list("decision_number", flat=True)) == {"15/QĐ-SKHCN"}
    assert Award.objects.filter(code="cstd_co_so").exists() and "120 cán bộ" in summary
    assert Award.objects.filter(unit__isnull=False, code__in=["tt_ldtt", "tt_ldxs"]).exists()  # units too
    # Six officials came from another unit: the units' member counts follow their postings.
    from portal.awards.models import Posting
    from portal.awards.selectors import unit_members

    moved = Posting.objects.filter(end_year__isnull=False).select_related("official", "unit").first()
    assert Posting.objects.filter(end_year__isnull=False).count() == 6
    assert moved.official in unit_members(moved.unit, years[0]) and moved.official not in unit_members(
        moved.unit, years[-1]
    )
    for record in YearRecord.objects.filter(unit=moved.unit, year__in=[years[0], years[-1]]):
        assert record.members_total == len(unit_members(moved.unit, record.year))
    assert demo_records() == ""  # idempotent

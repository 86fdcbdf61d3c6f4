"""A unit's members in a year (postings: quá trình công tác) and the counts a collective's
title reads (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 27, 28), filled from the members' own
records by the officer from the unit's check page."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from portal.awards import services
from portal.awards.models import Award, Official, Posting, Unit, YearRecord
from portal.awards.roles import OFFICERS
from portal.awards.selectors import member_counts, unit_members


@pytest.fixture
def units(db):
    lab = Unit.objects.create(name="Trung tâm Ứng dụng tiến bộ KH&CN")
    office = Unit.objects.create(name="Văn phòng Sở")
    moved = Official.objects.create(full_name="Đặng Thị Lan", unit=office)
    Posting.objects.create(official=moved, unit=lab, start_year=2021, end_year=2023)
    Posting.objects.create(official=moved, unit=office, start_year=2024)
    stayed = Official.objects.create(full_name="Phan Văn Toàn", unit=lab)  # no posting: always here
    return lab, office, moved, stayed


def test_members_follow_the_postings(units):
    lab, office, moved, stayed = units
    assert set(unit_members(lab, 2023)) == {moved, stayed}
    assert unit_members(lab, 2024) == [stayed]
    assert unit_members(office, 2024) == [moved] and unit_members(office, 2022) == []
    with pytest.raises(ValidationError):
        Posting(official=moved, unit=lab, start_year=2025, end_year=2024).full_clean()


def test_counts_come_from_decisions_or_else_from_the_checker(units):
    lab, _office, moved, stayed = units
    for official, rating, initiatives in ((moved, "htxsnv", 1), (stayed, "httnv", 0)):
        YearRecord.objects.create(official=official, year=2023, rating=rating, initiatives=initiatives)
    undecided = member_counts(lab, 2023)
    # Not decided yet: the checker (2023: the old law) finds both Lao động tiên tiến, and Lan,
    # with her initiative, Chiến sĩ thi đua cơ sở.
    assert (undecided.total, undecided.ldtt, undecided.cstd, undecided.decided) == (2, 2, 1, False)
    Award.objects.create(
        official=stayed,
        code="ldtt",
        achievement_year=2023,
        decision_number="5/QĐ-SKHCN",
        decision_date=dt.date(2024, 1, 10),
    )
    decided = member_counts(lab, 2023)  # once decisions exist, they are what counts
    assert (decided.ldtt, decided.cstd, decided.decided) == (1, 0, True)
    assert member_counts(lab, 2024).unrecorded == [stayed]


def test_the_officer_writes_the_counts_into_the_unit_record(units, client, home):
    lab, _office, moved, stayed = units
    for official in (moved, stayed):
        YearRecord.objects.create(official=official, year=2023, rating="httnv")
    officer = get_user_model().objects.create_user("thiduakt2", password="x-Secret-123")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    client.force_login(officer)
    page = f"/admin/awards/check/unit/{lab.pk}/"
    refused = client.post(page, {"action": "count_members", "year": "2023"}, follow=True).content.decode()
    assert "chưa có hồ sơ năm 2023" in refused  # the unit's own record comes first
    record = YearRecord.objects.create(unit=lab, year=2023, rating="httnv")
    html = client.get(page, {"year": "2023"}).content.decode()
    assert "Đặng Thị Lan" in html and "Phan Văn Toàn" in html and 'value="count_members"' in html
    done = client.post(page, {"action": "count_members", "year": "2023"})
    assert done.status_code == 302 and done["Location"].endswith("?year=2023")
    record.refresh_from_db()
    assert (record.members_total, record.members_ldtt, record.members_cstd) == (2, 2, 0)
    logged = ModelLogEntry.objects.for_instance(record).get(action="portal.awards.members_counted")
    assert logged.data == {"total": 2, "ldtt": 2, "cstd": 0, "disciplined": 0, "source": "checker"}
    # The collective's title now reads the counts: 100 % Lao động tiên tiến.
    assert services.year_record_count_members(unit=lab, year=2023, user=officer).members_ldtt == 2


def test_editors_cannot_write_the_counts(units, client, home):
    from portal.core import roles

    lab, *_rest = units
    YearRecord.objects.create(unit=lab, year=2023, rating="httnv")
    editor = get_user_model().objects.create_user("bientap3", password="x-Secret-123")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    client.post(f"/admin/awards/check/unit/{lab.pk}/", {"action": "count_members", "year": "2023"})
    assert YearRecord.objects.get(unit=lab, year=2023).members_total is None


def test_the_check_page_lists_the_accepted_tasks_the_official_led(db, client, home):
    """The link to the S&T registry: tasks accepted that year whose investigator is the
    official (academic titles and diacritics aside)."""
    from portal.science.models import Organisation, Task

    unit = Unit.objects.create(name="Phòng Quản lý khoa học")
    official = Official.objects.create(full_name="Trần Thị Mai", unit=unit)
    YearRecord.objects.create(official=official, year=2025, rating="htxsnv")
    host = Organisation.objects.create(name="Viện Khoa học Nông nghiệp")
    base = {"kind": "de-tai", "field": "nong-nghiep", "host": host, "start": dt.date(2023, 1, 1)}
    Task.objects.create(
        code="ĐT.03/2023", title="Chọn tạo giống chè chất lượng cao", level="tinh", investigator="PGS.TS. Trần Thị Mai",
        status="accepted", rating="dat", end=dt.date(2025, 6, 30), accepted_on=dt.date(2025, 9, 12), **base,
    )  # fmt: skip
    Task.objects.create(
        code="ĐT.04/2023", title="Bảo tồn nguồn gen lúa nếp", level="tinh", investigator="ThS. Trần Văn Mai",
        status="accepted", rating="dat", end=dt.date(2025, 6, 30), accepted_on=dt.date(2025, 9, 12), **base,
    )  # fmt: skip
    officer = get_user_model().objects.create_user("thiduakt4", password="x-Secret-123")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    client.force_login(officer)
    html = client.get(f"/admin/awards/check/official/{official.pk}/", {"year": "2025"}).content.decode()
    assert "ĐT.03/2023" in html and "Chọn tạo giống chè" in html and "ĐT.04/2023" not in html
    assert (
        "ĐT.03/2023"
        not in client.get(f"/admin/awards/check/official/{official.pk}/", {"year": "2024"}).content.decode()
    )

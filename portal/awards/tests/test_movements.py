"""Blocs and clusters (rotating head, covenant, the leader they vote, which answers the Cờ thi
đua question), movements and registrations."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from portal.awards.eligibility import CaseError, evaluate, parse_case
from portal.awards.models import Bloc, BlocYear, Movement, Official, Registration, Unit, YearRecord
from portal.awards.selectors import case_data


def _unit_case(facts=None):
    entry = {
        "year": 2025,
        "rating": "htxsnv",
        "titles": [],
        "initiatives": 0,
        "discipline": False,
        "members_total": 10,
        "members_ldtt": 10,
        "members_cstd": 2,
    }
    if facts is not None:
        entry["facts"] = facts
    return {"kind": "collective", "year": 2025, "history": [entry]}


def test_the_bloc_vote_answers_the_co_thi_dua_question():
    """Luật 06/2022, Điều 26: a Cờ thi đua cấp tỉnh goes to a collective its bloc voted to lead."""
    asked = evaluate(parse_case(_unit_case()))["co_thi_dua_bo_tinh"]
    assert asked.eligible is None and any("dẫn đầu cụm" in r for r in asked.reasons)
    led = evaluate(parse_case(_unit_case({"leads_bloc": True})))["co_thi_dua_bo_tinh"]
    assert not any("dẫn đầu cụm" in r for r in led.reasons)  # settled: only other questions may remain
    other = evaluate(parse_case(_unit_case({"leads_bloc": False})))["co_thi_dua_bo_tinh"]
    assert other.eligible is False and "Năm 2025 không dẫn đầu cụm, khối thi đua." in other.reasons


def test_facts_are_checked():
    with pytest.raises(CaseError, match="facts"):
        parse_case(_unit_case({"leads_bloc": "có"}))
    with pytest.raises(CaseError, match="facts"):
        parse_case(_unit_case({"invented": True}))


@pytest.fixture
def cluster(db):
    top = Unit.objects.create(name="Sở Khoa học và Công nghệ")
    units = [Unit.objects.create(name=name, parent=top) for name in ("Văn phòng Sở", "Thanh tra Sở", "Phòng QLKH")]
    bloc = Bloc.objects.create(name="Cụm thi đua số 1", kind=Bloc.Kind.CLUSTER)
    bloc.members.set(units)
    bloc.save()  # a parental relation is written on save
    return bloc, units


def test_the_head_rotates_and_is_not_the_deputy(cluster):
    bloc, (office, inspection, science) = cluster
    BlocYear.objects.create(bloc=bloc, year=2024, head=office, deputy=inspection)
    with pytest.raises(ValidationError, match="luân phiên"):
        BlocYear(bloc=bloc, year=2025, head=office, deputy=science).full_clean()
    with pytest.raises(ValidationError, match="hai đơn vị khác nhau"):
        BlocYear(bloc=bloc, year=2025, head=science, deputy=science).full_clean()
    BlocYear(bloc=bloc, year=2025, head=inspection, deputy=science).full_clean()


def test_the_leader_reaches_the_units_case(cluster):
    bloc, (office, inspection, _science) = cluster
    for unit in (office, inspection):
        YearRecord.objects.create(unit=unit, year=2025, rating="htxsnv", members_total=8, members_ldtt=8)
    BlocYear.objects.create(bloc=bloc, year=2025, head=office, leader=inspection)
    assert case_data(inspection, 2025)["history"][0]["facts"] == {"leads_bloc": True}
    assert case_data(office, 2025)["history"][0]["facts"] == {"leads_bloc": False}


def test_movements_and_registrations_keep_their_dates(cluster):
    _bloc, (office, *_rest) = cluster
    with pytest.raises(ValidationError):
        Movement(name="Thi đua", starts_on=dt.date(2025, 3, 1), ends_on=dt.date(2025, 1, 1), targets="x").full_clean()
    with pytest.raises(ValidationError):
        Movement(
            name="Thi đua",
            starts_on=dt.date(2025, 1, 1),
            ends_on=dt.date(2025, 12, 31),
            targets="x",
            midterm_on=dt.date(2025, 7, 1),
            final_on=dt.date(2025, 6, 1),
        ).full_clean()
    official = Official.objects.create(full_name="Lê Văn Tâm", unit=office)
    with pytest.raises(ValidationError):
        Registration(official=official, year=2025, code="ldtt", registered_on=dt.date(2026, 1, 5)).full_clean()
    with pytest.raises(ValidationError):
        Registration(
            official=official, unit=office, year=2025, code="ldtt", registered_on=dt.date(2025, 1, 5)
        ).full_clean()


def test_the_demo_organises_emulation(db, home):
    from portal.awards.demo import demo_records

    summary = demo_records()
    assert Bloc.objects.count() == 2 and Movement.objects.filter(kind="thematic").exists()
    assert Registration.objects.filter(unit__isnull=False).count() == 8
    assert "2 khối, cụm thi đua" in summary
    heads = list(BlocYear.objects.filter(bloc__kind="cum").order_by("year").values_list("head_id", flat=True))
    assert all(a != b for a, b in zip(heads, heads[1:], strict=False))  # rotating
    assert not Official.objects.filter(unit__external=True).exists()

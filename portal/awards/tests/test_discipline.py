"""Discipline in the checker: a person's achievements count only from the day the decision's
effect ends (the rule sets' "discipline_counts_from"); a collective is barred by a member
disciplined at cảnh cáo or above (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 27, 28). The
records: Discipline decisions (form, dates) feed the case; the unit's count marks its year."""

import datetime as dt
from dataclasses import replace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from portal.awards import services
from portal.awards.eligibility import CaseError, evaluate, parse_case
from portal.awards.eligibility.rulesets import load_rulesets
from portal.awards.models import Discipline, Official, Unit, YearRecord
from portal.awards.roles import OFFICERS
from portal.awards.selectors import case_data, eligibility_for, member_counts

CSTD = ["ldtt", "cstd_co_so"]


def year(y, rating="htxsnv", titles=(), initiatives=1, **extra):
    return {"year": y, "rating": rating, "titles": list(titles), "initiatives": initiatives, **extra}


def person(candidate, *history):
    return evaluate(parse_case({"kind": "individual", "year": candidate, "history": list(history)}))


def disciplined(y, form="khien_trach", until=None, **extra):
    return year(y, discipline=True, discipline_form=form, discipline_until=until, **extra)


# -- a person ---------------------------------------------------------------------------------


def test_no_title_while_the_effect_runs():
    verdict = person(2025, disciplined(2025, "canh_cao", "2026-03-31"))["ldtt"]
    assert verdict.eligible is False
    assert "trong thời gian kỷ luật năm 2025 (cảnh cáo)" in verdict.reasons[0] and "31/03/2026" in verdict.reasons[0]
    assert any("hết hiệu lực" in b for b in verdict.basis)  # the rule set's own basis is named


def test_years_before_the_end_of_effect_do_not_join_later_ones():
    """Bằng khen cấp tỉnh asks 02 consecutive Chiến sĩ thi đua cơ sở (Điều 74, khoản 1, điểm d):
    2024 under discipline breaks the run of 2023 and 2025."""
    history = [year(2023, titles=CSTD), disciplined(2024, until="2024-12-31"), year(2025)]
    verdict = person(2025, *history)["bang_khen_bo_tinh"]
    assert verdict.eligible is False
    assert any("Năm 2024 trong thời gian kỷ luật" in r for r in verdict.reasons)
    # Two clean years after the effect ended: eligible again.
    later = person(2026, *history, year(2026, titles=[]))
    assert later["cstd_co_so"].eligible is True
    history[2]["titles"] = CSTD
    assert person(2026, *history, year(2026))["bang_khen_bo_tinh"].eligible is True


def test_the_year_the_effect_ends_is_the_councils_question():
    history = [disciplined(2023, until="2024-05-10"), year(2024, titles=CSTD), year(2025)]
    verdict = person(2025, *history)["bang_khen_bo_tinh"]  # needs 2024 and 2025
    assert verdict.eligible is None
    assert any("10/05/2024" in r and "Hội đồng" in r for r in verdict.reasons)
    assert person(2025, *history)["cstd_co_so"].eligible is True  # reads 2025 only


def test_an_effect_ending_on_the_first_of_january_leaves_that_year_whole():
    verdict = person(2025, disciplined(2024, until="2025-01-01"), year(2025))["ldtt"]
    assert verdict.eligible is True


def test_without_the_end_of_effect_the_checker_asks():
    history = [disciplined(2023, "canh_cao"), year(2024), year(2025)]
    verdict = person(2025, *history)["ldtt"]
    assert verdict.eligible is None and "chưa ghi ngày hết hiệu lực" in verdict.reasons[0]
    bare = person(2025, year(2025, discipline=True))["ldtt"]  # the fixed format's plain flag
    assert bare.eligible is None and "hình thức và ngày hết hiệu lực" in bare.reasons[0]


def test_years_before_the_discipline_do_not_count_after_it():
    """Huân chương Lao động hạng Ba counts five years after the Bằng khen Thủ tướng: a discipline
    in the middle cuts them."""
    history = [year(y, titles=CSTD if y % 2 else ["ldtt"]) for y in range(2019, 2026)]
    history[0]["awards"] = ["bang_khen_ttg"]
    history[3] = disciplined(2022, until="2022-12-31", titles=["ldtt"])
    verdict = person(2025, *history)["huan_chuong_lao_dong_hang_ba"]
    assert verdict.eligible is False and any("kỷ luật năm 2022" in r for r in verdict.reasons)


def test_a_rule_set_without_the_rule_only_asks_about_the_year():
    assert all(rules.discipline_counts_from == "end_of_effect" for rules in load_rulesets())
    shipped = load_rulesets()[-1]
    without = replace(shipped, version="thu-nghiem", discipline_counts_from=None, discipline_basis=None)
    case = parse_case(
        {"kind": "individual", "year": 2025, "history": [disciplined(2024, until="2025-06-30"), year(2025)]}
    )
    assert evaluate(case, (without,))["ldtt"].eligible is True  # only 2024 is in question
    assert evaluate(case, (shipped,))["ldtt"].eligible is None  # 2025 counts from 30/06


def test_malformed_discipline_details_are_refused_in_vietnamese():
    for bad, message in (
        ({"discipline_form": "phat_tien"}, "discipline_form"),
        ({"discipline_until": "31/12/2025"}, "YYYY-MM-DD"),
        ({"discipline_until": "2024-12-31"}, "trước năm đó"),
    ):
        entry = year(2025, discipline=True, **bad)
        with pytest.raises(CaseError, match=message):
            parse_case({"kind": "individual", "year": 2025, "history": [entry]})
    with pytest.raises(CaseError, match="chỉ ghi khi"):
        parse_case({"kind": "individual", "year": 2025, "history": [year(2025, discipline_form="canh_cao")]})


# -- a collective -----------------------------------------------------------------------------


def unit_year(y, **extra):
    entry = year(y, members_total=10, members_ldtt=8, members_cstd=2)
    entry.update(extra)
    return entry


def test_a_collective_is_barred_from_canh_cao_upwards_only():
    def tt_ldtt(**extra):
        return evaluate(parse_case({"kind": "collective", "year": 2025, "history": [unit_year(2025, **extra)]}))[
            "tt_ldtt"
        ]

    assert tt_ldtt(discipline=True, discipline_form="khien_trach").eligible is True
    assert tt_ldtt(discipline=True, discipline_form="canh_cao").eligible is False
    assert tt_ldtt(discipline=True).eligible is False  # the plain flag means cảnh cáo or above


# -- the records ------------------------------------------------------------------------------


@pytest.fixture
def lab(db):
    return Unit.objects.create(name="Trung tâm Thông tin và Thống kê KH&CN")


def test_decisions_feed_the_case_most_severe_form_latest_end(lab):
    lan = Official.objects.create(full_name="Đỗ Thị Lan", unit=lab)
    YearRecord.objects.create(official=lan, year=2025, rating="htxsnv")
    Discipline.objects.create(
        official=lan,
        form="khien_trach",
        decision_number="7/QĐ-SKHCN",
        effective_date=dt.date(2024, 3, 1),
        effect_until=dt.date(2025, 2, 28),
    )
    Discipline.objects.create(
        official=lan,
        form="canh_cao",
        decision_number="9/QĐ-SKHCN",
        effective_date=dt.date(2024, 9, 1),
        effect_until=dt.date(2025, 8, 31),
    )
    data = case_data(lan, 2025)
    entry = next(e for e in data["history"] if e["year"] == 2024)  # made: 2024 has no record
    assert entry["rating"] is None and entry["discipline"] is True
    assert (entry["discipline_form"], entry["discipline_until"]) == ("canh_cao", "2025-08-31")
    verdict = eligibility_for(lan, 2025)["ldtt"]
    assert verdict.eligible is None and "31/08/2025" in verdict.reasons[0]
    assert eligibility_for(lan, 2026) is None  # no record of 2026 yet
    YearRecord.objects.create(official=lan, year=2026, rating="httnv")
    assert eligibility_for(lan, 2026)["ldtt"].eligible is True


def test_a_decision_cannot_end_before_it_starts(lab):
    lan = Official.objects.create(full_name="Đỗ Thị Lan", unit=lab)
    decision = Discipline(
        official=lan,
        form="canh_cao",
        decision_number="9/QĐ-SKHCN",
        effective_date=dt.date(2024, 9, 1),
        effect_until=dt.date(2024, 8, 31),
    )
    with pytest.raises(ValidationError) as refused:
        decision.full_clean()
    assert "effect_until" in refused.value.message_dict


def test_counting_members_marks_the_units_year(lab, home):
    officer = get_user_model().objects.create_user("canbo_td", password="x")
    officer.groups.add(Group.objects.get(name=OFFICERS))
    light = Official.objects.create(full_name="Vũ Minh Khôi", unit=lab)
    grave = Official.objects.create(full_name="Ngô Thị Hằng", unit=lab)
    for member in (light, grave):
        YearRecord.objects.create(official=member, year=2025, rating="httnv")
    row = YearRecord.objects.create(unit=lab, year=2025, rating="httnv")
    Discipline.objects.create(
        official=light, form="khien_trach", decision_number="3/QĐ-SKHCN", effective_date=dt.date(2025, 4, 2)
    )
    assert member_counts(lab, 2025).disciplined == []  # khiển trách does not bar the unit
    services.year_record_count_members(unit=lab, year=2025, user=officer)
    row.refresh_from_db()
    assert row.discipline is False
    Discipline.objects.create(
        official=grave, form="canh_cao", decision_number="4/QĐ-SKHCN", effective_date=dt.date(2025, 6, 2)
    )
    assert member_counts(lab, 2025).disciplined == [grave]
    services.year_record_count_members(unit=lab, year=2025, user=officer)
    row.refresh_from_db()
    assert row.discipline is True
    assert eligibility_for(lab, 2025)["tt_ldtt"].eligible is False


def test_reading_disciplines_needs_two_step_sign_in(db):
    from wagtail import hooks

    sensitive = [p for fn in hooks.get_hooks("portal_sensitive_permissions") for p in fn()]
    assert "awards.view_discipline" in sensitive

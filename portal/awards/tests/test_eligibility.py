"""The eligibility checker on cases built from the text of the law; each test names the article.
Plain Python: no database (the engine imports no Django)."""

import pytest

from portal.awards.eligibility import CaseError, evaluate, parse_case, ruleset_for

L22 = "Luật Thi đua, khen thưởng số 06/2022/QH15"


def year(y, rating="httnv", titles=(), initiatives=0, **extra):
    return {"year": y, "rating": rating, "titles": list(titles), "initiatives": initiatives, **extra}


def check(kind, candidate, *history):
    return evaluate(parse_case({"kind": kind, "year": candidate, "history": list(history)}))


def person(candidate, *history):
    return check("individual", candidate, *history)


def unit(candidate, *history):
    return check("collective", candidate, *history)


# -- Lao động tiên tiến (Điều 24) and Chiến sĩ thi đua cơ sở (Điều 23) ---------------------------


def test_lao_dong_tien_tien_needs_hoan_thanh_tot_or_better():
    assert person(2025, year(2025, "httnv"))["ldtt"].eligible is True
    assert person(2025, year(2025, "htxsnv"))["ldtt"].eligible is True
    verdict = person(2025, year(2025, "htnv"))["ldtt"]
    assert verdict.eligible is False and f"{L22}, Điều 24, khoản 1" in verdict.basis
    assert "hoàn thành tốt nhiệm vụ trở lên" in verdict.reasons[0]


def test_chien_si_thi_dua_co_so_by_excellence_or_an_initiative():
    assert person(2025, year(2025, "htxsnv"))["cstd_co_so"].eligible is True  # Điều 23: xuất sắc
    assert person(2025, year(2025, "httnv", initiatives=1))["cstd_co_so"].eligible is True  # or an initiative
    verdict = person(2025, year(2025, "httnv"))["cstd_co_so"]
    assert verdict.eligible is False and f"{L22}, Điều 23" in verdict.basis


def test_the_old_law_judges_2022_it_needed_an_initiative():
    """Luật 2003 (sửa đổi 2013), Điều 23: Lao động tiên tiến and an initiative, excellence alone
    was not enough."""
    assert ruleset_for(2022).version == "luat-2003-nd91-2017"
    verdict = person(2022, year(2022, "htxsnv"))["cstd_co_so"]
    assert verdict.eligible is False and any("Điều 23, khoản 2" in b for b in verdict.basis)
    assert person(2022, year(2022, "httnv", initiatives=1))["cstd_co_so"].eligible is True


def test_short_working_time_is_a_question_not_a_guess():
    verdict = person(2025, year(2025, "htxsnv", months_worked=8))["ldtt"]
    assert verdict.eligible is None and "8 tháng" in verdict.reasons[0]
    assert person(2025, year(2025, "htxsnv", months_worked=10))["ldtt"].eligible is True


def test_a_discipline_is_a_question_for_a_person():
    verdict = person(2025, year(2025, "htxsnv", discipline=True))["ldtt"]
    assert verdict.eligible is None and "kỷ luật" in verdict.reasons[0]


# -- Chiến sĩ thi đua cấp tỉnh (Điều 22) and toàn quốc (Điều 21) ----------------------------------


def test_chien_si_thi_dua_cap_tinh_three_consecutive_and_a_scope_the_records_lack():
    three = person(
        2025, year(2023, titles=["ldtt", "cstd_co_so"]), year(2024, titles=["ldtt", "cstd_co_so"]), year(2025, "htxsnv")
    )
    verdict = three["cstd_bo_tinh"]
    assert verdict.eligible is None and "phạm vi ảnh hưởng" in verdict.reasons[0]  # the scope is asked
    gap = person(2025, year(2023, titles=["cstd_co_so"]), year(2024, "htnv"), year(2025, "htxsnv"))["cstd_bo_tinh"]
    assert gap.eligible is False and "thiếu năm 2024" in gap.reasons[0]


def test_the_scope_of_an_initiative_decides_cap_tinh_when_the_records_carry_it():
    """Điều 22: an initiative (or accepted task) with an effect across the province, in the years
    of the three Chiến sĩ thi đua cơ sở; the records answer with the facts initiative_bo_tinh /
    initiative_toan_quoc (README), and one year of the three saying yes is enough."""

    def with_scope(*answers):
        history = [
            year(y, "htxsnv", titles=["ldtt", "cstd_co_so"], facts={"initiative_bo_tinh": a} if a is not None else {})
            for y, a in zip((2023, 2024, 2025), answers, strict=True)
        ]
        return person(2025, *history)["cstd_bo_tinh"]

    assert with_scope(None, True, None).eligible is True  # 2024's initiative counts for 2025
    verdict = with_scope(None, True, False)
    assert verdict.eligible is True and f"{L22}, Điều 22" in verdict.basis
    no = with_scope(False, False, False)
    assert no.eligible is False and "Các năm 2023–2025 không có sáng kiến" in no.reasons[0]
    assert with_scope(False, None, False).eligible is None  # one year unknown: still asked
    # The old law (2022 and before) asked the same of its Điều 22.
    old = person(
        2022,
        *[year(y, "htxsnv", titles=["ldtt", "cstd_co_so"], initiatives=1) for y in (2020, 2021)],
        year(2022, "htxsnv", initiatives=1, facts={"initiative_bo_tinh": True}),
    )["cstd_bo_tinh"]
    assert old.eligible is True


def test_toan_quoc_twice_running_cap_tinh_and_a_national_scope():
    """Điều 21: "02 lần liên tục" Chiến sĩ thi đua cấp tỉnh — each given for three years of
    Chiến sĩ thi đua cơ sở, so 2022 and 2025 (it once read two consecutive *years*, which the
    one-use rule of Điều 5 made impossible) — and an initiative of national scope."""
    facts = {"initiative_bo_tinh": True}

    def history(national=None, second=2022):
        entries = []
        for y in range(2020, 2026):
            titles = ["ldtt", "cstd_co_so"] + (["cstd_bo_tinh"] if y == second else [])
            extra = {"facts": {**facts, "initiative_toan_quoc": national}} if y == 2025 and national is not None else {}
            entries.append(year(y, "htxsnv", titles=titles, **({"facts": facts} if not extra else extra)))
        return person(2025, *entries)

    asked = history()["cstd_toan_quoc"]
    assert asked.eligible is None and "toàn quốc" in asked.reasons[0]  # 2022 + 2025 (worked out): only the scope
    decided = history(national=True)
    assert decided["cstd_bo_tinh"].eligible is True  # the second time, judged for 2025 itself
    assert decided["cstd_toan_quoc"].eligible is True and f"{L22}, Điều 21" in decided["cstd_toan_quoc"].basis
    assert history(national=False)["cstd_toan_quoc"].eligible is None  # the years before 2025 unknown
    every_year_no = [
        year(y, "htxsnv", titles=["ldtt", "cstd_co_so"] + (["cstd_bo_tinh"] if y in (2022, 2025) else []),
             facts={"initiative_bo_tinh": True, "initiative_toan_quoc": False})
        for y in range(2020, 2026)
    ]  # fmt: skip
    refused = person(2025, *every_year_no)["cstd_toan_quoc"]
    assert refused.eligible is False and "toàn quốc" in refused.reasons[0]
    gap = history(national=True, second=2021)["cstd_toan_quoc"]
    assert gap.eligible is False and "thiếu năm 2022" in gap.reasons[0]


def test_unknown_facts_are_refused_with_a_message():
    with pytest.raises(CaseError, match="initiative_bo_tinh"):
        person(2025, year(2025, facts={"pham_vi": True}))


def test_a_title_already_given_for_those_years_is_not_given_again():
    """Điều 5: one achievement is not used twice for awards of the same kind."""
    verdict = person(
        2025,
        year(2023, titles=["cstd_co_so"]),
        year(2024, titles=["cstd_co_so", "cstd_bo_tinh"]),
        year(2025, "htxsnv"),
    )["cstd_bo_tinh"]
    assert verdict.eligible is False and f"{L22}, Điều 5" in verdict.basis


# -- Tập thể lao động tiên tiến (Điều 28) and xuất sắc (Điều 27) ----------------------------------


def test_tap_the_lao_dong_tien_tien_exactly_seventy_percent():
    def members(ldtt, **extra):
        return unit(2025, year(2025, "httnv", members_total=20, members_ldtt=ldtt, members_cstd=0, **extra))["tt_ldtt"]

    assert members(14).eligible is True  # 70 % exactly
    low = members(13)
    assert low.eligible is False and "13/20" in low.reasons[0] and f"{L22}, Điều 28" in low.basis
    assert members(20, discipline=True).eligible is False  # a member disciplined at cảnh cáo or above
    assert unit(2025, year(2025, "httnv"))["tt_ldtt"].eligible is None  # no member counts


def test_tap_the_lao_dong_tien_tien_under_the_old_law_more_than_half():
    """Luật 2003, Điều 28, khoản 1, điểm c: trên 50 %."""
    assert unit(2023, year(2023, members_total=20, members_ldtt=11))["tt_ldtt"].eligible is True
    assert unit(2023, year(2023, members_total=20, members_ldtt=10))["tt_ldtt"].eligible is False  # 50 % is not more


def test_tap_the_lao_dong_xuat_sac_asks_what_the_records_do_not_hold():
    good = unit(2025, year(2025, "htxsnv", members_total=10, members_ldtt=7, members_cstd=1))["tt_ldxs"]
    assert good.eligible is None and "100%" in good.reasons[0]  # everyone completed their duties?
    no_cstd = unit(2025, year(2025, "htxsnv", members_total=10, members_ldtt=8, members_cstd=0))["tt_ldxs"]
    assert no_cstd.eligible is False and "Chiến sĩ thi đua cơ sở" in no_cstd.reasons[0]


def test_co_thi_dua_and_giay_khen_are_questions():
    verdicts = unit(2025, year(2025, "htxsnv", members_total=10, members_ldtt=9, members_cstd=2))
    assert (
        verdicts["co_thi_dua_bo_tinh"].eligible is None and "dẫn đầu cụm" in verdicts["co_thi_dua_bo_tinh"].reasons[0]
    )
    assert verdicts["giay_khen"].eligible is None and f"{L22}, Điều 75" in verdicts["giay_khen"].basis


# -- Bằng khen (Điều 74) ------------------------------------------------------------------------


def test_bang_khen_tinh_two_cstd_with_two_initiatives_or_two_excellent_years():
    """Điều 74, khoản 1, điểm d; the Bộ Nội vụ asks the two initiatives on both routes."""
    route1 = person(2025, year(2024, titles=["cstd_co_so"], initiatives=1), year(2025, "htxsnv", initiatives=1))
    assert route1["bang_khen_bo_tinh"].eligible is True
    no_initiatives = person(2025, year(2024, "htxsnv", titles=["cstd_co_so"]), year(2025, "htxsnv"))
    assert no_initiatives["bang_khen_bo_tinh"].eligible is False
    route2 = person(2025, year(2024, "htxsnv", initiatives=2), year(2025, "htxsnv"))
    assert route2["bang_khen_bo_tinh"].eligible is True
    collective = unit(2025, year(2024, "htxsnv"), year(2025, "htxsnv"))["bang_khen_bo_tinh"]
    assert collective.eligible is True and f"{L22}, Điều 74, khoản 2" in collective.basis
    assert unit(2025, year(2024, "httnv"), year(2025, "htxsnv"))["bang_khen_bo_tinh"].eligible is False


# -- Bằng khen Thủ tướng (Điều 73) and Huân chương Lao động hạng Ba (Điều 44) ----------------------


def _after_award(award, basis_year, candidate, cstd_years, rating="httnv", excellent=()):
    history = [year(basis_year, "htxsnv", titles=["cstd_co_so", award])]
    for y in range(basis_year + 1, candidate + 1):
        titles = ["ldtt"] + (["cstd_co_so"] if y in cstd_years else [])
        history.append(year(y, "htxsnv" if y in excellent else rating, titles=titles if y < candidate else []))
    return person(candidate, *history)


def test_bang_khen_thu_tuong_five_years_after_the_provincial_one_under_decree_98():
    """Điều 73, khoản 1, điểm b; Nghị định 98/2023, Điều 30, khoản 9: from the year after."""
    ok = _after_award("bang_khen_bo_tinh", 2019, 2024, cstd_years={2020, 2022, 2023})["bang_khen_ttg"]
    assert ok.eligible is True and any("98/2023" in b for b in ok.basis)
    four = _after_award("bang_khen_bo_tinh", 2020, 2024, cstd_years={2021, 2022, 2023})["bang_khen_ttg"]
    assert four.eligible is False and "có 4" in four.reasons[0]  # 2021–2024 is four years
    two_cstd = _after_award("bang_khen_bo_tinh", 2019, 2024, cstd_years={2020, 2021})["bang_khen_ttg"]
    assert two_cstd.eligible is False and "cần 3" in two_cstd.reasons[0]


def test_under_decree_152_the_counting_is_a_question_only_where_it_decides():
    # Six years after the award: five either way.
    clear = _after_award("bang_khen_bo_tinh", 2019, 2025, cstd_years={2020, 2022, 2023})["bang_khen_ttg"]
    assert clear.eligible is True
    # Counting the award's year too would make five: the decree does not say, so it is asked.
    edge = _after_award("bang_khen_bo_tinh", 2021, 2025, cstd_years={2022, 2023, 2024})["bang_khen_ttg"]
    assert edge.eligible is None and "nghị định đang áp dụng không quy định" in edge.reasons[0]


def test_a_gap_year_breaks_the_run():
    history = [year(2018, "htxsnv", titles=["bang_khen_bo_tinh"])]
    history += [year(y, titles=["ldtt", "cstd_co_so"]) for y in (2019, 2020, 2021)]
    history += [year(2022, "htnv"), year(2023, titles=["ldtt"]), year(2024, "htxsnv")]
    verdict = person(2024, *history)["bang_khen_ttg"]
    assert verdict.eligible is False and "năm 2022 không đạt" in verdict.reasons[0]


def test_huan_chuong_lao_dong_hang_ba_needs_an_excellent_year():
    """Điều 44, khoản 1, điểm e: after the Bằng khen Thủ tướng, five years with one excellent."""
    without = _after_award("bang_khen_ttg", 2019, 2024, cstd_years={2020, 2021, 2022})
    assert without["huan_chuong_lao_dong_hang_ba"].eligible is False
    with_one = _after_award("bang_khen_ttg", 2019, 2024, cstd_years={2020, 2021, 2022}, excellent={2023})
    assert with_one["huan_chuong_lao_dong_hang_ba"].eligible is True


def test_a_one_off_award_is_no_basis_for_the_periodic_forms():
    verdict = person(
        2024,
        year(2019, "htxsnv", titles=["bang_khen_bo_tinh_dot_xuat"]),
        *[year(y, titles=["ldtt", "cstd_co_so"]) for y in range(2020, 2024)],
        year(2024, "htxsnv"),
    )["bang_khen_ttg"]
    assert verdict.eligible is False and "đột xuất" in verdict.reasons[0]


# -- The case format ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ([], "đối tượng JSON"),
        ({"kind": "group", "year": 2025, "history": []}, "“kind”"),
        ({"kind": "individual", "year": "2025", "history": []}, "“year”"),
        ({"kind": "individual", "year": 2025, "history": []}, "năm xét 2025"),
        ({"kind": "individual", "year": 2025, "history": [{"year": 2025, "rating": "tot"}]}, "“rating”"),
        ({"kind": "individual", "year": 2025, "history": [{"year": 2025}, {"year": 2025}]}, "hai mục"),
        ({"kind": "individual", "year": 2025, "history": [{"year": 2026}, {"year": 2025}]}, "sau năm xét"),
        (
            {"kind": "collective", "year": 2025, "history": [{"year": 2025, "members_total": 3, "members_ldtt": 4}]},
            "lớn hơn",
        ),
    ],
)
def test_malformed_cases_are_refused_in_vietnamese(case, message):
    with pytest.raises(CaseError) as error:
        parse_case(case)
    assert message in str(error.value)


def test_every_title_of_the_kind_is_answered():
    individual = set(person(2025, year(2025)))
    collective = set(unit(2025, year(2025)))
    assert {
        "ldtt",
        "cstd_co_so",
        "cstd_bo_tinh",
        "cstd_toan_quoc",
        "giay_khen",
        "bang_khen_bo_tinh",
        "bang_khen_ttg",
        "huan_chuong_lao_dong_hang_ba",
    } == individual
    assert {
        "tt_ldtt",
        "tt_ldxs",
        "co_thi_dua_bo_tinh",
        "co_thi_dua_chinh_phu",
        "giay_khen",
        "bang_khen_bo_tinh",
        "bang_khen_ttg",
        "huan_chuong_lao_dong_hang_ba",
    } == collective

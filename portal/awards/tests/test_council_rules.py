"""The council's arithmetic and the prizes, plain Python (no database): ratios, quorum,
ballot thresholds at their boundaries, prize rounding and the base salary's dates."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from portal.awards.eligibility.council import Ballot, approved, check_ballot, parse_ratio, quorum_met, share_text
from portal.awards.eligibility.dossiers import checklist, missing
from portal.awards.eligibility.prizes import prize_for, round_up


def test_ratios_are_exact():
    assert parse_ratio("2/3") == Fraction(2, 3)
    assert parse_ratio("90%") == Fraction(9, 10)
    assert parse_ratio(" 66,5 % ") == Fraction(133, 200)
    for bad in ("", "3/2", "0/3", "abc", "120%", "2/0"):
        with pytest.raises(ValueError, match="không hợp lệ"):
            parse_ratio(bad)


def test_quorum_is_two_thirds_of_all_members():
    assert quorum_met(6, 9, Fraction(2, 3))  # exactly two thirds
    assert not quorum_met(5, 9, Fraction(2, 3))
    assert not quorum_met(0, 0, Fraction(2, 3))


def test_ninety_percent_of_all_members_nd91_article_45():
    """Nghị định 91/2017/NĐ-CP, Điều 45, khoản 8: 90 % counted on all council members."""
    rule = {"ratio": Fraction(9, 10), "strict": False, "of_all_members": True}
    assert approved(Ballot(9, 1), members=10, voting=10, **rule)  # exactly 90 %
    assert not approved(Ballot(8, 0), members=9, voting=8, **rule)  # 88,89 %: the absent one counts
    assert approved(Ballot(9, 0), members=9, voting=9, **rule)
    assert share_text(Ballot(8, 0), members=9, of_all_members=True) == "8/9 (88,89%)"


def test_more_than_half_of_the_ballots_cast():
    rule = {"ratio": Fraction(1, 2), "strict": True, "of_all_members": False}
    assert not approved(Ballot(5, 5), members=12, voting=10, **rule)  # half is not more than half
    assert approved(Ballot(6, 4), members=12, voting=10, **rule)
    assert not approved(Ballot(3, 2, 1), members=12, voting=6, **rule)  # a spoilt ballot counts: 3 of 6
    assert not approved(Ballot(0, 0), members=12, voting=0, **rule)


def test_ballots_must_add_up():
    assert check_ballot(Ballot(7, 1, 1), members=9, voting=9) == ""
    assert "nhiều hơn số thành viên bỏ phiếu" in check_ballot(Ballot(8, 2), members=11, voting=9)
    assert "nhiều hơn số thành viên Hội đồng" in check_ballot(Ballot(1, 0), members=9, voting=10)
    assert "âm" in check_ballot(Ballot(-1, 0), members=9, voting=9)


def test_prizes_round_up_to_tens_of_thousands_nd91_article_68():
    assert round_up(Decimal("1112000"), 10000) == 1120000
    assert round_up(Decimal("1120000"), 10000) == 1120000  # already round: unchanged
    assert round_up(Decimal("702000.0"), 10000) == 710000


def test_prizes_under_nd152():
    on = dt.date(2025, 12, 20)
    assert prize_for("cstd_co_so", "individual", on, 2340000).amount == 2340000
    ldtt = prize_for("ldtt", "individual", on, 2340000)
    assert ldtt.amount == 710000 and ldtt.coefficient == Decimal("0.3")  # 702.000 rounded up
    assert "Điều 68" in ldtt.basis[-1]
    assert prize_for("bang_khen_bo_tinh", "individual", on, 2340000).amount == 3510000  # Điều 54, khoản 1
    assert prize_for("bang_khen_ttg", "individual", on, 2340000).amount == 8190000
    assert prize_for("tt_ldxs", "collective", on, 2340000).amount == 3510000
    assert prize_for("ldtt", "individual", dt.date(2026, 7, 1), 2530000).amount == 760000  # 759.000


def test_a_prize_not_found_in_the_text_is_not_guessed():
    unknown = prize_for("giay_khen", "individual", dt.date(2025, 12, 20), 2340000)
    assert unknown.amount is None and "Chưa có hệ số" in unknown.question
    assert prize_for("ldtt", "individual", dt.date(2016, 1, 5), 1210000).amount is None
    assert prize_for("ldtt", "individual", dt.date(2025, 12, 20), None).question


def test_the_dossier_checklist_grows_with_the_form():
    basic = [item["key"] for item in checklist("ldtt")]
    assert basic == ["to_trinh", "bien_ban", "bao_cao"]
    assert "sang_kien_tinh" in [item["key"] for item in checklist("cstd_bo_tinh")]
    assert missing("ldtt", ["to_trinh", "bao_cao"]) == ["Biên bản họp xét của Hội đồng Thi đua – Khen thưởng cấp trình"]

"""The council's arithmetic (Hội đồng Thi đua – Khen thưởng): quorum and the share of ballots a
nominee needs, exact (fractions, no floating point), from ratios written as "2/3" or "90%".

Which ratio applies is a versioned setting (../rules/cycle/voting.json, then the admin's
VotingRule rows): Nghị định 91/2017/NĐ-CP, Điều 45, khoản 8 asked 90 % of all council members
(absent members vote in writing) for Chiến sĩ thi đua cấp bộ, tỉnh and toàn quốc; other titles
follow the council's own regulation (quy chế), by default more than half of those voting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

_RATIO = re.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
_PERCENT = re.compile(r"^\s*(\d{1,3}(?:[.,]\d{1,2})?)\s*%\s*$")


def parse_ratio(text: str) -> Fraction:
    """ "2/3" → 2/3, "90%" → 9/10, "66,5%" → 133/200. ValueError (Vietnamese) otherwise."""
    text = text or ""
    if match := _RATIO.match(text):
        top, bottom = int(match[1]), int(match[2])
        if bottom and 0 < top <= bottom:
            return Fraction(top, bottom)
    elif match := _PERCENT.match(text):
        value = Fraction(match[1].replace(",", ".")) / 100
        if 0 < value <= 1:
            return value
    raise ValueError(f"Tỷ lệ «{text}» không hợp lệ: viết dạng 2/3 hoặc 90%.")


@dataclass(frozen=True)
class Ballot:
    """One nominee's secret ballot: how many voted for, against, and spoilt ballots."""

    votes_for: int
    votes_against: int
    invalid: int = 0

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.invalid


def quorum_met(present: int, members: int, quorum: Fraction) -> bool:
    """At least `quorum` of all members take part."""
    return members > 0 and Fraction(present, members) >= quorum


def check_ballot(ballot: Ballot, *, members: int, voting: int) -> str:
    """ "" when the counts add up; otherwise the message to show. `voting` is who could cast a
    ballot: members present plus absent members who voted in writing."""
    if min(ballot.votes_for, ballot.votes_against, ballot.invalid) < 0:
        return "Số phiếu không được âm."
    if voting > members:
        return f"Số thành viên bỏ phiếu ({voting}) nhiều hơn số thành viên Hội đồng ({members})."
    if ballot.cast > voting:
        return f"Tổng số phiếu ({ballot.cast}) nhiều hơn số thành viên bỏ phiếu ({voting})."
    return ""


def approved(ballot: Ballot, *, members: int, voting: int, ratio: Fraction, strict: bool, of_all_members: bool) -> bool:
    """Whether the votes for reach the ratio: of all members (whoever is absent counts as not
    for) or of the ballots cast; `strict` asks more than the ratio (quá nửa), not at least."""
    base = members if of_all_members else ballot.cast
    if base <= 0:
        return False
    share = Fraction(ballot.votes_for, base)
    return share > ratio if strict else share >= ratio


def share_text(ballot: Ballot, *, members: int, of_all_members: bool) -> str:
    """The share of votes for, as the minutes print it: "8/9 (88,89%)"."""
    base = members if of_all_members else ballot.cast
    if base <= 0:
        return "0/0"
    percent = f"{ballot.votes_for * 100 / base:.2f}".replace(".", ",")
    return f"{ballot.votes_for}/{base} ({percent}%)"

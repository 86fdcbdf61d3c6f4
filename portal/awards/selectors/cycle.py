"""Reads of the cycle: the voting rule in force for a title on a date, the base salary on a
date, and a meeting's tally (who reached the share of ballots their title needs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from ..eligibility.council import Ballot, approved, parse_ratio, quorum_met, share_text
from ..models import BaseSalary, CouncilMeeting, Nomination, VotingRule


def voting_rules(code: str, on: dt.date, rows=None) -> tuple[VotingRule | None, VotingRule | None]:
    """(the rule for `code`, or the one for other titles; the rule for other titles, which
    carries the quorum), each the latest in force on `on`. `rows`: the rules in force on `on`,
    newest first, when the caller read them already."""
    if rows is None:
        rows = VotingRule.objects.filter(valid_from__lte=on, code__in=[code, ""]).order_by("-valid_from")
    own = next((row for row in rows if row.code == code), None)
    default = next((row for row in rows if row.code == ""), None)
    return own or default, default


def base_salary_on(on: dt.date) -> BaseSalary | None:
    return BaseSalary.objects.filter(valid_from__lte=on).order_by("-valid_from").first()


@dataclass
class TallyRow:
    nomination: Nomination
    ballot: Ballot | None
    rule: VotingRule | None
    share: str
    passed: bool | None  # None: no votes recorded yet, or no rule


@dataclass
class Tally:
    meeting: CouncilMeeting
    quorum: Fraction | None
    quorum_basis: str
    quorum_met: bool
    rows: list[TallyRow]

    @property
    def bases(self) -> list[str]:
        """The legal basis of every voting rule the tally used, once each."""
        return sorted({row.rule.basis for row in self.rows if row.rule})

    @property
    def complete(self) -> bool:
        return all(row.passed is not None for row in self.rows)


def meeting_tally(meeting: CouncilMeeting) -> Tally:
    in_force = list(VotingRule.objects.filter(valid_from__lte=meeting.held_on).order_by("-valid_from"))
    _rule, default = voting_rules("", meeting.held_on, in_force)
    quorum = parse_ratio(default.quorum) if default and default.quorum else None
    rows = []
    nominations = meeting.nominations.select_related("official__unit", "unit").order_by("code", "pk")
    for nomination in nominations:
        rule, _default = voting_rules(nomination.code, meeting.held_on, in_force)
        ballot = None
        if nomination.votes_for is not None:
            ballot = Ballot(nomination.votes_for, nomination.votes_against or 0, nomination.votes_invalid or 0)
        passed = share = None
        if ballot is not None and rule is not None:
            passed = approved(
                ballot,
                members=meeting.members_total,
                voting=meeting.voting,
                ratio=parse_ratio(rule.approval),
                strict=rule.strict,
                of_all_members=rule.of_all_members,
            )
            share = share_text(ballot, members=meeting.members_total, of_all_members=rule.of_all_members)
        rows.append(TallyRow(nomination, ballot, rule, share or "", passed))
    return Tally(
        meeting=meeting,
        quorum=quorum,
        quorum_basis=default.basis if default else "",
        quorum_met=quorum is not None and quorum_met(meeting.members_present, meeting.members_total, quorum),
        rows=rows,
    )

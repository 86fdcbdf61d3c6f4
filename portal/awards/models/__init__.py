"""Emulation and awards: the records the checker reads (records.py) and the yearly cycle from
nomination to decision (cycle.py)."""

from .cycle import BaseSalary, CouncilMeeting, Decision, DisclosureComment, Nomination, VotingRule
from .movements import Bloc, BlocYear, Movement, Registration
from .records import (
    AWARDS,
    RATINGS,
    SCOPE_FACTS,
    YEAR_VALIDATORS,
    Award,
    Discipline,
    Official,
    OfSubject,
    Posting,
    Unit,
    YearRecord,
)
from .rules import RuleSetVersion
from .settings import AwardsSettings

__all__ = [
    "AWARDS",
    "RATINGS",
    "SCOPE_FACTS",
    "YEAR_VALIDATORS",
    "Award",
    "Bloc",
    "BlocYear",
    "AwardsSettings",
    "BaseSalary",
    "CouncilMeeting",
    "Decision",
    "Discipline",
    "DisclosureComment",
    "Movement",
    "Nomination",
    "OfSubject",
    "Official",
    "Posting",
    "Registration",
    "RuleSetVersion",
    "Unit",
    "VotingRule",
    "YearRecord",
]

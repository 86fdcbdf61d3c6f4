"""Emulation and awards: the records the checker reads (records.py) and the yearly cycle from
nomination to decision (cycle.py)."""

from .cycle import BaseSalary, CouncilMeeting, Decision, DisclosureComment, Nomination, VotingRule
from .records import AWARDS, RATINGS, YEAR_VALIDATORS, Award, Official, OfSubject, Unit, YearRecord
from .settings import AwardsSettings

__all__ = [
    "AWARDS",
    "RATINGS",
    "YEAR_VALIDATORS",
    "Award",
    "AwardsSettings",
    "BaseSalary",
    "CouncilMeeting",
    "Decision",
    "DisclosureComment",
    "Nomination",
    "OfSubject",
    "Official",
    "Unit",
    "VotingRule",
    "YearRecord",
]

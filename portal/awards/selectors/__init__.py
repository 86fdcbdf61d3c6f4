"""Reads of the awards records and of the cycle (what other apps and the admin may ask)."""

from .cycle import base_salary_on, meeting_tally, voting_rules
from .records import case_data, eligibility_for

__all__ = ["base_salary_on", "case_data", "eligibility_for", "meeting_tally", "voting_rules"]

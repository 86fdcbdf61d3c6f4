"""Reads of the awards records and of the cycle (what other apps and the admin may ask)."""

from .cycle import base_salary_on, meeting_tally, voting_rules
from .members import MemberCounts, member_counts, unit_members
from .public import honor_counts, honor_roll, honor_units, honor_years, open_disclosures
from .records import active_rulesets, case_data, cases_data, eligibility_for, rules_for, verdicts_from

__all__ = [
    "MemberCounts",
    "member_counts",
    "unit_members",
    "active_rulesets",
    "rules_for",
    "base_salary_on",
    "case_data",
    "cases_data",
    "eligibility_for",
    "honor_counts",
    "honor_roll",
    "honor_units",
    "honor_years",
    "meeting_tally",
    "open_disclosures",
    "verdicts_from",
    "voting_rules",
]

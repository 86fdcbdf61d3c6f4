"""Eligibility for emulation titles and awards (Luật Thi đua, khen thưởng), checked against the
rules in force for the candidate year.

Plain Python with no Django import: the rules are data (rule sets in ../rules/*.json, one per
version of the law and its decree, each condition citing its article), this package reads a
case (the person's or unit's yearly records) and answers, for every title and form of the kind,
eligible / not eligible / needs review (None) with the reasons and the articles. A condition the
records cannot decide is never guessed: it answers None with the question to settle.
"""

from .case import Case, CaseError, YearRecord, parse_case
from .engine import Verdict, evaluate
from .rulesets import RuleSet, load_rulesets, ruleset_for

__all__ = [
    "Case",
    "CaseError",
    "RuleSet",
    "Verdict",
    "YearRecord",
    "evaluate",
    "load_rulesets",
    "parse_case",
    "ruleset_for",
]

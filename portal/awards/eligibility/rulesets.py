"""Rule sets: the conditions of each title and form as data, one file per version of the law and
its decree (../rules/*.json), each applying to the achievement years it names.

A file holds: "version", "name", "basis" (the texts it encodes), "years" [first, last] of
achievement it judges (a year is judged by the rules in force at its year-end review),
"count_after_award" (how the years after a basis award are counted: "year_after", or null where
the decree in force does not say) with "count_basis" (its article), "discipline_counts_from"
(how a person's discipline bears on the years counted: "end_of_effect" — achievements count
only from the day the decision's effect ends —, or null: each disciplined year is a question)
with "discipline_basis", and "titles":
{code: {"name", "kinds": {"individual": [conditions], "collective": [conditions]}}}.
A condition is {"type": …, parameters…, "basis": "Luật …, Điều …, khoản …"}; the types are the
evaluators of engine.py. A new decree is a new file (or, in the admin, a new version), not code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@dataclass(frozen=True)
class RuleSet:
    version: str
    name: str
    basis: tuple[str, ...]
    first_year: int
    last_year: int
    count_after_award: str | None
    count_basis: str | None
    titles: dict
    discipline_counts_from: str | None = None
    discipline_basis: str | None = None

    def codes(self, kind: str) -> list[str]:
        return [code for code, title in self.titles.items() if kind in title["kinds"]]

    def conditions(self, code: str, kind: str) -> list[dict] | None:
        title = self.titles.get(code)
        return title["kinds"].get(kind) if title else None


def ruleset_from_dict(data: dict) -> RuleSet:
    first, last = data["years"]
    return RuleSet(
        version=data["version"],
        name=data["name"],
        basis=tuple(data.get("basis", ())),
        first_year=int(first),
        last_year=int(last),
        count_after_award=data.get("count_after_award"),
        count_basis=data.get("count_basis"),
        titles=data["titles"],
        discipline_counts_from=data.get("discipline_counts_from"),
        discipline_basis=data.get("discipline_basis"),
    )


@lru_cache(maxsize=1)
def _shipped() -> tuple[RuleSet, ...]:
    found = [
        ruleset_from_dict(json.loads(path.read_text(encoding="utf-8"))) for path in sorted(RULES_DIR.glob("*.json"))
    ]
    return tuple(sorted(found, key=lambda rules: rules.first_year))


def load_rulesets() -> tuple[RuleSet, ...]:
    """The rule sets shipped with the portal, oldest first."""
    return _shipped()


def ruleset_for(year: int, rulesets=None) -> RuleSet | None:
    """The rule set that judges the achievements of `year`."""
    for rules in rulesets or load_rulesets():
        if rules.first_year <= year <= rules.last_year:
            return rules
    return None

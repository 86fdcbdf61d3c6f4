"""The settings the cycle reads, seeded once from the shipped data (rules/cycle/*.json): the
voting rules and the base salary by date. Administrators keep them in the admin afterwards."""

from __future__ import annotations

import datetime as dt
import json

from ..eligibility.rulesets import RULES_DIR
from ..models import BaseSalary, VotingRule


def _rows(name: str) -> list[dict]:
    return json.loads((RULES_DIR / "cycle" / name).read_text(encoding="utf-8"))["rows"]


def seed_settings() -> None:
    if not VotingRule.objects.exists():
        VotingRule.objects.bulk_create(
            VotingRule(
                valid_from=dt.date.fromisoformat(row["from"]),
                code=row["code"],
                quorum=row.get("quorum", ""),
                approval=row["approval"],
                strict=row["strict"],
                of_all_members=row["of_all_members"],
                basis=row["basis"],
            )
            for row in _rows("voting.json")
        )
    if not BaseSalary.objects.exists():
        BaseSalary.objects.bulk_create(
            BaseSalary(valid_from=dt.date.fromisoformat(row["from"]), amount=row["amount"], basis=row["basis"])
            for row in _rows("base_salary.json")
        )

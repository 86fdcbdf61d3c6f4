"""What one change to the candidate year would bring: for each title the checker refuses, the
single steps that would make it eligible ("Cần thêm 01 sáng kiến được công nhận cấp cơ sở",
"Cần xếp loại hoàn thành xuất sắc nhiệm vụ"), found by judging the case again with that change.
The council's dashboard shows them while the year can still be acted on."""

from __future__ import annotations

import copy

from .case import parse_case
from .engine import Verdict, evaluate

RATING_ORDER = ["khtnv", "htnv", "httnv", "htxsnv"]


def _candidate(data: dict) -> dict | None:
    return next((entry for entry in data["history"] if entry["year"] == data["year"]), None)


def _steps(entry: dict) -> list[tuple[str, dict]]:
    steps = [("Cần thêm 01 sáng kiến được công nhận cấp cơ sở trong năm", {"initiatives": entry["initiatives"] + 1})]
    rating = RATING_ORDER.index(entry["rating"]) if entry["rating"] in RATING_ORDER else 0
    if rating < RATING_ORDER.index("httnv"):
        steps.append(("Cần xếp loại hoàn thành tốt nhiệm vụ", {"rating": "httnv"}))
    if rating < RATING_ORDER.index("htxsnv"):
        steps.append(("Cần xếp loại hoàn thành xuất sắc nhiệm vụ", {"rating": "htxsnv"}))
    return steps


def one_step_away(data: dict, verdicts: dict[str, Verdict] | None = None, rulesets=None) -> dict[str, list[str]]:
    """{code: [the single steps that would each make it eligible]} for the refused titles."""
    entry = _candidate(data)
    if entry is None:
        return {}
    verdicts = verdicts if verdicts is not None else evaluate(parse_case(data), rulesets)
    refused = {code for code, verdict in verdicts.items() if verdict.eligible is False}
    found: dict[str, list[str]] = {}
    for label, change in _steps(entry):
        changed = copy.deepcopy(data)
        _candidate(changed).update(change)
        for code, verdict in evaluate(parse_case(changed), rulesets).items():
            already = found.get(code, [])
            if code in refused and verdict.eligible is True and not (change.get("rating") and _by_rating(already)):
                found.setdefault(code, []).append(label)  # a lower rating that suffices is enough said
    return found


def _by_rating(labels: list[str]) -> bool:
    return any(label.startswith("Cần xếp loại") for label in labels)

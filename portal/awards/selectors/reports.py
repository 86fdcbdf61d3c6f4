"""The period statistics (counts by title and form for any span of achievement years, a unit
and its sub-units, written out like the bloc's report: "02 Huân chương Độc lập; 17 Huân chương
Lao động …") and the council's dashboard (who is one step from a title, and what is missing)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..eligibility.advice import one_step_away
from ..models import AWARDS, Award, Official, Unit
from .records import active_rulesets, cases_data, verdicts_from

NAMES = dict(AWARDS)
# The titles the department's council watches in the yearly cycle, in the order of the law.
WATCHED = ["ldtt", "cstd_co_so", "bang_khen_bo_tinh", "cstd_bo_tinh", "bang_khen_ttg", "huan_chuong_lao_dong_hang_ba"]


def unit_and_below(unit: Unit) -> list[int]:
    """The unit's id and those of every unit under it (a small tree: read once)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent in Unit.objects.values_list("pk", "parent_id"):
        children.setdefault(parent, []).append(pk)
    found, todo = [], [unit.pk]
    while todo:
        pk = todo.pop()
        found.append(pk)
        todo.extend(children.get(pk, []))
    return found


@dataclass
class Statistics:
    year_from: int
    year_to: int
    unit: Unit | None
    by_form: list[tuple[str, str, int, int]] = field(default_factory=list)  # code, name, people, units
    by_unit: list[tuple[str, dict[str, int], int]] = field(default_factory=list)  # unit, {code: n}, total
    one_off: int = 0

    @property
    def total(self) -> int:
        return sum(people + units for _c, _n, people, units in self.by_form)

    @property
    def summary(self) -> str:
        """ "13 Lao động tiên tiến; 04 Chiến sĩ thi đua cơ sở." as in a bloc's report."""
        parts = [f"{people + units:02d} {name}" for _c, name, people, units in self.by_form]
        return "; ".join(parts) + ("." if parts else "")


def period_statistics(*, year_from: int, year_to: int, unit: Unit | None = None) -> Statistics:
    awards = Award.objects.filter(achievement_year__gte=year_from, achievement_year__lte=year_to)
    if unit is not None:
        below = unit_and_below(unit)
        awards = awards.filter(official__unit_id__in=below) | awards.filter(unit_id__in=below)
    people, units, by_unit = Counter(), Counter(), {}
    one_off = 0
    for code, official_unit, is_one_off, own_name, official_unit_name in awards.values_list(
        "code", "official__unit_id", "one_off", "unit__name", "official__unit__name"
    ):
        (people if official_unit else units)[code] += 1
        one_off += is_one_off
        name = official_unit_name or own_name
        by_unit.setdefault(name, Counter())[code] += 1
    order = [code for code, _name in AWARDS]
    by_form = sorted(
        ((code, NAMES[code], people[code], units[code]) for code in set(people) | set(units)),
        key=lambda row: order.index(row[0]),
    )
    return Statistics(
        year_from=year_from,
        year_to=year_to,
        unit=unit,
        by_form=by_form,
        by_unit=[(name, dict(counts), sum(counts.values())) for name, counts in sorted(by_unit.items())],
        one_off=one_off,
    )


@dataclass
class CloseCall:
    official: Official
    code: str
    name: str
    notes: list[str]  # the steps that would make it eligible, or the question to answer


def close_calls(*, year: int, unit: Unit | None = None) -> tuple[list[CloseCall], list[CloseCall]]:
    """(officials one change of the year's record away from a watched title, with that change;
    officials whose title the records cannot decide, with the question), for `year`."""
    officials = Official.objects.filter(active=True).select_related("unit").order_by("unit__name", "full_name")
    if unit is not None:
        officials = officials.filter(unit_id__in=unit_and_below(unit))
    officials = list(officials)
    cases = cases_data(officials, year)
    near, open_questions = [], []
    rulesets = active_rulesets()
    for official in officials:
        verdicts = verdicts_from(cases[official.pk], rulesets)
        if not verdicts:
            continue
        steps = one_step_away(cases[official.pk], verdicts, rulesets)
        for code in WATCHED:
            verdict = verdicts.get(code)
            if verdict is None:
                continue
            if verdict.eligible is None:
                open_questions.append(CloseCall(official, code, NAMES[code], verdict.reasons))
            elif code in steps:
                near.append(CloseCall(official, code, NAMES[code], steps[code]))
    key = lambda row: (WATCHED.index(row.code), row.official.unit.name, row.official.full_name)  # noqa: E731
    return sorted(near, key=key), sorted(open_questions, key=key)

"""Reads of the awards records: the checker's case for an official or a unit, and its answer;
for many subjects at once in two queries (the council's dashboard, the demo)."""

from __future__ import annotations

from collections import defaultdict

from ..eligibility import RuleSet, Verdict, evaluate, load_rulesets, parse_case, ruleset_for
from ..eligibility.rulesets import ruleset_from_dict
from ..models import SCOPE_FACTS, Award, Bloc, BlocYear, Discipline, Official, RuleSetVersion, Unit, YearRecord


def _entry(record: YearRecord, titles: list[str]) -> dict:
    entry = {
        "year": record.year,
        "rating": record.rating,
        "titles": sorted(titles),
        "initiatives": record.initiatives,
        "discipline": record.discipline,
        "months_worked": record.months_worked,
        "members_total": record.members_total,
        "members_ldtt": record.members_ldtt,
        "members_cstd": record.members_cstd,
    }
    if record.initiative_scope:
        entry["facts"] = dict(SCOPE_FACTS[record.initiative_scope])
    return entry


def cases_data(subjects: list[Official] | list[Unit], year: int) -> dict[int, dict]:
    """{subject pk: case in the checker's JSON format} for officials (or units), all of one kind."""
    if not subjects:
        return {}
    is_official = isinstance(subjects[0], Official)
    field = "official_id" if is_official else "unit_id"
    pks = [subject.pk for subject in subjects]
    awards: dict[tuple[int, int], list[str]] = defaultdict(list)
    for award in Award.objects.filter(achievement_year__lte=year, **{f"{field}__in": pks}):
        awards[getattr(award, field), award.achievement_year].append(award.checker_code)
    history: dict[int, list[dict]] = defaultdict(list)
    for record in YearRecord.objects.filter(year__lte=year, **{f"{field}__in": pks}).order_by("year"):
        owner = getattr(record, field)
        history[owner].append(_entry(record, awards.get((owner, record.year), [])))
    if is_official:
        _add_disciplines(history, pks, year)
    else:
        for owner, year_facts in _bloc_facts(pks, year).items():
            for entry in history.get(owner, []):
                if entry["year"] in year_facts:
                    entry.setdefault("facts", {})["leads_bloc"] = year_facts[entry["year"]]
    kind = "individual" if is_official else "collective"
    return {pk: {"kind": kind, "year": year, "history": history.get(pk, [])} for pk in pks}


def _add_disciplines(history: dict[int, list[dict]], official_pks: list[int], year: int) -> None:
    """Each official's discipline decisions up to `year` on the entry of the year they took
    effect (one is made, without a rating, when that year has no record): the most severe form
    of the year and the latest end of effect, unknown when one decision lacks it."""
    decided: dict[tuple[int, int], list[Discipline]] = defaultdict(list)
    for row in Discipline.objects.filter(official_id__in=official_pks, effective_date__year__lte=year):
        decided[row.official_id, row.effective_date.year].append(row)
    for (official, decided_year), decisions in decided.items():
        entries = history[official]
        entry = next((e for e in entries if e["year"] == decided_year), None)
        if entry is None:
            entry = {"year": decided_year, "rating": None, "titles": []}
            entries.append(entry)
            entries.sort(key=lambda e: e["year"])
        untils = [d.effect_until for d in decisions]
        entry["discipline"] = True
        entry["discipline_form"] = max(decisions, key=lambda d: d.severity).form
        entry["discipline_until"] = None if None in untils else max(untils).isoformat()


def _bloc_facts(unit_pks: list[int], year: int) -> dict[int, dict[int, bool]]:
    """{unit: {year: led one of its blocs}} for the years a bloc of the unit named its leader."""
    membership: dict[int, list[int]] = defaultdict(list)  # bloc → its members among unit_pks
    for bloc_id, unit_id in Bloc.members.through.objects.filter(unit_id__in=unit_pks).values_list("bloc_id", "unit_id"):
        membership[bloc_id].append(unit_id)
    facts: dict[int, dict[int, bool]] = defaultdict(dict)
    rows = BlocYear.objects.filter(year__lte=year, leader__isnull=False, bloc_id__in=list(membership))
    for bloc_id, bloc_year, leader in rows.values_list("bloc_id", "year", "leader_id"):
        for unit_id in membership[bloc_id]:
            facts[unit_id][bloc_year] = facts[unit_id].get(bloc_year, False) or leader == unit_id
    return facts


def case_data(subject: Official | Unit, year: int) -> dict:
    """The case in the checker's JSON format (README): one entry per recorded year up to `year`,
    with the titles and awards received for each achievement year."""
    return cases_data([subject], year)[subject.pk]


def active_rulesets() -> tuple[RuleSet, ...]:
    """The rule sets in use: the administrator's versions (the latest first), then those shipped
    with the portal; the first that covers a year judges it."""
    entered = [
        ruleset_from_dict(row.data) for row in RuleSetVersion.objects.filter(active=True).order_by("-updated_at")
    ]
    return (*entered, *load_rulesets())


def rules_for(year: int) -> RuleSet | None:
    return ruleset_for(year, active_rulesets())


def verdicts_from(data: dict, rulesets: tuple[RuleSet, ...] | None = None) -> dict[str, Verdict] | None:
    """The checker's answer for a case, or None when the candidate year has no record yet or no
    rule set covers it."""
    rulesets = rulesets if rulesets is not None else active_rulesets()
    if (
        not any(entry["year"] == data["year"] for entry in data["history"])
        or ruleset_for(data["year"], rulesets) is None
    ):
        return None
    return evaluate(parse_case(data), rulesets)


def eligibility_for(subject: Official | Unit, year: int) -> dict[str, Verdict] | None:
    return verdicts_from(case_data(subject, year))

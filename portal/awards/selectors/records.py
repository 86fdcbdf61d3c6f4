"""Reads of the awards records: the checker's case for an official or a unit, and its answer."""

from __future__ import annotations

from ..eligibility import Verdict, evaluate, parse_case, ruleset_for
from ..models import Award, Official, Unit, YearRecord


def case_data(subject: Official | Unit, year: int) -> dict:
    """The case in the checker's JSON format (README): one entry per recorded year up to `year`,
    with the titles and awards received for each achievement year."""
    is_official = isinstance(subject, Official)
    where = {"official": subject} if is_official else {"unit": subject}
    records = YearRecord.objects.filter(year__lte=year, **where).order_by("year")
    awards: dict[int, list[str]] = {}
    for award in Award.objects.filter(achievement_year__lte=year, **where):
        awards.setdefault(award.achievement_year, []).append(award.checker_code)
    history = [
        {
            "year": r.year,
            "rating": r.rating,
            "titles": sorted(awards.get(r.year, [])),
            "initiatives": r.initiatives,
            "discipline": r.discipline,
            "months_worked": r.months_worked,
            "members_total": r.members_total,
            "members_ldtt": r.members_ldtt,
            "members_cstd": r.members_cstd,
        }
        for r in records
    ]
    return {"kind": "individual" if is_official else "collective", "year": year, "history": history}


def eligibility_for(subject: Official | Unit, year: int) -> dict[str, Verdict] | None:
    """The checker's answer for every title and form, or None when the candidate year has no
    record yet or no rule set covers it."""
    data = case_data(subject, year)
    if not any(entry["year"] == year for entry in data["history"]) or ruleset_for(year) is None:
        return None
    return evaluate(parse_case(data))

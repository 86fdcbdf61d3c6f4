"""Who made up a unit in a year, and how many of them held the titles a collective's title
counts (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 27 and 28: the share of members with Lao
động tiên tiến, at least one Chiến sĩ thi đua cơ sở): the council reads the unit's record, and
these counts fill it from the officials' own records instead of being typed."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q

from ..eligibility.case import GRAVE_FORMS
from ..models import Award, Discipline, Official, Unit, YearRecord
from .records import active_rulesets, cases_data, verdicts_from


def unit_members(unit: Unit, year: int) -> list[Official]:
    """The officials posted to `unit` in `year`, and those with no posting at all whose current
    unit it is."""
    covering = Q(postings__unit=unit, postings__start_year__lte=year) & (
        Q(postings__end_year__isnull=True) | Q(postings__end_year__gte=year)
    )
    posted = Official.objects.filter(covering)
    unposted = Official.objects.filter(unit=unit, postings__isnull=True)
    return list((posted | unposted).distinct().order_by("full_name"))


@dataclass
class MemberCounts:
    year: int
    members: list[Official] = field(default_factory=list)
    ldtt: int = 0
    cstd: int = 0
    decided: bool = True  # from the decisions of that year; False: from the checker's answers
    unrecorded: list[Official] = field(default_factory=list)  # members without a record that year
    # members with a discipline decision of cảnh cáo or above taking effect that year (Điều 27, 28)
    disciplined: list[Official] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.members)


def member_counts(unit: Unit, year: int) -> MemberCounts:
    """The members of `unit` in `year`, those disciplined at cảnh cáo or above that year, and how
    many hold Lao động tiên tiến and Chiến sĩ thi đua cơ sở for that year: from the decisions
    once some are recorded for the year, otherwise from the checker's answer on each member's
    records (the cycle not decided yet)."""
    members = unit_members(unit, year)
    counts = MemberCounts(year=year, members=members)
    if not members:
        return counts
    recorded = set(YearRecord.objects.filter(official__in=members, year=year).values_list("official_id", flat=True))
    counts.unrecorded = [m for m in members if m.pk not in recorded]
    decisions = Discipline.objects.filter(official__in=members, effective_date__year=year, form__in=GRAVE_FORMS)
    grave = set(decisions.values_list("official_id", flat=True))
    counts.disciplined = [m for m in members if m.pk in grave]
    awards = Award.objects.filter(official__in=members, achievement_year=year, code__in=("ldtt", "cstd_co_so"))
    held = set(awards.values_list("official_id", "code"))
    if held:
        counts.ldtt = len({pk for pk, code in held if code == "ldtt"})
        counts.cstd = len({pk for pk, code in held if code == "cstd_co_so"})
        return counts
    counts.decided = False
    with_record = [m for m in members if m.pk in recorded]
    rulesets = active_rulesets()
    for case in cases_data(with_record, year).values():
        verdicts = verdicts_from(case, rulesets) or {}
        counts.ldtt += bool(verdicts.get("ldtt") and verdicts["ldtt"].eligible is True)
        counts.cstd += bool(verdicts.get("cstd_co_so") and verdicts["cstd_co_so"].eligible is True)
    return counts

"""What the public pages show: the honor roll (titles and forms received, by year and unit) and
the nominees published for comments. Never ratings, discipline or anyone's contacts."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q

from ..models import Award, Nomination, Unit


def honor_years() -> list[int]:
    return list(Award.objects.order_by("-achievement_year").values_list("achievement_year", flat=True).distinct())


def honor_units() -> list[Unit]:
    return list(Unit.objects.filter(active=True, external=False, parent__isnull=False).order_by("name"))


def honor_roll(*, year: int, unit_id: int | None = None):
    """Awards of `year` (of officials of the unit, or of the unit itself, when one is chosen),
    by form then name."""
    awards = Award.objects.filter(achievement_year=year).select_related("official__unit", "unit")
    if unit_id:
        awards = awards.filter(Q(official__unit_id=unit_id) | Q(unit_id=unit_id))
    return awards.order_by("code", "unit__name", "official__full_name")


def honor_counts(*, year: int, unit_id: int | None = None) -> list[tuple[str, int]]:
    """(form, how many) for the year: "Chiến sĩ thi đua cơ sở: 17"."""
    rows = honor_roll(year=year, unit_id=unit_id).order_by().values("code").annotate(n=Count("pk"))
    names = dict(Award._meta.get_field("code").choices)
    return sorted(((names.get(r["code"], r["code"]), r["n"]) for r in rows), key=lambda item: -item[1])


def open_disclosures(today: dt.date):
    return (
        Nomination.objects.filter(disclosure_opens__lte=today, disclosure_until__gte=today)
        .select_related("official__unit", "unit")
        .order_by("disclosure_until", "code", "pk")
    )

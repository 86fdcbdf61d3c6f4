"""The S&T statistics (Thống kê KHCN) computed live from the registry: each dataset has its
metadata (title, unit, source, licence, last update), its columns and rows, and is offered as a
chart, a table, CSV and JSON. Six are computed from the registry; the others are the
indicators staff enter per year (models.Indicator). `tasks-by-year-status` counts every task once, by the year it
starts, so its rows add up to the registry."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Min, Sum
from django.db.models.functions import ExtractYear
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from portal.core.text import fold

from .models import Field, Indicator, Level, Rating, Task, TaskStatus

LICENCE = "CC BY 4.0"
TOP_HOSTS = 10


@dataclass
class Dataset:
    slug: str
    title: str
    unit: str
    source: str
    columns: list[str]  # machine keys: "year", "proposed"…
    labels: list[str]  # the same, for people (Vietnamese)
    rows: list[list]
    updated_at: dt.datetime | None
    period: str = ""  # "2021–2026": the years the figures cover
    description: str = ""
    licence: str = LICENCE

    def totals(self) -> list[float]:
        """Per row, the sum of its numbers (what the chart draws)."""
        return [sum(value for value in row[1:] if isinstance(value, (int, float))) for row in self.rows]

    def as_json(self) -> dict:
        return {
            "slug": self.slug,
            "title": self.title,
            "unit": self.unit,
            "source": self.source,
            "licence": self.licence,
            "period": self.period,
            "description": self.description,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
            "columns": self.columns,
            "column_labels": self.labels,
            "rows": self.rows,
        }


def _source() -> str:
    return _("Registry of S&T tasks of the department")


Columns = list[tuple[str, str]]  # (key, label)


def _by_year_status() -> tuple[Columns, list[list]]:
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(TaskStatus.values, 0))
    rows = Task.objects.annotate(year=ExtractYear("start")).values_list("year", "status").annotate(n=Count("pk"))
    for year, status, n in rows:
        counts[year][status] = n
    columns = [("year", _("Year")), *[(value, str(label)) for value, label in TaskStatus.choices]]
    return columns, [[year, *counts[year].values()] for year in sorted(counts)]


def _by_choice(field: str, choices) -> tuple[Columns, list[list]]:
    counts = dict(Task.objects.values_list(field).annotate(n=Count("pk")).values_list(field, "n"))
    columns = [(field, _("Field") if field == "field" else _("Level")), ("tasks", pgettext("S&T statistics", "Tasks"))]
    return columns, [[label, counts.get(value, 0)] for value, label in choices.choices]


def _budget_by_year() -> tuple[Columns, list[list]]:
    rows = (
        Task.objects.annotate(year=ExtractYear("start"))
        .values("year")
        .annotate(province=Sum("budget_province"), other=Sum("budget_other"))
        .order_by("year")
    )
    columns = [("year", _("Year")), ("province", _("Province S&T budget")), ("other", _("Other sources"))]
    return columns, [[row["year"], row["province"] or 0, row["other"] or 0] for row in rows]


def _ratings() -> tuple[Columns, list[list]]:
    accepted = Task.objects.filter(status=TaskStatus.ACCEPTED)
    counts = dict(accepted.values_list("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    return [("rating", pgettext("S&T task", "Rating")), ("tasks", pgettext("S&T statistics", "Tasks"))], [
        [label, counts.get(value, 0)] for value, label in Rating.choices
    ]


def _top_hosts() -> tuple[Columns, list[list]]:
    rows = Task.objects.values("host__name").annotate(n=Count("pk")).order_by("-n", "host__name")[:TOP_HOSTS]
    return [("host", _("Host organisation")), ("tasks", pgettext("S&T statistics", "Tasks"))], [
        [row["host__name"], row["n"]] for row in rows
    ]


# slug → (title, unit, rows)
DEFINITIONS: dict[str, tuple[object, object, Callable[[], tuple[Columns, list[list]]]]] = {
    "tasks-by-year-status": (gettext_lazy("S&T tasks by starting year and status"), pgettext_lazy("S&T statistics unit", "tasks"), _by_year_status),
    "tasks-by-field": (gettext_lazy("S&T tasks by field"), pgettext_lazy("S&T statistics unit", "tasks"), lambda: _by_choice("field", Field)),
    "tasks-by-level": (gettext_lazy("S&T tasks by level"), pgettext_lazy("S&T statistics unit", "tasks"), lambda: _by_choice("level", Level)),
    "budget-by-year": (gettext_lazy("Budget of S&T tasks by starting year and source"), gettext_lazy("đồng"), _budget_by_year),
    "acceptance-ratings": (gettext_lazy("Acceptance ratings of S&T tasks"), pgettext_lazy("S&T statistics unit", "tasks"), _ratings),
    "top-host-organisations": (gettext_lazy("Host organisations with the most S&T tasks"), pgettext_lazy("S&T statistics unit", "tasks"), _top_hosts),
}  # fmt: skip


def _period(first: int | None, last: int | None) -> str:
    if first is None:
        return ""
    return str(first) if first == last else f"{first}–{last}"


def _registry_state() -> tuple[dt.datetime | None, str]:
    """The last change of the registry and the years its tasks start in."""
    state = Task.objects.aggregate(last=Max("updated_at"), first_year=Min("start__year"), last_year=Max("start__year"))
    return state["last"], _period(state["first_year"], state["last_year"])


def _registry_dataset(slug: str, state: tuple[dt.datetime | None, str]) -> Dataset:
    title, unit, compute = DEFINITIONS[slug]
    columns, rows = compute()
    return Dataset(
        slug=slug,
        title=str(title),
        unit=str(unit),
        source=_source(),
        columns=[key for key, _label in columns],
        labels=[label for _key, label in columns],
        rows=rows,
        updated_at=state[0],
        period=state[1],
    )


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def indicator_dataset(indicator: Indicator) -> Dataset:
    """One row per year, one column per category of the breakdown (or one "value" column);
    a year without a figure for a category has None there (empty in CSV, null in JSON)."""
    values = sorted(indicator.values.all(), key=lambda v: (v.year, v.sort_order or 0, v.pk))
    categories: list[str] = []
    table: dict[int, dict[str, int | float]] = defaultdict(dict)
    for item in values:
        if item.category not in categories:
            categories.append(item.category)
        table[item.year][item.category] = _number(item.value)
    keys: list[str] = []
    for category in categories:
        key = slugify(fold(category)) or "value"
        keys.append(key if key not in keys and key != "year" else f"{key}-{len(keys) + 1}")
    years = sorted(table)
    return Dataset(
        slug=indicator.slug,
        title=indicator.title,
        unit=indicator.unit,
        source=indicator.source,
        columns=["year", *keys],
        labels=[_("Year"), *[category or pgettext("S&T statistics", "Value") for category in categories]],
        rows=[[year, *[table[year].get(category) for category in categories]] for year in years],
        updated_at=indicator.updated_at,
        period=_period(years[0], years[-1]) if years else "",
        description=indicator.description,
    )


def dataset(slug: str) -> Dataset | None:
    if slug in DEFINITIONS:
        return _registry_dataset(slug, _registry_state())
    indicator = Indicator.objects.filter(slug=slug, published=True).first()
    return indicator_dataset(indicator) if indicator else None


def registry_datasets() -> list[Dataset]:
    state = _registry_state()
    return [_registry_dataset(slug, state) for slug in DEFINITIONS]


def indicator_datasets() -> list[Dataset]:
    return [
        indicator_dataset(indicator)
        for indicator in Indicator.objects.filter(published=True).prefetch_related("values")
    ]


def all_datasets() -> list[Dataset]:
    return registry_datasets() + indicator_datasets()

"""Filter tokens in the public search index: each indexed article's text ends with a token per
category it sits in (its parent and that parent's parent categories: "zzdm12"), one for its
year ("zznam2025") and one for its month ("zzthang202506"). A search narrowed to a category then
asks the full-text index itself for "zzdm12 AND (the words)", and a date range for
"(zzthang202506 OR …) AND (the words)" (years for a range of more than three years); on SQLite
the matches dated in the days those months cover outside the range are then taken out (on
PostgreSQL the index's date column bounds the range). The index intersects its own lists in C
instead of the database matching every article and then checking each against the category's
pages. Measured at 100,000 articles, one category of 10,000: docs/benchmarks.md.

The tokens cannot collide with words a reader types in practice (no Vietnamese or English word
starts with "zz"), and an article is indexed again when it or one of its categories moves
(signals.py) or when it is published (its date may have changed)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

CATEGORY = "zzdm"
YEAR = "zznam"
MONTH = "zzthang"
MAX_MONTHS = 36  # a longer range is narrowed by years
MAX_YEARS = 30  # a wider range is not narrowed at all (the dates are still checked)
STEP = 4  # treebeard's steplen: a page's ancestors' paths are the prefixes of its own


def category_token(category_id: int) -> str:
    return f"{CATEGORY}{category_id}"


def local(moment: dt.datetime | dt.date) -> dt.date:
    """The calendar day of `moment` in the portal's time zone (Asia/Ho_Chi_Minh)."""
    if isinstance(moment, dt.datetime):
        return (timezone.localtime(moment) if timezone.is_aware(moment) else moment).date()
    return moment


def tokens_for(path: str, date: dt.datetime | None, categories: dict[str, int]) -> list[str]:
    """The filter tokens of an article at tree `path` published on `date`."""
    ancestors = [path[:end] for end in range(STEP, len(path), STEP)]
    tokens = [category_token(categories[p]) for p in ancestors if p in categories]
    if date is not None:
        day = local(date)
        tokens += [f"{YEAR}{day.year}", f"{MONTH}{day.year}{day.month:02d}"]
    return tokens


def date_tokens(
    date_from: dt.datetime | None, date_to: dt.datetime | None, first_year: int
) -> tuple[list[str], tuple[dt.date, dt.date] | None]:
    """(tokens, span) of a date range (`date_to` exclusive): the month tokens it covers, or its
    year tokens when it spans more than MAX_MONTHS, and the days those periods cover (first day,
    day after the last). An article matched through a token lies in the span; it is in the
    range unless its date falls in the span's parts outside the range (the days of the first
    and last periods before `date_from` and from `date_to`), the only dates left to check.
    ([], None) when the range is too wide to be worth narrowing: every match is checked."""
    low = local(date_from) if date_from else dt.date(first_year, 1, 1)
    high = local(date_to - dt.timedelta(microseconds=1)) if date_to else local(timezone.now()) + dt.timedelta(days=366)
    if high < low:  # an empty range: nothing has an exact date in it (its month is all outside)
        return [f"{MONTH}{low.year}{low.month:02d}"], (low.replace(day=1), _next_month(low))
    months = (high.year - low.year) * 12 + high.month - low.month + 1
    if months <= MAX_MONTHS:
        firsts = [(low.year + (low.month - 1 + n) // 12, (low.month - 1 + n) % 12 + 1) for n in range(months)]
        tokens = [f"{MONTH}{year}{month:02d}" for year, month in firsts]
        return tokens, (low.replace(day=1), _next_month(high))
    if high.year - low.year + 1 <= MAX_YEARS:
        tokens = [f"{YEAR}{year}" for year in range(low.year, high.year + 1)]
        return tokens, (dt.date(low.year, 1, 1), dt.date(high.year + 1, 1, 1))
    return [], None


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)

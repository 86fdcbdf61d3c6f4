"""Filter tokens in the public search index: each indexed article's text ends with a token per
category it sits in (its parent and that parent's parent categories: "zzdm12"), one for its
year ("zznam2025") and one for its month ("zzthang202506"). A search narrowed to a category then asks the full-text index itself for
"(the words) AND zzdm12", and a date range for "(the words) AND (zzthang202506 OR …)" (years
for a range of more than three years) before the exact dates are checked on what is left; the index intersects its own lists in C instead of
the database matching every article and then checking each against the category's pages.
Measured at 100,000 articles, one category of 10,000: docs/benchmarks.md.

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
) -> tuple[list[str], list[str] | None]:
    """(tokens, edges) of a date range (`date_to` exclusive): the month tokens it covers, or its
    year tokens when it spans more than MAX_MONTHS, and among them those of the months (years)
    it covers only in part, the only ones whose articles need their exact date checked. ([],
    None) when the range is too wide to be worth narrowing: every match is checked."""
    low = local(date_from) if date_from else dt.date(first_year, 1, 1)
    high = local(date_to - dt.timedelta(microseconds=1)) if date_to else local(timezone.now()) + dt.timedelta(days=366)
    if high < low:  # an empty range: nothing has an exact date in it
        token = f"{MONTH}{low.year}{low.month:02d}"
        return [token], [token]
    open_start = date_from is None or _starts(date_from, low.replace(day=1))
    open_end = date_to is None or _starts(date_to, _next_month(high))
    months = (high.year - low.year) * 12 + high.month - low.month + 1
    if months <= MAX_MONTHS:
        firsts = [(low.year + (low.month - 1 + n) // 12, (low.month - 1 + n) % 12 + 1) for n in range(months)]
        tokens = [f"{MONTH}{year}{month:02d}" for year, month in firsts]
    elif high.year - low.year + 1 <= MAX_YEARS:
        tokens = [f"{YEAR}{year}" for year in range(low.year, high.year + 1)]
        open_start = date_from is None or _starts(date_from, dt.date(low.year, 1, 1))
        open_end = date_to is None or _starts(date_to, dt.date(high.year + 1, 1, 1))
    else:
        return [], None
    edges = [] if open_start else [tokens[0]]
    if not open_end and tokens[-1] not in edges:
        edges.append(tokens[-1])
    return tokens, edges


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _starts(moment: dt.datetime, day: dt.date) -> bool:
    """Whether `moment` is the very start (local midnight) of `day`."""
    if not isinstance(moment, dt.datetime):
        return moment == day
    local_moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return local_moment.date() == day and local_moment.time() == dt.time(0)

"""Bounds of numbers and dates that come from a URL, a query string or a form, so an
out-of-range value is a clear 4xx and never reaches the database (SQLite and PostgreSQL keys are
signed 64-bit integers: 2^63 and above used to end in an OverflowError, a 500). Dates are read
here too, in the one pair of formats every date field of the portal accepts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Path

MAX_ID = 2**63 - 1
YEARS = (1900, 2100)
# What a Vietnamese reader types (dd/mm/yyyy, also what Wagtail's picker writes) or a link
# carries (ISO yyyy-mm-dd); used by public filters and the admin's report forms alike.
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]

# A record id in an API path: 1 … 2^63 - 1, else 422 with the API's Vietnamese message.
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]


class BadParameter(ValueError):
    """A query parameter that is present but not a number within its bounds."""


def int_param(value: str | None, *, low: int, high: int) -> int | None:
    """None when absent or empty; the number when it is one within [low, high]; BadParameter
    otherwise (letters, a year 1 or 10000, an id of forty digits)."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.isascii() or not value.isdigit() or len(value) > 19 or not low <= int(value) <= high:
        raise BadParameter(value)
    return int(value)


def record_id(value: str | None) -> int | None:
    return int_param(value, low=1, high=MAX_ID)


def year(value: str | None) -> int | None:
    return int_param(value, low=YEARS[0], high=YEARS[1])


def date_param(value: str | None) -> dt.date | None:
    """None when absent or empty; the date when it is one in DATE_FORMATS within YEARS;
    BadParameter otherwise (31/02/2026, 9999-12-31, text)."""
    value = (value or "").strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if YEARS[0] <= day.year <= YEARS[1]:
            return day
        break
    raise BadParameter(value)

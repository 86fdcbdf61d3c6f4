"""The date filter of listings and of the search page: ?from=…&to=… (yyyy-mm-dd or
dd/mm/yyyy, inclusive), read the same way everywhere."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from portal.core.calendar import start_of_day
from portal.core.params import BadParameter, date_param


@dataclass
class DateFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    error: str = ""

    @property
    def active(self) -> bool:
        return bool(self.date_from or self.date_to)

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """Start (inclusive) and end (exclusive) as aware datetimes of the site time zone."""
        start = start_of_day(self.date_from) if self.date_from else None
        end = start_of_day(self.date_to + dt.timedelta(days=1)) if self.date_to else None
        return start, end

    @property
    def query_prefix(self) -> str:
        """The filter as the start of a query string, so pagination links keep it."""
        params = {}
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        return urlencode(params) + "&" if params else ""


def parse_date_filter(params) -> DateFilter:
    """Read ?from=…&to=… (yyyy-mm-dd or dd/mm/yyyy, inclusive). A malformed date is reported
    to the reader (DateFilter.error) and the filter left empty rather than failing the page."""
    date_filter = DateFilter()
    try:
        date_filter.date_from = date_param(params.get("from", ""))
        date_filter.date_to = date_param(params.get("to", ""))
    except BadParameter:
        return DateFilter(error=_("The date is not valid; use the form dd/mm/yyyy."))
    if date_filter.date_from and date_filter.date_to and date_filter.date_from > date_filter.date_to:
        date_filter.date_from, date_filter.date_to = date_filter.date_to, date_filter.date_from
    return date_filter

"""Dates and numbers written the way Vietnamese readers expect.

"Thứ Tư, 15/04/2015" (header), "Ngày 10/4/2015" (article dates, no zero padding, as on
state agency portals), "8h30" (times), "1.431" (thousands separated by dots).
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import pgettext

_WEEKDAYS = (
    lambda: pgettext("weekday", "Monday"),
    lambda: pgettext("weekday", "Tuesday"),
    lambda: pgettext("weekday", "Wednesday"),
    lambda: pgettext("weekday", "Thursday"),
    lambda: pgettext("weekday", "Friday"),
    lambda: pgettext("weekday", "Saturday"),
    lambda: pgettext("weekday", "Sunday"),
)


def _local(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def iso(value: dt.date | dt.datetime) -> str:
    """ISO 8601 for machines (`<time datetime>`, metadata): local time, whole seconds."""
    value = _local(value)
    if isinstance(value, dt.datetime):
        value = value.replace(microsecond=0)
    return value.isoformat()


def weekday_name(value: dt.date | dt.datetime) -> str:
    return _WEEKDAYS[_local(value).weekday()]()


def full_date(value: dt.date | dt.datetime) -> str:
    """'Thứ Tư, 15/04/2015' in the site's time zone."""
    value = _local(value)
    return pgettext("full date", "%(weekday)s, %(date)s") % {
        "weekday": weekday_name(value),
        "date": value.strftime("%d/%m/%Y"),
    }


def short_date(value: dt.date | dt.datetime) -> str:
    """'10/4/2015': day and month without leading zeros."""
    value = _local(value)
    return f"{value.day}/{value.month}/{value.year}"


def article_date(value: dt.date | dt.datetime) -> str:
    """'Ngày 10/4/2015'."""
    return pgettext("article date", "Day %(date)s") % {"date": short_date(value)}


def short_time(value: dt.datetime | dt.time) -> str:
    """'8h30', '14h05', '9h' (minutes dropped when zero), as Vietnamese notices write times."""
    if isinstance(value, dt.datetime):
        value = _local(value)
    if value.minute:
        return f"{value.hour}h{value.minute:02d}"
    return f"{value.hour}h"


def number(value: int | float | None) -> str:
    """'1.431', '1.234.567'; decimals with a comma: '2,5'."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
        return whole.replace(",", ".") + ("," + frac if frac else "")
    return f"{int(value):,}".replace(",", ".")

"""Working days, for the deadlines the law counts in them (Nghị định 20/2008/NĐ-CP on
petitions: classify within 5 working days, answer within 10).

The national calendar comes from python-holidays (Vietnam): weekends, the holidays of Bộ luật
Lao động 2019, Điều 112 (Tết Dương lịch, five days of Tết Nguyên đán and Giỗ Tổ Hùng Vương from
the lunar calendar, 30/4, 1/5, Quốc khánh and its adjacent day), substitute days off and the
Saturdays the Government turns into working days when it joins holidays. The department
adds its own exceptions in the admin (CalendarDay), which win.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from django.utils import timezone

MAX_SPAN_DAYS = 3660  # no deadline looks further than ten years ahead


@lru_cache(maxsize=32)
def _national(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year, language="vi")


def start_of_day(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the portal's time zone, as an aware datetime: the
    inclusive start of a day in date filters, the exclusive end of the day before."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _exceptions(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    from .models import CalendarDay

    return dict(CalendarDay.objects.filter(date__range=(start, end)).values_list("date", "working"))


def _is_working(day: dt.date, exceptions: dict[dt.date, bool]) -> bool:
    if day in exceptions:
        return exceptions[day]
    return _national(day.year).is_working_day(day)


def is_working_day(day: dt.date | dt.datetime) -> bool:
    day = _as_date(day)
    return _is_working(day, _exceptions(day, day))


def day_off_reason(day: dt.date | dt.datetime) -> str:
    """Why a day is not worked ("Tết Nguyên Đán", "Thứ Bảy", a department's reason), or ""."""
    from .models import CalendarDay

    day = _as_date(day)
    own = CalendarDay.objects.filter(date=day).first()
    if own is not None:
        return "" if own.working else own.reason
    if _national(day.year).is_working_day(day):
        return ""
    return _national(day.year).get(day) or ("Thứ Bảy" if day.weekday() == 5 else "Chủ nhật")


def add_working_days(start: dt.date | dt.datetime, count: int) -> dt.date:
    """The day on which `count` working days after `start` have passed (the day of `start`
    itself is not counted): a petition received on Friday 13/02/2026 has its 5th working day on
    Friday 27/02/2026, Tết being 16–20/02."""
    if count < 0:
        raise ValueError("count must be positive")
    day = _as_date(start)
    exceptions = _exceptions(day, day + dt.timedelta(days=MAX_SPAN_DAYS if count else 0))
    remaining = count
    limit = day + dt.timedelta(days=MAX_SPAN_DAYS)
    while remaining:
        day += dt.timedelta(days=1)
        if day > limit:
            raise ValueError("no such working day within ten years")
        if _is_working(day, exceptions):
            remaining -= 1
    return day


def working_days_between(start: dt.date | dt.datetime, end: dt.date | dt.datetime) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    first, last = _as_date(start), _as_date(end)
    if last <= first:
        return 0
    exceptions = _exceptions(first, last)
    return sum(
        _is_working(first + dt.timedelta(days=offset), exceptions) for offset in range(1, (last - first).days + 1)
    )

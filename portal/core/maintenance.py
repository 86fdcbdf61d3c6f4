"""Planned maintenance (issue 17): a notice on every public page before an interruption.

A state agency's site must tell its readers in advance when it will stop (Nghị định
42/2022/NĐ-CP on the provision of information and online public services by state agencies,
and the decree that replaces it; the issue takes seven working days as the default notice).
The notice period is the setting MAINTENANCE_NOTICE_WORKING_DAYS (default 7), counted in
working days by portal.core.calendar from the day after the notice first appears to the day
before the interruption starts. A window announced later than that is still saved and shown
(a short notice is better than none), but the admin warns the person who saved it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext as _

from .calendar import add_working_days, working_days_between
from .models import MaintenanceWindow

# Kept with the pages ("pages" cache: a change of a window deletes it and empties that cache).
CACHE_KEY = "portal:maintenance-notice"
CACHE_SECONDS = 60


def required_days() -> int:
    return int(getattr(settings, "MAINTENANCE_NOTICE_WORKING_DAYS", 7))


@dataclass(frozen=True)
class Notice:
    days: int  # working days of notice given
    required: int
    earliest_start: dt.date  # the first day the interruption could start with this notice

    @property
    def sufficient(self) -> bool:
        return self.days >= self.required


def notice_of(window: MaintenanceWindow) -> Notice:
    start = timezone.localdate(window.starts_at)
    required = required_days()
    return Notice(
        days=working_days_between(window.announce_from, start - dt.timedelta(days=1)),
        required=required,
        earliest_start=add_working_days(window.announce_from, required) + dt.timedelta(days=1),
    )


def notice_label(window: MaintenanceWindow) -> str:
    """ "5 / 7 (không đủ)": the working days of notice given, of those required (admin list)."""
    notice = notice_of(window)
    label = f"{notice.days} / {notice.required}"
    shortfall = _("not enough")
    return label if notice.sufficient else f"{label} ({shortfall})"


def current_window() -> MaintenanceWindow | None:
    """The window announced today and not yet over, soonest first; cached for a minute and
    forgotten whenever a window is saved or deleted."""
    cache = caches["pages"]
    cached = cache.get(CACHE_KEY)
    if cached is not None:
        window = cached or None
    else:
        window = (
            MaintenanceWindow.objects.filter(announce_from__lte=timezone.localdate(), ends_at__gt=timezone.now())
            .order_by("starts_at")
            .first()
        )
        cache.set(CACHE_KEY, window or False, CACHE_SECONDS)
    if window is not None and window.ends_at <= timezone.now():
        return None
    return window


def forget(**kwargs) -> None:
    caches["pages"].delete(CACHE_KEY)

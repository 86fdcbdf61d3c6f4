"""Writes of the visit statistics: recording a hit, storing a buffered batch, closing a day,
recording an export. The beacon views and the flush command call these."""

from __future__ import annotations

import datetime as dt
import re
import secrets
import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache, caches
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from wagtail.models import Page

from portal.core import pageviews
from portal.core.beacons import device_class, is_bot
from portal.core.privacy import keyed_hash

from .buffer import DEVICE, PAGE, REFERRER, TOTAL, Batch, Hit, get_buffer
from .models import (
    DailyDevice,
    DailyPageView,
    DailyReferrer,
    DailySalt,
    DailyTotal,
    DailyVisitor,
)
from .selectors import COUNTERS_CACHE_KEY

_HOST = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")
_CHUNK = 500  # rows per IN (...) query: SQLite allows a few hundred parameters comfortably

_salts: dict[dt.date, str] = {}
_salts_lock = threading.Lock()


# --------------------------------------------------------------------------- recording
def daily_salt(day: dt.date) -> str:
    """The day's random salt, created by whichever process needs it first."""
    with _salts_lock:
        if day in _salts:
            return _salts[day]
    salt = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if salt is None:
        try:
            with transaction.atomic():
                salt = DailySalt.objects.create(day=day, salt=secrets.token_hex(32)).salt
        except IntegrityError:  # another process created it a moment ago
            salt = DailySalt.objects.get(day=day).salt
    with _salts_lock:
        for old in [d for d in _salts if d < day]:
            del _salts[old]
        _salts[day] = salt
    return salt


def visitor_hash(*, day: dt.date, ip: str, user_agent: str) -> str:
    """Pseudonymous and unlinkable across days: the day's salt is deleted when the day is over
    (and the hash is keyed with the site secret as every other, portal.core.privacy)."""
    return keyed_hash("visitor", f"{daily_salt(day)}|{ip}|{user_agent}")


def referrer_host(referrer: str, *, own_host: str) -> str:
    """The host of another site the reader came from; "" for none, our own site or nonsense."""
    try:
        parts = urlsplit((referrer or "").strip()[:2000])
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https"):
        return ""
    host = (parts.hostname or "").lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    own = (own_host or "").split(":")[0].lower()
    if own.startswith("www."):
        own = own[4:]
    if not host or len(host) > 253 or host == own or not _HOST.match(host):
        return ""
    return host


def page_id_or_none(value: int | None) -> int | None:
    """A page number from a browser, as a database id (positive, within 64 bits), or None."""
    return value if value and 0 < value < 2**63 else None


def hit_record(
    *, ip: str, user_agent: str, page_id: int | None, referrer: str = "", own_host: str = "", at: float | None = None
) -> bool:
    """Count one page view. Robots are not counted, and a reload of the same page by the same
    browser within PORTAL_VIEW_DEDUP_SECONDS is one view (a keyed hash held in the cache for
    the window); nothing about the reader is kept but the day's salted hash, the kind of
    device and the referring host. The page's own counter, if an app keeps one (an article's
    views), is fed from these hits at the flush (portal.core.pageviews)."""
    if is_bot(user_agent):
        return False
    page_id = page_id_or_none(page_id)
    window = settings.PORTAL_VIEW_DEDUP_SECONDS
    if page_id and window > 0:
        seen = "visits:seen:" + keyed_hash("seen-page", f"{ip}|{user_agent}|{page_id}")
        if not cache.add(seen, 1, timeout=window):
            return False
    at = at or time.time()
    day = timezone.localdate(dt.datetime.fromtimestamp(at, tz=dt.UTC))
    hit = Hit(
        day=day.isoformat(),
        at=at,
        visitor=visitor_hash(day=day, ip=ip, user_agent=user_agent),
        device=device_class(user_agent),
        page_id=page_id,
        referrer_host=referrer_host(referrer, own_host=own_host),
    )
    get_buffer().add(hit)
    return True


def pending_page_views(page_id: int) -> int:
    """Today's views of a page still in the buffer (shown on its counter before the flush)."""
    return get_buffer().pending_count(f"{timezone.localdate().isoformat()}|{PAGE}|{page_id}")


def visits_flush() -> Batch:
    """Write what the buffer holds now (scheduler job, exit, tests)."""
    return get_buffer().flush()


# --------------------------------------------------------------------------- storing
def _add(model: type[Model], lookup: dict, views: int = 0, visitors: int = 0) -> None:
    """Atomic "add n" on a daily row, creating it on first use (a creation race falls back to
    the UPDATE, as for article view counts)."""
    changes = {}
    if views:
        changes["views"] = F("views") + views
    if visitors:
        changes["visitors"] = F("visitors") + visitors
    if not changes or model.objects.filter(**lookup).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**lookup, **{name: n for name, n in (("views", views), ("visitors", visitors)) if n})
    except IntegrityError:
        model.objects.filter(**lookup).update(**changes)


def _chunks(items: list, size: int = _CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def visits_write(batch: Batch) -> None:
    """The buffers' writer: store the batch, then let the footer counters show it."""
    visits_store(batch)
    caches["pages"].delete(COUNTERS_CACHE_KEY)


@transaction.atomic
def visits_store(batch: Batch) -> None:
    """Add a buffered batch to the daily tables in one transaction (all or nothing, so a failed
    flush can simply be retried with the same batch)."""
    page_views: dict[tuple[dt.date, int], int] = {}
    for key, hits in batch.counters.items():
        day_iso, kind, value = key.split("|", 2)
        day = dt.date.fromisoformat(day_iso)
        if kind == TOTAL:
            _add(DailyTotal, {"day": day}, views=hits)
        elif kind == DEVICE:
            _add(DailyDevice, {"day": day, "device": value}, views=hits)
        elif kind == REFERRER:
            _add(DailyReferrer, {"day": day, "host": value[:253]}, views=hits)
        elif kind == PAGE and value.isdigit() and len(value) <= 18:  # a page id, never an overflow
            page_views[(day, int(value))] = page_views.get((day, int(value)), 0) + hits
    # Only pages that exist (a beacon's page number comes from the browser).
    wanted = sorted({page_id for _, page_id in page_views})
    existing = set()
    for chunk in _chunks(wanted):
        existing.update(Page.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    per_page: dict[int, int] = defaultdict(int)
    for (day, page_id), hits in page_views.items():
        if page_id in existing:
            _add(DailyPageView, {"day": day, "page_id": page_id}, views=hits)
            per_page[page_id] += hits
    # The counters apps keep (an article's views) grow in the same transaction.
    pageviews.pages_viewed(dict(per_page))

    seen_by_day: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for slot, seen in batch.visitors.items():
        day_iso, visitor = slot.split("|", 1)
        seen_by_day[dt.date.fromisoformat(day_iso)][visitor[:32]] = seen
    for day, seen in seen_by_day.items():
        latest = dt.datetime.fromtimestamp(max(seen.values()), tz=dt.UTC)
        hashes = sorted(seen)
        known = set()
        for chunk in _chunks(hashes):
            known.update(DailyVisitor.objects.filter(day=day, visitor__in=chunk).values_list("visitor", flat=True))
            # One UPDATE per chunk: "last seen" is exact to the flush interval, which is all
            # "online now" needs.
            DailyVisitor.objects.filter(day=day, visitor__in=chunk).update(last_seen=latest)
        DailyVisitor.objects.bulk_create(
            [
                DailyVisitor(day=day, visitor=h, last_seen=dt.datetime.fromtimestamp(seen[h], tz=dt.UTC))
                for h in hashes
                if h not in known
            ],
            batch_size=_CHUNK,
            ignore_conflicts=True,
        )


@transaction.atomic
def visits_rollup(*, today: dt.date | None = None) -> int:
    """Close the days before `today`: keep the number of distinct visitors, delete the hashes
    and the salts. Returns how many days were closed."""
    today = today or timezone.localdate()
    closed = 0
    days = DailyVisitor.objects.filter(day__lt=today).values_list("day", flat=True).distinct()
    for day in sorted(set(days)):
        visitors = DailyVisitor.objects.filter(day=day).count()
        _add(DailyTotal, {"day": day}, visitors=visitors)
        DailyVisitor.objects.filter(day=day).delete()
        closed += 1
    DailySalt.objects.filter(day__lt=today).delete()
    if closed:
        caches["pages"].delete(COUNTERS_CACHE_KEY)
    return closed

"""Counters of attempts per client address or contact, under keyed hashes (portal.core.privacy):
rate limits of citizen forms and the threshold after which a form asks its question
(portal.feedback.challenge). Counting is atomic, so concurrent requests from one address are
all counted: in the cache where it counts atomically (Redis INCR, or one process's memory),
else in the database (RateCounter, one UPDATE … count + 1 per hit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .privacy import keyed_hash


def bucket(scope: str, kind: str, value: str) -> str:
    """The cache key counting `kind` ("ip", "contact", "attempt") of `value` for `scope`."""
    return f"{scope}:rate:{kind}:{keyed_hash(kind, value)}"


def _in_cache() -> bool:
    """Whether the cache counts atomically: Redis (INCR, through the failover) or one process's
    memory (under a lock). Files shared by several workers do not (get then set), so 50
    simultaneous posts once passed a limit of 3; their counters go to the database."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    from .cache import FailoverCache

    return isinstance(caches["default"], (FailoverCache, LocMemCache))


def count(key: str) -> int:
    if _in_cache():
        return cache.get(key, 0)
    from .models import RateCounter

    found = RateCounter.objects.filter(key=key, expires_at__gt=timezone.now()).values_list("count", flat=True)
    return next(iter(found), 0)


def hit(key: str, seconds: int) -> int:
    """Add one to the counter (created for `seconds`); returns the new value."""
    if not _in_cache():
        return _hit_database(key, seconds)
    if cache.add(key, 1, seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between
        cache.add(key, 1, seconds)
        return 1


def _hit_database(key: str, seconds: int) -> int:
    """One atomic UPDATE … SET count = count + 1, or the row's creation; a concurrent creation
    loses the unique-key race and counts with an UPDATE instead."""
    from .models import RateCounter

    now = timezone.now()
    live = RateCounter.objects.filter(key=key, expires_at__gt=now)
    for _ in range(3):
        with transaction.atomic():
            if live.update(count=F("count") + 1):
                return live.values_list("count", flat=True).first() or 1
            RateCounter.objects.filter(key=key, expires_at__lte=now).delete()
            try:
                with transaction.atomic():
                    RateCounter.objects.create(key=key, count=1, expires_at=now + dt.timedelta(seconds=seconds))
                return 1
            except IntegrityError:
                continue
    return live.values_list("count", flat=True).first() or 1


def once(key: str, seconds: int) -> bool:
    """True the first time within `seconds` (one rating per address per day, …)."""
    if _in_cache():
        return cache.add(key, 1, seconds)
    return _hit_database(key, seconds) == 1


def purge_expired() -> int:
    from .models import RateCounter

    return RateCounter.objects.filter(expires_at__lte=timezone.now()).delete()[0]


@dataclass(frozen=True)
class LookupLimits:
    """Limits of a lookup by code + secret (a petition's tracking page, and later a booking or
    an information request): a known code and a guessed phone number must not be tried a
    thousand times. Counted per hour."""

    per_address: int  # lookups from one address, then 429
    question_after: int  # failed lookups from one address, or of one code, then the question
    failures_per_code: int  # failed lookups of one code from anywhere, then 429 for that code


OPEN, QUESTION, LIMITED = "open", "question", "limited"


def lookup_state(scope: str, *, ip: str, code: str, limits: LookupLimits) -> str:
    """Count this lookup and say whether it may go ahead (OPEN), must answer the question
    first (QUESTION) or is refused (LIMITED)."""
    if hit(bucket(scope, "lookup-ip", ip), 3600) > limits.per_address:
        return LIMITED
    code_failures = count(bucket(scope, "lookup-fail-code", code))
    if code_failures >= limits.failures_per_code:
        return LIMITED
    if max(code_failures, count(bucket(scope, "lookup-fail-ip", ip))) >= limits.question_after:
        return QUESTION
    return OPEN


def lookup_failed(scope: str, *, ip: str, code: str) -> None:
    hit(bucket(scope, "lookup-fail-ip", ip), 3600)
    hit(bucket(scope, "lookup-fail-code", code), 3600)

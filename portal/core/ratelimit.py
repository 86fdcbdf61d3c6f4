"""Counters of attempts per client address or contact, kept in the cache under keyed hashes
(portal.core.privacy): rate limits of citizen forms and the threshold after which a form
asks its question (portal.feedback.challenge). Counting is atomic (`add`, then `incr`), so
concurrent requests from one address are all counted."""

from __future__ import annotations

from django.core.cache import cache

from .privacy import keyed_hash


def bucket(scope: str, kind: str, value: str) -> str:
    """The cache key counting `kind` ("ip", "contact", "attempt") of `value` for `scope`."""
    return f"{scope}:rate:{kind}:{keyed_hash(kind, value)}"


def count(key: str) -> int:
    return cache.get(key, 0)


def hit(key: str, seconds: int) -> int:
    """Add one to the counter (created for `seconds`); returns the new value."""
    if cache.add(key, 1, seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired in between
        cache.add(key, 1, seconds)
        return 1


def once(key: str, seconds: int) -> bool:
    """True the first time within `seconds` (one rating per address per day, …)."""
    return cache.add(key, 1, seconds)

"""Counters of attempts per client address or contact, kept in the cache under keyed hashes
(portal.core.privacy): rate limits of citizen forms and the threshold after which a form
asks its question (portal.feedback.challenge). Counting is atomic (`add`, then `incr`), so
concurrent requests from one address are all counted."""

from __future__ import annotations

from dataclasses import dataclass

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

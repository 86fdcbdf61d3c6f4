"""The secrets of a petition and of its sender: the tracking key (portal.core.tracking) and the
keyed counters of attempts, submissions and ratings (portal.core.ratelimit), so the
submission, the question after repeated attempts and the lookup all count the same way."""

from __future__ import annotations

from portal.core import ratelimit, tracking

CODE_PREFIX = "PAKN"
SCOPE = "feedback"


def petition_key(petition) -> str:
    """The secret key shown to the citizen: derived, never stored."""
    return tracking.secret_key(petition.code, petition.key_salt)


def bucket(kind: str, value: str) -> str:
    """Counter of `kind` ("ip", "contact", "attempt", "site-rating", "lookup") for `value`."""
    return ratelimit.bucket(SCOPE, kind, value)


def attempt_bucket(ip: str) -> str:
    return bucket("attempt", ip)

"""Safe retries of requests that create something (a petition, and later a booking or a contest
attempt): a client that sends the same request twice with the same key (a double click, a retry
after a time-out) gets the first result instead of a second record.

A key only ever replays what the same client sent (RFC draft "The Idempotency-Key HTTP Header
Field", IETF httpapi, sections 2.6 and 2.7):

- it is bound to the client: stored as a keyed hash of (client address, key), so the same key
  from another address finds nothing, and a guessed key says nothing;
- it is bound to the request it first came with: a hash of that request's content is kept,
  and the same key with another content is refused (`IdempotencyMismatch`, an HTTP 422);
- it expires after settings.IDEMPOTENCY_KEY_HOURS (24 h by default);
- callers look it up only after their rate limits and validation, so replays are counted like
  any other attempt.

Forms make their own keys with `form_token()`: random and signed, so a form refuses a token it
did not issue (`form_token_valid`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import IdempotencyKey
from .privacy import keyed_hash

FORM_SALT = "portal.core.idempotency.form"
MAX_KEY_LENGTH = 255


class IdempotencyMismatch(Exception):
    """The key was already used by this client for a different request."""


def ttl() -> dt.timedelta:
    return dt.timedelta(hours=getattr(settings, "IDEMPOTENCY_KEY_HOURS", 24))


def request_hash(content: dict, files: list[tuple[str, bytes]] | None = None) -> str:
    """A digest of what the request asks for: its fields (as JSON with sorted keys) and the
    name and content of each file."""
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str, ensure_ascii=False).encode())
    for name, data in files or []:
        digest.update(b"\0" + name.encode("utf-8", "surrogatepass") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _key_hash(scope: str, client: str, key: str) -> str:
    return keyed_hash(f"idempotency:{scope}", f"{client}\n{key}", length=64)


def usable(key: str) -> str:
    """The key as it will be used: printable ASCII, at most MAX_KEY_LENGTH characters; anything
    else counts as no key (the request is then simply not deduplicated)."""
    key = (key or "").strip()
    if not key or len(key) > MAX_KEY_LENGTH or not key.isascii() or not key.isprintable():
        return ""
    return key


def replayed(*, scope: str, client: str, key: str, content_hash: str) -> str | None:
    """The target of an earlier request with this key from this client, or None. Raises
    IdempotencyMismatch when that request asked for something else."""
    key = usable(key)
    if not key:
        return None
    found = IdempotencyKey.objects.filter(
        scope=scope, key_hash=_key_hash(scope, client, key), created_at__gte=timezone.now() - ttl()
    ).first()
    if found is None:
        return None
    if found.request_hash != content_hash:
        raise IdempotencyMismatch(key)
    return found.target


def remember(*, scope: str, client: str, key: str, content_hash: str, target: str) -> None:
    """Record that `key` from `client` created `target`. Call inside the transaction that
    creates it: a concurrent request with the same key then fails with IntegrityError, its
    transaction is rolled back, and `replayed` gives it the winner's target."""
    key = usable(key)
    if not key:
        return
    key_hash = _key_hash(scope, client, key)
    # An expired use of the same key gives way to the new one.
    IdempotencyKey.objects.filter(scope=scope, key_hash=key_hash, created_at__lt=timezone.now() - ttl()).delete()
    IdempotencyKey.objects.create(
        scope=scope, key_hash=key_hash, request_hash=content_hash, target=target, created_at=timezone.now()
    )


def purge_expired() -> int:
    return IdempotencyKey.objects.filter(created_at__lt=timezone.now() - ttl()).delete()[0]


def form_token() -> str:
    """A new idempotency key for a form: random, signed with the site's secret."""
    return signing.dumps(secrets.token_urlsafe(18), salt=FORM_SALT, compress=False)


def form_token_valid(token: str) -> bool:
    try:
        signing.loads(token or "", salt=FORM_SALT, max_age=ttl())
    except signing.BadSignature:
        return False
    return True

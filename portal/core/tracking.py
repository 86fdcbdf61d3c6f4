"""Tracking codes and secret keys for what citizens send (petitions today; information
requests, reception bookings and contest entries next), so each gets the same guarantees:

- a readable code per year, "PAKN-2026-000123", from a counter row incremented inside the
  caller's transaction: the row lock (PostgreSQL) or the database write lock (SQLite) gives
  every record its own number, without gaps from rolled-back attempts;
- a secret key derived from the code and a random salt with the site secret: never stored,
  shown once to the citizen. When SECRET_KEY is rotated, the old one goes to
  SECRET_KEY_FALLBACKS (Django's own setting for signed cookies and tokens): keys given before
  keep working as long as it stays there (docs/huong-dan-van-hanh.md); the code with the phone
  or e-mail works whatever the secret;
- a lookup by code + key or code + contact that does the same work whether the code exists
  or not and compares in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from .models import YearlySequence
from .privacy import same_secret

KEY_LENGTH = 10


def next_code(prefix: str, year: int) -> str:
    """The next code of `prefix` in `year`; call it inside the transaction that stores it."""
    if not YearlySequence.objects.filter(name=prefix, year=year).exists():
        try:
            with transaction.atomic():
                YearlySequence.objects.create(name=prefix, year=year, last=0)
        except IntegrityError:
            pass  # created meanwhile by a concurrent submission
    YearlySequence.objects.filter(name=prefix, year=year).update(last=F("last") + 1)
    number = YearlySequence.objects.get(name=prefix, year=year).last
    return f"{prefix}-{year}-{number:06d}"


def new_salt() -> str:
    return secrets.token_hex(8)


def secret_key(code: str, salt: str, secret: str | None = None) -> str:
    """The citizen's key for a record: 10 characters of base32 (no 0/1/8 to misread), derived
    with the site's SECRET_KEY (or `secret`, one of its fallbacks)."""
    secret = settings.SECRET_KEY if secret is None else secret
    digest = hmac.new(secret.encode(), f"{code}:{salt}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:KEY_LENGTH]


def _secrets() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def normalize_code(code: str) -> str:
    return "".join(str(code or "").split()).upper()[:40]


def normalize_key(key: str) -> str:
    return "".join(str(key or "").split()).upper()[:40]


def normalize_phone(value: str) -> str:
    return re.sub(r"[\s.\-()]", "", str(value or ""))


def matches(*, code: str, salt: str, email: str, phone: str, key: str = "", contact: str = "") -> bool:
    """Whether the key, or the contact (e-mail or phone), proves the right to see the record."""
    given_key = normalize_key(key)
    if given_key and any([same_secret(secret_key(code, salt, secret), given_key) for secret in _secrets()]):
        return True
    contact = str(contact or "").strip()
    if not contact:
        return False
    if "@" in contact:
        return bool(email) and same_secret(email, contact.lower())
    given_phone = normalize_phone(contact)
    return bool(phone) and bool(given_phone) and same_secret(phone, given_phone)


def unknown_code_work(key: str) -> None:
    """The comparison a known code costs, for an unknown one (no timing difference)."""
    for _secret in _secrets():
        same_secret("x" * KEY_LENGTH, normalize_key(key) or "y")

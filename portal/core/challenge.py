"""The self-hosted question asked after repeated attempts from one address (a kit: petitions,
their tracking lookups and the comments on award nominees use it).

No third-party captcha (the site must work inside closed networks and must not send visitors
to others) and no JavaScript: a short question about small numbers, readable by screen
readers, in one of several forms (a sum, a difference, the larger of two, a number word to
write in digits) with each number written as a word or in digits, so that no single pattern
reads every question. The
expected answer travels signed and hashed in the form, each question can be used once and
expires after half an hour.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext as _

from . import ratelimit
from .privacy import keyed_hash, same_secret

SALT = "portal.feedback.challenge"  # kept from when petitions owned it: questions in flight stay valid
MAX_AGE = 1800
WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]


def challenge_needed(counter: str, attempts: int | None = None, *, after: int | None = None) -> bool:
    """Whether the next attempt must answer the question: `counter` is the rate-limit bucket of
    the attempts (portal.core.ratelimit.bucket), `attempts` the number made before this one (read
    from the counter when not given), `after` how many go unasked (FEEDBACK_CHALLENGE_AFTER when
    not given; 0 never asks)."""
    after = settings.FEEDBACK_CHALLENGE_AFTER if after is None else after
    if attempts is None:
        attempts = ratelimit.count(counter)
    return after > 0 and attempts >= after


def _digest(answer: str, nonce: str) -> str:
    return keyed_hash(SALT, f"{nonce}:{answer}", length=24)


def _number(n: int) -> str:
    """A number as a word or as digits, at random: one pattern must not read every question."""
    return WORDS[n] if secrets.randbelow(2) else str(n)


def _question() -> tuple[str, int]:
    """A short question in one of several forms, and its answer."""
    a, b = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    form = secrets.randbelow(5)
    if form == 0:
        return _("How much is %(a)s plus %(b)s?") % {"a": _number(a), "b": _number(b)}, a + b
    if form == 1:
        return _("What is the sum of %(a)s and %(b)s?") % {"a": _number(a), "b": _number(b)}, a + b
    if form == 2:
        high, low = max(a, b) + 1, min(a, b)
        return _("Take %(b)s away from %(a)s: how many are left?") % {"a": _number(high), "b": _number(low)}, high - low
    if form == 3:
        if a == b:
            b = a % 9 + 1
        return _("Which is larger, %(a)s or %(b)s?") % {"a": _number(a), "b": _number(b)}, max(a, b)
    return _("Write the number %(word)s in digits.") % {"word": WORDS[a]}, a


def challenge_new() -> dict[str, str]:
    """{"token", "question"}: the question to show (answered in digits) and the token to send
    back with the answer."""
    question, answer = _question()
    nonce = secrets.token_hex(8)
    token = signing.dumps({"n": nonce, "d": _digest(str(answer), nonce)}, salt=SALT, compress=True)
    return {"token": token, "question": question + " " + _("(answer in digits)")}


def challenge_passed(token: str, answer: str) -> bool:
    try:
        data = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    given = "".join(str(answer or "").split())
    if not given.isdigit() or not same_secret(_digest(str(int(given)), data["n"]), data["d"]):
        return False
    return cache.add(f"feedback:challenge-used:{data['n']}", 1, MAX_AGE)  # once only

"""Personal data: what the portal may keep, log and show, and the one vocabulary for it.

The law in force: Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (in force 01/01/2026) and Nghị định
356/2025/NĐ-CP, which details it and replaced Nghị định 13/2023/NĐ-CP on the same day.
- Điều 3 of the law (principles): collect and process only within a specific, stated purpose;
  keep personal data only as long as that purpose needs; protect it while it is processed.
- Điều 9: consent is given freely and knowingly (which data, what for, who controls it, the
  subject's rights), in a clear form; silence is no consent (Nghị định 356/2025, Điều 6).
- Điều 14, khoản 1: data is deleted when the purpose is fulfilled or its keeping period ends.
- Nghị định 356/2025, Điều 3: name, address, phone number, identity numbers are basic
  personal data; what a petitioner or a commenter types there is covered.
docs/security.md (Dữ liệu cá nhân) lists where each rule is applied.

- `keyed_hash` is the one way the portal turns an address, a contact or a browser into a key for
  rate limits, de-duplication and anti-abuse counters: an HMAC with the site's SECRET_KEY and a
  purpose, so a key of one purpose says nothing about another and nobody without the secret can
  test a guessed address against it. Nothing personal is ever used as a cache key as such.
- `RedactingFilter` is the one rule for what may be logged: it is installed on every log
  handler and blanks e-mail addresses, phone numbers and secret keys in query strings, whatever
  a message or a third-party library tried to log.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re

from django.conf import settings


def keyed_hash(purpose: str, value: str, *, length: int = 32) -> str:
    """Hex HMAC-SHA256 of `value` for `purpose` ("ip", "contact", "seen-article", …)."""
    message = f"{purpose}:{value}".encode("utf-8", "surrogatepass")
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:length]


def same_secret(expected: str, given: str) -> bool:
    """Constant-time comparison of two texts of any characters (hmac.compare_digest refuses
    non-ASCII str, which a citizen may well type)."""
    return hmac.compare_digest(
        (expected or "").encode("utf-8", "surrogatepass"), (given or "").encode("utf-8", "surrogatepass")
    )


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w/.-])(?:\+84|0)(?:[\s.-]?\d){8,10}(?![\w/])")
_SECRET_PARAM = re.compile(r"(?i)([?&](?:key|token|ma-bi-mat|contact|phone|email)=)[^&\s\"']*")
REDACTED = "[…]"
# Audit-log actions (registered in core's wagtail_hooks): a staff member opened a page showing a
# citizen's personal data; the data was removed after its keeping period.
PERSONAL_DATA_VIEWED = "portal.personal_data_viewed"
PERSONAL_DATA_REMOVED = "portal.personal_data_removed"


def redact(text: str) -> str:
    """`text` without e-mail addresses, phone numbers and secret query parameters."""
    text = _SECRET_PARAM.sub(lambda m: m.group(1) + REDACTED, text)
    text = _EMAIL.sub(REDACTED, text)
    return _PHONE.sub(REDACTED, text)


class RedactingFilter(logging.Filter):
    """Logging filter applying `redact` to the formatted message (arguments included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is logged as it is
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True

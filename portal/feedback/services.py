"""Writes on citizen petitions. The HTML form and the API both submit through
`petition_submit`, so they accept and refuse exactly the same things."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import formats

from .models import Petition, PetitionEvent, PetitionField, PetitionSequence, PetitionStatus
from .selectors import counters_changed

logger = logging.getLogger("portal.feedback")

LIMITS = {"full_name": (2, 100), "address": (0, 255), "title": (5, 200), "content": (20, 10_000)}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\ufeff]")
_PHONE = re.compile(r"^(?:\+84|0)\d{8,10}$")


class PetitionInvalid(Exception):
    """Bad input: Vietnamese messages per field ("__all__" for the form as a whole)."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
        self.errors = errors


class PetitionRateLimited(Exception):
    pass


@dataclass
class SubmitResult:
    petition: Petition
    key: str
    created: bool
    warnings: list[str] = field(default_factory=list)


def clean_text(value, *, multiline: bool = False) -> str:
    """NFC, no control or invisible characters, trimmed; single-line fields lose line breaks."""
    text = unicodedata.normalize("NFC", str(value or ""))
    text = _CONTROL.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = " ".join(text.split())
    return text.strip()


def normalize_phone(value: str) -> str:
    return re.sub(r"[\s.\-()]", "", value or "")


def petition_key(petition: Petition) -> str:
    """The secret key shown to the citizen: derived, never stored (rotating SECRET_KEY makes
    old keys unusable; the code with the phone or e-mail still works)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{petition.code}:{petition.key_salt}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode()[:10]


def _field(value) -> PetitionField | None:
    fields = PetitionField.objects.filter(active=True)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return fields.filter(pk=int(value)).first()
    name = clean_text(value)
    return fields.filter(name__iexact=name).first() if name else None


def _validate(data: dict) -> tuple[dict, dict[str, list[str]]]:
    errors: dict[str, list[str]] = {}
    clean = {}

    def error(name: str, message: str) -> None:
        errors.setdefault(name, []).append(message)

    for name, (low, high) in LIMITS.items():
        raw = data.get(name)
        if raw is not None and not isinstance(raw, str):
            error(name, _("This value must be text."))
            continue
        value = clean_text(raw, multiline=name == "content")
        clean[name] = value
        if low and not value:
            error(name, _("This field is required."))
        elif len(value) < low:
            error(name, _("Please write at least %(n)s characters.") % {"n": formats.number(low)})
        elif len(value) > high:
            error(name, _("Please write at most %(n)s characters (now %(len)s).") % {"n": formats.number(high), "len": formats.number(len(value))})
    phone = normalize_phone(clean_text(data.get("phone")))
    email = clean_text(data.get("email")).lower()
    if phone and not _PHONE.match(phone):
        error("phone", _("Enter a Vietnamese phone number, e.g. 0912 345 678 or +84 912 345 678."))
    if email:
        try:
            validate_email(email)
        except ValidationError:
            error("email", _("Enter a valid e-mail address, e.g. ten@example.vn."))
    if not phone and not email:
        error("phone", _("Give a phone number or an e-mail address (or both) so the department can reply."))
    clean["phone"], clean["email"] = phone, email
    chosen = _field(data.get("field"))
    if chosen is None:
        error("field", _("Choose a field from the list."))
    clean["area"] = chosen
    if data.get("consent") is not True:
        error("consent", _("Your consent to the processing of your personal data is needed to handle the petition (Nghị định 13/2023/NĐ-CP)."))
    publish = data.get("publish_allowed")
    publish = True if publish is None else publish
    if not isinstance(publish, bool):
        error("publish_allowed", _("This value must be true or false."))
    clean["publish_allowed"] = publish is not False
    return clean, errors


def _bucket(kind: str, value: str) -> str:
    # Hashed with the site secret: no address or contact is kept, even in the cache.
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"feedback:rate:{kind}:{digest}"


def _rate_limited(ip: str, contacts: list[str]) -> bool:
    if cache.get(_bucket("ip", ip), 0) >= settings.FEEDBACK_LIMIT_PER_IP_HOUR:
        return True
    return any(cache.get(_bucket("contact", c), 0) >= settings.FEEDBACK_LIMIT_PER_CONTACT_DAY for c in contacts)


def _count(key: str, seconds: int) -> None:
    if cache.add(key, 1, seconds):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired in between
        cache.add(key, 1, seconds)


def _next_code(year: int) -> str:
    """PAKN-2026-000123, from a counter row incremented inside the caller's transaction: the
    row lock (PostgreSQL) or the database write lock (SQLite) gives every petition its own."""
    if not PetitionSequence.objects.filter(year=year).exists():
        try:
            with transaction.atomic():
                PetitionSequence.objects.create(year=year, last=0)
        except IntegrityError:
            pass  # created meanwhile by a concurrent submission
    PetitionSequence.objects.filter(year=year).update(last=F("last") + 1)
    number = PetitionSequence.objects.get(year=year).last
    return f"PAKN-{year}-{number:06d}"


def petition_submit(*, data: dict, ip: str = "", idempotency_key: str = "") -> SubmitResult:
    """Receive a citizen's petition: check it, give it a tracking code and key, record the
    first event, e-mail the citizen when an address was given.

    `idempotency_key` (a form's hidden token, an API client's Idempotency-Key header) makes a
    repeated submission (double click, retry after a timeout) return the first petition
    instead of creating another."""
    token = clean_text(idempotency_key)[:64]
    if token:
        existing = Petition.objects.filter(idempotency_key=token).first()
        if existing:
            return SubmitResult(existing, petition_key(existing), created=False)
    clean, errors = _validate(data)
    if errors:
        raise PetitionInvalid(errors)
    contacts = [c for c in (clean["phone"], clean["email"]) if c]
    if _rate_limited(ip, contacts):
        raise PetitionRateLimited(_("Too many petitions were sent from here in a short time. Please try again later."))
    now = timezone.now()
    try:
        with transaction.atomic():
            petition = Petition(
                code=_next_code(timezone.localtime(now).year), key_salt=secrets.token_hex(8),
                consent_at=now, idempotency_key=token or None, status=PetitionStatus.RECEIVED, **clean,
            )
            petition.full_clean(exclude=["idempotency_key"])
            petition.save()
            PetitionEvent.objects.create(petition=petition, status_to=PetitionStatus.RECEIVED, public_note=_("Received."))
            transaction.on_commit(counters_changed)
    except IntegrityError:
        if token:  # the same token won a race with us: that petition is the answer
            existing = Petition.objects.filter(idempotency_key=token).first()
            if existing:
                return SubmitResult(existing, petition_key(existing), created=False)
        raise
    _count(_bucket("ip", ip), 3600)
    for contact in contacts:
        _count(_bucket("contact", contact), 86400)
    key = petition_key(petition)
    logger.info("petition %s received (field %s)", petition.code, petition.area_id)
    if petition.email:
        transaction.on_commit(lambda: _send_receipt(petition, key))
    return SubmitResult(petition, key, created=True)


def _send_receipt(petition: Petition, key: str) -> None:
    subject = _("Your petition %(code)s was received") % {"code": petition.code}
    body = _(
        "Dear %(name)s,\n\nThe department has received your petition “%(title)s”.\n\n"
        "Tracking code: %(code)s\nSecret key: %(key)s\n\n"
        "Follow its handling at %(url)s with the code and the key (or the code and your phone "
        "number or e-mail address). Keep the key to yourself.\n"
    ) % {"name": petition.full_name, "title": petition.title, "code": petition.code, "key": key,
         "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/phan-anh-kien-nghi/tra-cuu/"}
    try:
        send_mail(subject, body, None, [petition.email])
    except Exception:  # the petition is stored; a mail server outage must not lose it
        logger.exception("receipt e-mail for petition %s failed", petition.code)

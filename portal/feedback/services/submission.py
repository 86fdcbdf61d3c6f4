"""Receiving a citizen's petition. The HTML form and the API both submit through
`petition_submit`, so they accept and refuse exactly the same things."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import formats, idempotency, ratelimit, tracking
from portal.core.calendar import add_working_days
from portal.core.challenge import challenge_needed, challenge_passed
from portal.core.links import site_url
from portal.core.params import BadParameter, record_id
from portal.outbox.services import mail_queue

from .. import keys
from ..errors import PetitionChallenge, PetitionInvalid, PetitionRateLimited
from ..files import check_files
from ..models import FileKind, Petition, PetitionEvent, PetitionField, PetitionFile, PetitionStatus
from ..selectors import counters_changed
from ..text import clean_text
from .common import delete_files, store_files

logger = logging.getLogger("portal.feedback")

LIMITS = {"full_name": (2, 100), "address": (0, 255), "title": (5, 200), "content": (20, 10_000)}
_PHONE = re.compile(r"^(?:\+84|0)\d{8,10}$")
IDEMPOTENCY_SCOPE = "petition"


@dataclass
class SubmitResult:
    petition: Petition
    key: str
    created: bool
    warnings: list[str] = field(default_factory=list)


def _field(value) -> PetitionField | None:
    fields = PetitionField.objects.filter(active=True)
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        try:
            number = record_id(str(value))  # the portal's one bound for ids (portal.core.params)
        except BadParameter:
            return None
        return fields.filter(pk=number).first()
    name = clean_text(value)
    return fields.filter(name__iexact=name).first() if name else None


def validate(data: dict) -> tuple[dict, dict[str, list[str]]]:
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
            error(
                name,
                _("Please write at most %(n)s characters (now %(len)s).")
                % {"n": formats.number(high), "len": formats.number(len(value))},
            )
    phone = tracking.normalize_phone(clean_text(data.get("phone")))
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
        error(
            "consent",
            _(
                "Your consent to the processing of your personal data is needed to handle the petition (Luật Bảo vệ dữ liệu cá nhân 2025)."
            ),
        )
    publish = data.get("publish_allowed")
    publish = True if publish is None else publish
    if not isinstance(publish, bool):
        error("publish_allowed", _("This value must be true or false."))
    clean["publish_allowed"] = publish is not False
    return clean, errors


def _rate_limited(ip: str, contacts: list[str]) -> bool:
    if ratelimit.count(keys.bucket("ip", ip)) >= settings.FEEDBACK_LIMIT_PER_IP_HOUR:
        return True
    return any(ratelimit.count(keys.bucket("contact", c)) >= settings.FEEDBACK_LIMIT_PER_CONTACT_DAY for c in contacts)


def _replay(token: str, ip: str, content_hash: str) -> SubmitResult | None:
    try:
        target = idempotency.replayed(scope=IDEMPOTENCY_SCOPE, client=ip, key=token, content_hash=content_hash)
    except idempotency.IdempotencyMismatch:
        raise PetitionInvalid(
            {"__all__": [_("This request key was already used for a different petition. Send it with a new key.")]}
        ) from None
    existing = Petition.objects.filter(pk=target).first() if target else None
    return SubmitResult(existing, keys.petition_key(existing), created=False) if existing else None


def petition_submit(
    *,
    data: dict,
    ip: str = "",
    idempotency_key: str = "",
    files: list[tuple[str, bytes]] | None = None,
    challenge_token: str = "",
    challenge_answer: str = "",
    from_public: bool = True,
) -> SubmitResult:
    """Receive a citizen's petition: check it, give it a tracking code and key, record the
    first event, e-mail the citizen when an address was given.

    The checks run cheapest first, so a flood of bad requests costs little: attempts per
    address (HTTP 429 past FEEDBACK_ATTEMPTS_PER_IP_HOUR), the question after repeated
    attempts, the fields, the limits per address and contact, and only then the files
    (decoding pictures, parsing documents, the virus scan).

    `idempotency_key` (a form's signed token, an API client's Idempotency-Key header) makes a
    repeated submission (double click, retry after a time-out) from the same address with
    the same content return the first petition instead of creating another; the same key
    with other content is refused (portal.core.idempotency). `from_public=False` is for the
    department's own entries (demo content): they are not counted, challenged or limited."""
    if from_public:
        attempts = ratelimit.hit(keys.attempt_bucket(ip), 3600)
        if attempts > settings.FEEDBACK_ATTEMPTS_PER_IP_HOUR:
            raise PetitionRateLimited(
                _("Too many attempts were made from here in a short time. Please try again later.")
            )
        if challenge_needed(keys.attempt_bucket(ip), attempts - 1) and not challenge_passed(
            challenge_token, challenge_answer
        ):
            raise PetitionChallenge(
                {
                    "challenge": [
                        _("Please answer the question below (asked after several attempts from the same place).")
                    ]
                }
            )
    clean, errors = validate(data)
    if files and len(files) > settings.FEEDBACK_MAX_FILES:
        errors["attachments"] = [_("Attach at most %(n)s files.") % {"n": settings.FEEDBACK_MAX_FILES}]
    if errors:
        raise PetitionInvalid(errors)
    contacts = [c for c in (clean["phone"], clean["email"]) if c]
    content_hash = idempotency.request_hash(
        {**clean, "area": clean["area"].pk}, [(name, content) for name, content in files or []]
    )
    replay = _replay(idempotency_key, ip, content_hash)
    if replay:
        return replay
    if from_public and _rate_limited(ip, contacts):
        raise PetitionRateLimited(_("Too many petitions were sent from here in a short time. Please try again later."))
    checked, file_errors = check_files(files or [])
    if file_errors:
        raise PetitionInvalid({"attachments": file_errors})
    now = timezone.now()
    stored: list[PetitionFile] = []
    try:
        with transaction.atomic():
            petition = Petition(
                code=tracking.next_code(keys.CODE_PREFIX, timezone.localtime(now).year),
                key_salt=tracking.new_salt(),
                consent_at=now,
                status=PetitionStatus.RECEIVED,
                classify_by=add_working_days(now, settings.FEEDBACK_CLASSIFY_DAYS),
                **clean,
            )
            petition.full_clean()
            petition.save()
            idempotency.remember(
                scope=IDEMPOTENCY_SCOPE, client=ip, key=idempotency_key, content_hash=content_hash, target=petition.pk
            )
            stored = store_files(petition, checked, FileKind.CITIZEN)
            PetitionEvent.objects.create(petition=petition, action="received", status_to=PetitionStatus.RECEIVED)
            key = keys.petition_key(petition)
            if petition.email:  # queued with the petition: stored together or not at all
                _queue_receipt(petition, key)
            transaction.on_commit(counters_changed)
    except IntegrityError:
        delete_files(stored)
        replay = _replay(idempotency_key, ip, content_hash)  # the same key won a race with us
        if replay:
            return replay
        raise
    except BaseException:
        delete_files(stored)  # the rows are rolled back: leave no file behind them
        raise
    if from_public:
        ratelimit.hit(keys.bucket("ip", ip), 3600)
        for contact in contacts:
            ratelimit.hit(keys.bucket("contact", contact), 86400)
    logger.info("petition %s received (field %s)", petition.code, petition.area_id)
    return SubmitResult(petition, key, created=True)


def _queue_receipt(petition: Petition, key: str) -> None:
    subject = _("Your petition %(code)s was received") % {"code": petition.code}
    body = _(
        "Dear %(name)s,\n\nThe department has received your petition “%(title)s”.\n\n"
        "Tracking code: %(code)s\nSecret key: %(key)s\n\n"
        "Follow its handling at %(url)s with the code and the key (or the code and your phone "
        "number or e-mail address). Keep the key to yourself.\n"
    ) % {
        "name": petition.full_name,
        "title": petition.title,
        "code": petition.code,
        "key": key,
        "url": site_url(reverse("petition_track")),
    }
    mail_queue(to=[petition.email], subject=subject, body=body, reference=f"petition {petition.code} receipt")

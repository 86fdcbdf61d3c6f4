"""Writes on citizen petitions. The HTML form and the API both submit through
`petition_submit`, so they accept and refuse exactly the same things."""

from __future__ import annotations

import base64
import hashlib
import hmac
import html as html_lib
import logging
import re
import secrets
import unicodedata
from dataclasses import dataclass, field

import nh3
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.core import formats
from portal.core.calendar import add_working_days
from portal.core.mail import mail_queue
from portal.core.signals import clear_page_cache
from portal.core.text import fold_for_search

from .challenge import challenge_needed, challenge_passed
from .files import CheckedFile, check_files
from .models import (
    OPEN_STATUSES as OPEN,
)
from .models import (
    AnswerState,
    FileKind,
    Petition,
    PetitionAnswer,
    PetitionEvent,
    PetitionField,
    PetitionFile,
    PetitionPublication,
    PetitionRating,
    PetitionSequence,
    PetitionStatus,
    ReportExport,
    SiteRating,
)
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


class PetitionChallenge(PetitionInvalid):
    """The question after repeated attempts is missing or wrongly answered."""


class PetitionActionError(Exception):
    """A handling step that is not possible now (wrong status, missing reason…), in Vietnamese."""


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
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{petition.code}:{petition.key_salt}".encode(), hashlib.sha256
    ).digest()
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
            error(
                name,
                _("Please write at most %(n)s characters (now %(len)s).")
                % {"n": formats.number(high), "len": formats.number(len(value))},
            )
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
        error(
            "consent",
            _(
                "Your consent to the processing of your personal data is needed to handle the petition (Nghị định 13/2023/NĐ-CP)."
            ),
        )
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

    `idempotency_key` (a form's hidden token, an API client's Idempotency-Key header) makes a
    repeated submission (double click, retry after a timeout) return the first petition
    instead of creating another. `from_public=False` is for the department's own entries
    (demo content): they are not counted as attempts, challenged or rate limited."""
    token = clean_text(idempotency_key)[:64]
    if token:
        existing = Petition.objects.filter(idempotency_key=token).first()
        if existing:
            return SubmitResult(existing, petition_key(existing), created=False)
    challenged = from_public and challenge_needed(ip)
    if from_public:
        _count(_bucket("attempt", ip), 3600)
    if challenged and not challenge_passed(challenge_token, challenge_answer):
        raise PetitionChallenge(
            {"challenge": [_("Please answer the question below (asked after several attempts from the same place).")]}
        )
    clean, errors = _validate(data)
    checked, file_errors = check_files(files or [])
    if file_errors:
        errors["attachments"] = file_errors
    if errors:
        raise PetitionInvalid(errors)
    contacts = [c for c in (clean["phone"], clean["email"]) if c]
    if from_public and _rate_limited(ip, contacts):
        raise PetitionRateLimited(_("Too many petitions were sent from here in a short time. Please try again later."))
    now = timezone.now()
    stored: list[PetitionFile] = []
    try:
        with transaction.atomic():
            petition = Petition(
                code=_next_code(timezone.localtime(now).year),
                key_salt=secrets.token_hex(8),
                consent_at=now,
                idempotency_key=token or None,
                status=PetitionStatus.RECEIVED,
                classify_by=add_working_days(now, settings.FEEDBACK_CLASSIFY_DAYS),
                **clean,
            )
            petition.full_clean(exclude=["idempotency_key"])
            petition.save()
            stored = _store_files(petition, checked, FileKind.CITIZEN)
            PetitionEvent.objects.create(
                petition=petition, action="received", status_to=PetitionStatus.RECEIVED, public_note=_("Received.")
            )
            key = petition_key(petition)
            if petition.email:  # queued with the petition: stored together or not at all
                _queue_receipt(petition, key)
            transaction.on_commit(counters_changed)
    except IntegrityError:
        _delete_files(stored)
        if token:  # the same token won a race with us: that petition is the answer
            existing = Petition.objects.filter(idempotency_key=token).first()
            if existing:
                return SubmitResult(existing, petition_key(existing), created=False)
        raise
    except BaseException:
        _delete_files(stored)  # the rows are rolled back: leave no file behind them
        raise
    if from_public:
        _count(_bucket("ip", ip), 3600)
        for contact in contacts:
            _count(_bucket("contact", contact), 86400)
    logger.info("petition %s received (field %s)", petition.code, petition.area_id)
    return SubmitResult(petition, key, created=True)


def _absolute_url(path: str) -> str:
    """An address of this site for e-mails (BASE_URL, as the admin's own links use)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


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
        "url": _absolute_url(reverse("petition_track")),
    }
    mail_queue(to=[petition.email], subject=subject, body=body, reference=f"petition {petition.code} receipt")


def _store_files(petition: Petition, checked: list[CheckedFile], kind: str) -> list[PetitionFile]:
    stored = []
    for item in checked:
        row = PetitionFile(
            petition=petition,
            kind=kind,
            name=item.name,
            content_type=item.content_type,
            size=item.size,
            sha256=item.sha256,
        )
        row.file.save(item.name, ContentFile(item.data), save=False)
        stored.append(row)
        row.save()
    return stored


def _delete_files(rows: list[PetitionFile]) -> None:
    for row in rows:
        try:
            row.file.delete(save=False)
        except OSError:
            logger.warning("could not remove an unsaved petition file")


# --- Handling by the department -------------------------------------------------------------
#
# Every step below runs in one transaction, locks the petition row, checks the status it
# starts from, records a PetitionEvent (who, when, why; never edited or deleted) and an entry
# in Wagtail's action log, and drops the public counters when the status changes.

ANSWER_TAGS = {
    "p",
    "br",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "ul",
    "ol",
    "li",
    "a",
    "h3",
    "h4",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


def sanitize_answer(html: str) -> str:
    """The answer as HTML that is safe on the public site and in the admin (nh3 allow-list;
    links keep only http(s)/mailto and get rel="noopener noreferrer")."""
    return nh3.clean(
        html or "",
        tags=ANSWER_TAGS,
        attributes={"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    ).strip()


def html_text(html: str) -> str:
    """Plain text of sanitised HTML (e-mails, search text)."""
    text = re.sub(r"<(?:br|/p|/li|/h\d|/tr|/blockquote)\s*/?>", "\n", html or "")
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()


def _require(user, permission: str) -> None:
    if user is None or not user.has_perm(f"feedback.{permission}"):
        raise PermissionDenied(permission)


def _locked(petition: Petition) -> Petition:
    return Petition.objects.select_for_update().get(pk=petition.pk)


def _record(
    petition: Petition,
    *,
    action: str,
    user,
    status_from: str = "",
    status_to: str = "",
    public_note: str = "",
    internal_note: str = "",
    public: bool = False,
) -> PetitionEvent:
    event = PetitionEvent.objects.create(
        petition=petition,
        action=action,
        public=public,
        status_from=status_from or petition.status,
        status_to=status_to or petition.status,
        public_note=public_note[:500],
        internal_note=internal_note,
        actor=user,
    )
    log(petition, f"portal.feedback.{action}", user=user, data={"code": petition.code, "status": event.status_to})
    logger.info("petition %s: %s by user %s", petition.code, action, getattr(user, "pk", None))
    return event


def _change_status(
    petition: Petition, new: str, *, action: str, user, public_note: str, internal_note: str = ""
) -> None:
    old = petition.status
    petition.status = new
    if new not in (PetitionStatus.RECEIVED, PetitionStatus.PROCESSING):
        petition.closed_at = timezone.now()
    petition.save()
    _record(
        petition,
        action=action,
        user=user,
        status_from=old,
        status_to=new,
        public_note=public_note,
        internal_note=internal_note,
        public=True,
    )
    transaction.on_commit(counters_changed)


def _check_length(text: str, limit: int) -> str:
    if len(text) > limit:
        raise PetitionActionError(
            _("Please write at most %(n)s characters (now %(len)s).")
            % {"n": formats.number(limit), "len": formats.number(len(text))}
        )
    return text


def _need_text(value: str, message: str, *, limit: int = 2000) -> str:
    text = clean_text(value, multiline=True)
    if not text:
        raise PetitionActionError(message)
    return _check_length(text, limit)


def _need_status(petition: Petition, *allowed: str) -> None:
    if petition.status not in allowed:
        raise PetitionActionError(
            _("This step is not possible while the petition is “%(status)s”.")
            % {"status": petition.get_status_display()}
        )


@transaction.atomic
def petition_accept(*, petition: Petition, user, note: str = "") -> Petition:
    """Accept a received petition for handling: the answer deadline starts
    (FEEDBACK_ANSWER_DAYS working days from today, Nghị định 20/2008/NĐ-CP)."""
    _require(user, "handle_petition")
    petition = _locked(petition)
    _need_status(petition, PetitionStatus.RECEIVED)
    petition.accepted_at = timezone.now()
    petition.answer_by = add_working_days(petition.accepted_at, settings.FEEDBACK_ANSWER_DAYS)
    public = _("Accepted for handling; the answer is due by %(date)s.") % {
        "date": formats.short_date(petition.answer_by)
    }
    _change_status(
        petition,
        PetitionStatus.PROCESSING,
        action="accepted",
        user=user,
        public_note=public,
        internal_note=clean_text(note, multiline=True),
    )
    return petition


@transaction.atomic
def petition_assign(*, petition: Petition, user, unit=None, assignee=None, note: str = "") -> Petition:
    """Give an open petition to a unit and/or an officer (internal: not in the citizen's history)."""
    _require(user, "handle_petition")
    petition = _locked(petition)
    _need_status(petition, *OPEN)
    if unit is None and assignee is None:
        raise PetitionActionError(_("Choose a unit or an officer."))
    if unit is not None and not unit.active:
        raise PetitionActionError(_("This unit no longer takes petitions."))
    if assignee is not None and not (assignee.is_active and assignee.has_perm("feedback.handle_petition")):
        raise PetitionActionError(_("This person cannot handle petitions."))
    petition.unit, petition.assignee = unit, assignee
    petition.save(update_fields=["unit", "assignee", "updated_at"])
    who = ", ".join(
        str(x) for x in (unit, assignee.get_full_name() or assignee.get_username() if assignee else None) if x
    )
    _record(
        petition,
        action="assigned",
        user=user,
        internal_note=(_("Assigned to %(who)s.") % {"who": who})
        + (f" {clean_text(note, multiline=True)}" if note else ""),
    )
    return petition


@transaction.atomic
def petition_note(*, petition: Petition, user, text: str) -> PetitionEvent:
    """An internal note on the petition's file (never shown to the citizen)."""
    _require(user, "handle_petition")
    petition = _locked(petition)
    return _record(petition, action="note", user=user, internal_note=_need_text(text, _("Write the note."), limit=5000))


@transaction.atomic
def petition_extend(*, petition: Petition, user, reason: str) -> Petition:
    """Extend the answer deadline once, by FEEDBACK_EXTENSION_DAYS working days, with a reason
    the citizen sees."""
    _require(user, "handle_petition")
    petition = _locked(petition)
    _need_status(petition, PetitionStatus.PROCESSING)
    if petition.extended_at:
        raise PetitionActionError(_("The deadline has already been extended once."))
    reason = _need_text(reason, _("Give the reason for the extension."), limit=500)
    petition.extended_at = timezone.now()
    petition.extension_reason = reason
    petition.answer_by = add_working_days(petition.answer_by, settings.FEEDBACK_EXTENSION_DAYS)
    petition.reminded_on = None
    petition.save()
    public = _("Deadline extended to %(date)s: %(reason)s") % {
        "date": formats.short_date(petition.answer_by),
        "reason": reason,
    }
    _record(petition, action="extended", user=user, public_note=public, public=True)
    return petition


@transaction.atomic
def petition_refuse(*, petition: Petition, user, reason: str, legal_basis: str) -> Petition:
    """Refuse to handle it (outside the department's remit, anonymous, already settled…),
    saying why and under which rule."""
    _require(user, "approve_petition")
    petition = _locked(petition)
    _need_status(petition, *OPEN)
    petition.refusal_reason = _need_text(reason, _("Give the reason for the refusal."))
    petition.legal_basis = _need_text(legal_basis, _("Give the legal basis of the refusal."), limit=300)
    public = _("Refused: %(reason)s (legal basis: %(basis)s)") % {
        "reason": petition.refusal_reason,
        "basis": petition.legal_basis,
    }
    _change_status(petition, PetitionStatus.REFUSED, action="refused", user=user, public_note=public)
    return petition


@transaction.atomic
def petition_transfer(*, petition: Petition, user, agency: str, note: str = "") -> Petition:
    """Send it to the agency that is competent, recording which."""
    _require(user, "approve_petition")
    petition = _locked(petition)
    _need_status(petition, *OPEN)
    petition.transferred_to = _need_text(agency, _("Name the agency it is transferred to."), limit=255)
    public = _("Transferred to %(agency)s, which is competent to handle it.") % {"agency": petition.transferred_to}
    if note.strip():
        public = f"{public} {clean_text(note)}"
    _change_status(petition, PetitionStatus.TRANSFERRED, action="transferred", user=user, public_note=public)
    return petition


@transaction.atomic
def petition_merge(*, petition: Petition, into: Petition, user) -> Petition:
    """Close a duplicate into the petition that is handled: its citizen then follows the other
    one's status and receives its answer."""
    _require(user, "handle_petition")
    if into.pk == petition.pk:
        raise PetitionActionError(_("A petition cannot be merged into itself."))
    first, second = sorted((petition.pk, into.pk))
    locked = {p.pk: p for p in Petition.objects.select_for_update().filter(pk__in=(first, second)).order_by("pk")}
    petition, into = locked[petition.pk], locked[into.pk]
    _need_status(petition, *OPEN)
    if into.status == PetitionStatus.MERGED:
        raise PetitionActionError(
            _("Merge into the petition %(code)s instead: this one is itself merged.") % {"code": into.merged_into.code}
        )
    if into.status in (PetitionStatus.REFUSED, PetitionStatus.TRANSFERRED):
        raise PetitionActionError(_("The petition to merge into is closed without an answer."))
    petition.merged_into = into
    public = _("Merged with petition %(code)s on the same matter; follow that one's handling here.") % {
        "code": into.code
    }
    _change_status(petition, PetitionStatus.MERGED, action="merged", user=user, public_note=public)
    _record(
        into,
        action="note",
        user=user,
        internal_note=_("Petition %(code)s was merged into this one.") % {"code": petition.code},
    )
    return petition


@transaction.atomic
def petition_answer_save(
    *, petition: Petition, user, body: str, files: list[tuple[str, bytes]] | None = None, submit: bool = False
) -> PetitionAnswer:
    """Write (or rewrite) the answer as a draft, optionally sending it for the leader's approval."""
    _require(user, "handle_petition")
    petition = _locked(petition)
    _need_status(petition, PetitionStatus.PROCESSING)
    clean = sanitize_answer(body)
    if not html_text(clean):
        raise PetitionActionError(_("Write the answer."))
    if len(clean) > 100_000:
        raise PetitionActionError(_("The answer is too long."))
    checked, errors = check_files(files or [])
    existing = PetitionFile.objects.filter(petition=petition, kind=FileKind.ANSWER).count()
    if existing + len(checked) > settings.FEEDBACK_MAX_FILES:
        errors.append(_("Attach at most %(n)s files.") % {"n": settings.FEEDBACK_MAX_FILES})
    if errors:
        raise PetitionActionError(" ".join(errors))
    answer, _created = PetitionAnswer.objects.get_or_create(petition=petition, defaults={"body": clean, "author": user})
    if answer.state == AnswerState.APPROVED:
        raise PetitionActionError(_("The answer is already approved."))
    answer.body, answer.author = clean, user
    answer.state = AnswerState.PENDING if submit else AnswerState.DRAFT
    answer.full_clean()
    answer.save()
    stored = []
    try:
        stored = _store_files(petition, checked, FileKind.ANSWER)
        _record(petition, action="answer_submitted" if submit else "answer_drafted", user=user)
    except BaseException:
        _delete_files(stored)
        raise
    return answer


@transaction.atomic
def petition_answer_return(*, petition: Petition, user, note: str) -> PetitionAnswer:
    """The leader sends the draft back to the officer with what to change."""
    _require(user, "approve_petition")
    petition = _locked(petition)
    answer = PetitionAnswer.objects.filter(petition=petition, state=AnswerState.PENDING).first()
    if answer is None:
        raise PetitionActionError(_("No answer is waiting for approval."))
    answer.state = AnswerState.DRAFT
    answer.save(update_fields=["state", "updated_at"])
    _record(
        petition,
        action="answer_returned",
        user=user,
        internal_note=_need_text(note, _("Say what should change in the answer.")),
    )
    return answer


@transaction.atomic
def petition_answer_approve(*, petition: Petition, user) -> PetitionAnswer:
    """The leader approves the answer: the petition is answered, the citizen (and the citizens
    of merged duplicates) told by e-mail."""
    _require(user, "approve_petition")
    petition = _locked(petition)
    _need_status(petition, PetitionStatus.PROCESSING)
    answer = PetitionAnswer.objects.filter(petition=petition, state=AnswerState.PENDING).first()
    if answer is None:
        raise PetitionActionError(_("No answer is waiting for approval."))
    answer.state, answer.approved_by, answer.approved_at = AnswerState.APPROVED, user, timezone.now()
    answer.save()
    _change_status(petition, PetitionStatus.ANSWERED, action="answered", user=user, public_note=_("Answered."))
    for recipient in [petition, *petition.duplicates.all()]:
        if recipient.email:
            _queue_answer_notice(recipient, petition)
    return answer


def _queue_answer_notice(recipient: Petition, answered: Petition) -> None:
    subject = _("Your petition %(code)s has been answered") % {"code": recipient.code}
    body = _(
        "Dear %(name)s,\n\nThe department has answered the petition “%(title)s”.\n\n%(answer)s\n\n"
        "The answer and its attachments are also on %(url)s (with your tracking code and key), "
        "where you can say how satisfied you are with it.\n"
    ) % {
        "name": recipient.full_name,
        "title": recipient.title,
        "answer": html_text(answered.answer.body),
        "url": _absolute_url(reverse("petition_track")),
    }
    mail_queue(to=[recipient.email], subject=subject, body=body, reference=f"petition {recipient.code} answer")


_PHONE_IN_TEXT = re.compile(r"(?:\+84|\b0)(?:[\s.\-]?\d){8,10}\b")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ID_IN_TEXT = re.compile(r"\b\d{9}(?:\d{3})?\b")  # CMND (9) / CCCD (12) numbers


# Other people's names in a petition ("hàng xóm là ông Trần Văn Bình"): a run of capitalised
# words that starts with a common family name, or follows a kinship word. Not after a word
# that makes it a place or an institution ("đường Lê Lợi", "Trường Nguyễn Du").
_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trương lâm mai "
    "trịnh cao lưu tạ tô hà chu thái quách kiều lương mạc triệu vương đoàn tăng doãn khổng lại".split()
)
_KINSHIP = frozenset("ông bà anh chị em cô chú bác cháu cụ dì cậu mợ thím".split())
_PLACE_BEFORE = frozenset(
    "đường phố phường xã quận huyện tỉnh thành thị trấn thôn làng xóm ấp bản ngõ ngách hẻm kiệt "
    "cầu chợ sông núi đảo trường viện đền chùa nhà công ty tổ hội giải".split()
)
_ORG_FIRST = frozenset(
    "sở ủy ban phòng trung tâm chi cục công ty hội nhà trường viện bệnh cục bộ tổng đoàn hợp "
    "quỹ tỉnh huyện xã thành phố quận phường văn giám chủ phó trưởng".split()
)
_KEEP_NAMES = frozenset({"hồ chí minh"})
_TOKEN = re.compile(r"[^\W\d_]+")


def _other_names(text: str) -> list[tuple[int, int]]:
    """Spans of likely personal names in `text` (see the sets above)."""
    tokens = list(_TOKEN.finditer(text))
    spans, i = [], 0
    while i < len(tokens):
        j = i
        # A run: capitalised words (not all-capital abbreviations) one space apart.
        while (
            j < len(tokens)
            and tokens[j].group()[0].isupper()
            and not (tokens[j].group().isupper() and len(tokens[j].group()) > 1)
            and (j == i or text[tokens[j - 1].end() : tokens[j].start()] == " ")
        ):
            j += 1
        if j == i:
            i += 1
            continue
        words = [t.group().lower() for t in tokens[i:j]]
        before = (
            tokens[i - 1].group().lower() if i and text[tokens[i - 1].end() : tokens[i].start()].strip() == "" else ""
        )
        name = " ".join(words)
        first = i
        if words[0] in _KINSHIP and len(words) >= 2:  # "Anh Tuấn nói…" at the start of a sentence
            before, words, first = words[0], words[1:], i + 1
            name = " ".join(words)
        if before not in _PLACE_BEFORE and words[0] not in _ORG_FIRST and name not in _KEEP_NAMES and len(words) <= 4:
            if (words[0] in _SURNAMES and len(words) >= 2) or before in _KINSHIP:
                spans.append((tokens[first].start(), tokens[j - 1].end()))
        i = j
    return spans


def anonymise(text: str, petition: Petition) -> str:
    """The petition's text without its author's name, address, phone, e-mail or identity
    numbers (what Nghị định 13/2023/NĐ-CP calls basic personal data), nor other people's
    names as far as they can be recognised (see _other_names); the publisher still reads and
    edits the result before it is published."""
    out = text or ""
    for start, end in reversed(_other_names(out)):
        out = out[:start] + "[…]" + out[end:]
    for value in sorted({petition.full_name, petition.address} - {""}, key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "[…]", out, flags=re.IGNORECASE)
    given = petition.full_name.split()[-1:]  # "Hoa" of "Nguyễn Thị Hoa", only as a capitalised word
    if given and len(given[0]) >= 2:
        out = re.sub(rf"(?<!\w){re.escape(given[0])}(?!\w)", "[…]", out)
    out = _EMAIL_IN_TEXT.sub("[…]", out)
    out = _PHONE_IN_TEXT.sub("[…]", out)
    return _ID_IN_TEXT.sub("[…]", out)


@transaction.atomic
def petition_publish(*, petition: Petition, user, title: str, question: str, answer: str) -> PetitionPublication:
    """Publish an answered petition in "Hỏi đáp" (only when the citizen allowed it), with the
    question and answer as reviewed by the publisher."""
    _require(user, "approve_petition")
    petition = _locked(petition)
    _need_status(petition, PetitionStatus.ANSWERED)
    if not petition.publish_allowed:
        raise PetitionActionError(_("The citizen asked for the answer not to be published."))
    title = clean_text(title)
    if not (5 <= len(title) <= 200):
        raise PetitionActionError(_("The published title needs 5 to 200 characters."))
    question = _need_text(question, _("Write the published question."), limit=10_000)
    answer_html = sanitize_answer(answer)
    if not html_text(answer_html):
        raise PetitionActionError(_("Write the published answer."))
    leaks = [
        v
        for v in (petition.full_name, petition.phone, petition.email)
        if v and v.lower() in f"{title} {question} {answer_html}".lower()
    ]
    if leaks:
        raise PetitionActionError(
            _("The published text still contains the citizen's name, phone number or e-mail address.")
        )
    # Words separated by single spaces, with one before the first: the Q&A search matches
    # " word" (the start of a word), so "an" does not find "toan".
    search_text = (
        " "
        + " ".join(re.sub(r"[^\w]+", " ", fold_for_search(f"{title} {question} {html_text(answer_html)}")).split())
        + " "
    )
    publication, _created = PetitionPublication.objects.update_or_create(
        petition=petition,
        defaults={
            "title": title,
            "question": question,
            "answer": answer_html,
            "area": petition.area,
            "live": True,
            "published_by": user,
            "search_text": search_text,
            "published_at": timezone.now(),
        },
    )
    _record(petition, action="published", user=user, internal_note=_("Published in the questions and answers."))
    transaction.on_commit(clear_page_cache)  # the Q&A list and pages are served from the page cache
    return publication


@transaction.atomic
def petition_unpublish(*, petition: Petition, user) -> None:
    _require(user, "approve_petition")
    petition = _locked(petition)
    if not PetitionPublication.objects.filter(petition=petition, live=True).update(live=False):
        raise PetitionActionError(_("It is not published."))
    _record(petition, action="unpublished", user=user, internal_note=_("Withdrawn from the questions and answers."))
    transaction.on_commit(clear_page_cache)


def _rating_input(score, comment: str) -> tuple[int, str]:
    """A score 1–5 and a comment of at most 1,000 characters (both rating forms)."""
    try:
        score = int(score)
    except (TypeError, ValueError):
        score = 0
    if not 1 <= score <= 5:
        raise PetitionActionError(_("Choose a rating from 1 to 5."))
    return score, _check_length(clean_text(comment, multiline=True), 1000)


def petition_rate(*, petition: Petition, score, comment: str = "") -> PetitionRating:
    """The citizen's satisfaction with the answer, 1 (not at all) to 5 (very); a later rating
    replaces the earlier one."""
    score, comment = _rating_input(score, comment)
    target = petition.merged_into if petition.status == PetitionStatus.MERGED and petition.merged_into else petition
    if target.status != PetitionStatus.ANSWERED:
        raise PetitionActionError(_("An answer can be rated once it has been given."))
    with transaction.atomic():
        rating, _created = PetitionRating.objects.update_or_create(
            petition=petition, defaults={"score": score, "comment": comment}
        )
        PetitionEvent.objects.create(
            petition=petition,
            action="rated",
            public=False,
            status_from=petition.status,
            status_to=petition.status,
            internal_note=f"{score}/5",
        )
    return rating


def site_rating_submit(*, score, comment: str = "", ip: str = "") -> SiteRating:
    """One anonymous answer to "how satisfied are you with the portal?". One per address per
    day is counted (kept in the cache as a keyed hash, never in the database)."""
    score, comment = _rating_input(score, comment)
    key = _bucket("site-rating", f"{timezone.localdate().isoformat()}:{ip}")
    if not cache.add(key, 1, 86400):
        raise PetitionRateLimited(_("Thank you: your rating of today has already been recorded."))
    rating = SiteRating(score=score, comment=comment)
    rating.full_clean()
    rating.save()
    return rating


def report_export_record(*, user, what: str, date_from, date_to) -> ReportExport:
    """Exports of petition reports are logged (who, when, which period)."""
    export = ReportExport.objects.create(user=user, what=what, date_from=date_from, date_to=date_to)
    log(
        export,
        "portal.feedback.export",
        user=user,
        data={"what": what, "from": date_from.isoformat(), "to": date_to.isoformat()},
    )
    return export


def petition_reminders_send(*, today=None, dry_run: bool = False) -> dict[str, int]:
    """E-mail the people responsible for open petitions whose deadline is today or the next
    working day, or already past: the officer, else the unit's address, else the leaders. Each
    petition is reminded at most once a day (`reminded_on`), so the scheduler may run this
    every minute."""
    from django.contrib.auth import get_user_model

    from .selectors import due_soon_q

    today = today or timezone.localdate()
    horizon = add_working_days(today, 1)
    leaders = list(
        get_user_model()
        .objects.filter(is_active=True, groups__permissions__codename="approve_petition")
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    due = (
        Petition.objects.filter(due_soon_q(horizon))
        .exclude(reminded_on=today)
        .select_related("unit", "assignee")
        .order_by("pk")
    )
    sent = skipped = 0
    for petition in due.iterator(chunk_size=500):
        if petition.assignee_id and petition.assignee.email:
            recipients = [petition.assignee.email]
        elif petition.unit_id and petition.unit.email:
            recipients = [petition.unit.email]
        else:
            recipients = leaders
        if not recipients:
            skipped += 1
            continue
        if dry_run:
            sent += 1
            continue
        overdue = petition.is_overdue(today)
        deadline = formats.short_date(petition.due_date())
        subject = (
            _("Overdue petition %(code)s (deadline %(date)s)") if overdue else _("Petition %(code)s is due on %(date)s")
        ) % {"code": petition.code, "date": deadline}
        link = _absolute_url(reverse("petitions:inspect", args=[petition.pk]))
        body = _("Petition %(code)s “%(title)s” (%(status)s) must be handled by %(date)s.\n\nOpen it: %(link)s\n") % {
            "code": petition.code,
            "title": petition.title,
            "status": petition.get_status_display(),
            "date": deadline,
            "link": link,
        }
        with transaction.atomic():  # the outbox retries a failed delivery
            mail_queue(to=recipients, subject=subject, body=body, reference=f"petition {petition.code} reminder")
            Petition.objects.filter(pk=petition.pk).update(reminded_on=today)
        sent += 1
    return {"sent": sent, "skipped": skipped}

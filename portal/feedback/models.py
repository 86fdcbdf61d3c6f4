"""Citizen petitions (PAKN: phản ánh, kiến nghị).

Nghị định 20/2008/NĐ-CP governs how agencies receive and handle petitions on administrative
regulations; personal data is processed under Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15 (explicit consent,
kept from public view; portal.core.privacy). A petition is never deleted and its history (PetitionEvent) is append-only.
"""

import secrets

from django.conf import settings
from django.contrib import admin
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _


class PrivateStorage(LazyObject):
    """Where petition files live: outside MEDIA_ROOT and without a public URL, because they
    carry personal data. They are served only through views that check who asks."""

    def _setup(self):
        self._wrapped = FileSystemStorage(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)


private_storage = PrivateStorage()


def _private_storage():
    return private_storage


def _token() -> str:
    return secrets.token_urlsafe(24)


def _slug() -> str:
    return secrets.token_hex(5)


class PetitionUnit(models.Model):
    """A unit of the department (phòng, trung tâm) that petitions are assigned to."""

    name = models.CharField(_("name"), max_length=160, unique=True)
    email = models.EmailField(_("e-mail for reminders"), blank=True)
    active = models.BooleanField(_("can be assigned"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("handling unit")
        verbose_name_plural = _("handling units")

    def __str__(self):
        return self.name


class PetitionField(models.Model):
    """Lĩnh vực: the subject area a citizen picks (and the department sorts by)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("offered on the form"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("petition field")
        verbose_name_plural = _("petition fields")

    def __str__(self):
        return self.name


class PetitionStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSING = "processing", _("Being processed")
    ANSWERED = "answered", _("Answered")
    REFUSED = "refused", _("Refused")
    TRANSFERRED = "transferred", _("Transferred")
    MERGED = "merged", _("Merged into another petition")


OPEN_STATUSES = (PetitionStatus.RECEIVED, PetitionStatus.PROCESSING)


class Petition(models.Model):
    code = models.CharField(_("tracking code"), max_length=20, unique=True)
    # The secret key is not stored: it is derived from the code, this salt and SECRET_KEY
    # (keys.petition_key), so a retried submission can show the same key again.
    key_salt = models.CharField(max_length=32)
    full_name = models.CharField(_("full name"), max_length=100)
    address = models.CharField(_("address or organisation"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content"))
    area = models.ForeignKey(PetitionField, on_delete=models.PROTECT, related_name="petitions", verbose_name=_("field"))
    publish_allowed = models.BooleanField(_("answer may be published (anonymised)"), default=True)
    consent_at = models.DateTimeField(_("consent to personal data processing given at"))
    status = models.CharField(
        _("status"), max_length=12, choices=PetitionStatus.choices, default=PetitionStatus.RECEIVED, db_index=True
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Handling (set only through services.petition_*).
    classify_by = models.DateField(_("classify by"), null=True, blank=True, db_index=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    answer_by = models.DateField(_("answer by"), null=True, blank=True, db_index=True)
    extended_at = models.DateTimeField(_("deadline extended"), null=True, blank=True)
    extension_reason = models.CharField(_("reason for the extension"), max_length=500, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    unit = models.ForeignKey(
        PetitionUnit, null=True, blank=True, on_delete=models.PROTECT, related_name="petitions", verbose_name=_("unit")
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_petitions",
        verbose_name=_("officer"),
    )
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    transferred_to = models.CharField(_("transferred to"), max_length=255, blank=True)
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
        verbose_name=_("merged into"),
    )
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    # Personal data removed after the retention period (services/retention.py).
    anonymised_at = models.DateTimeField(_("personal data removed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        permissions = [
            ("handle_petition", _("Can handle petitions (accept, assign, note, draft answers)")),
            ("approve_petition", _("Can approve answers, refuse, transfer and publish petitions")),
            ("view_petition_report", _("Can view and export petition reports")),
        ]

    def __str__(self):
        return f"{self.code} – {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @admin.display(description=_("deadline"))
    def due_date(self):
        """The deadline that runs now: classification while received, the answer while
        being processed (Nghị định 20/2008/NĐ-CP; FEEDBACK_CLASSIFY_DAYS / _ANSWER_DAYS)."""
        if self.status == PetitionStatus.RECEIVED:
            return self.classify_by
        if self.status == PetitionStatus.PROCESSING:
            return self.answer_by
        return None

    def is_overdue(self, today=None) -> bool:
        due = self.due_date()
        return due is not None and due < (today or timezone.localdate())


# What each kind of event says in the admin's history: the status alone ("Đang xử lý") does
# not tell an officer that an answer was sent for approval or a handler assigned.
EVENT_ACTIONS = {
    "received": _("Received from the citizen"),
    "accepted": _("Accepted for handling"),
    "assigned": _("Handler assigned"),
    "note": _("Internal note"),
    "extended": _("Deadline extended"),
    "refused": _("Refused"),
    "transferred": _("Transferred"),
    "merged": _("Merged into another petition"),
    "answer_drafted": _("Answer drafted"),
    "answer_submitted": _("Answer submitted for approval"),
    "answer_returned": _("Answer returned for changes"),
    "answered": _("Answer approved and sent"),
    "published": _("Published in the questions and answers"),
    "unpublished": _("Withdrawn from the questions and answers"),
    "rated": _("Rated by the citizen"),
}


class PetitionEvent(models.Model):
    """One change of a petition (who, when, from which status to which, why). Append-only:
    the admin never edits or deletes these rows."""

    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=20, default="received")
    # Shown in the citizen's history (status changes and their public notes); internal
    # notes, assignments and drafts are not.
    public = models.BooleanField(default=True)
    status_from = models.CharField(max_length=12, choices=PetitionStatus.choices, blank=True)
    status_to = models.CharField(max_length=12, choices=PetitionStatus.choices)
    public_note = models.CharField(_("note shown to the citizen"), max_length=500, blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("petition event")
        verbose_name_plural = _("petition events")

    @property
    def action_label(self) -> str:
        return str(EVENT_ACTIONS.get(self.action, self.action))

    @property
    def shown_note(self) -> str:
        """The public note unless it only repeats the status ("Đã trả lời." after "Đã trả
        lời", as events recorded before this check carry)."""
        note = self.public_note.strip()
        return "" if note.rstrip(".").casefold() == str(self.get_status_to_display()).casefold() else note


class FileKind(models.TextChoices):
    CITIZEN = "citizen", _("Sent by the citizen")
    ANSWER = "answer", _("Attached to the answer")


class PetitionFile(models.Model):
    """A file sent with a petition or attached to its answer. Its type was checked from its
    content, images were re-encoded without their metadata. Citizen files are shown only to
    staff; answer files to whoever holds the petition's key, by an unguessable token."""

    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="files")
    kind = models.CharField(max_length=8, choices=FileKind.choices)
    file = models.FileField(storage=_private_storage, upload_to="petitions/%Y/%m/", max_length=255)
    name = models.CharField(_("file name"), max_length=150)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("petition file")
        verbose_name_plural = _("petition files")

    def __str__(self):
        return self.name


class AnswerState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved and sent")


class PetitionAnswer(models.Model):
    """The department's answer: drafted by an officer, approved by a leader (then the petition
    is answered and the citizen told)."""

    petition = models.OneToOneField(Petition, on_delete=models.PROTECT, related_name="answer")
    body = models.TextField(_("answer"))  # sanitised HTML (text.sanitize_answer)
    state = models.CharField(_("state"), max_length=10, choices=AnswerState.choices, default=AnswerState.DRAFT)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")


class PetitionPublication(models.Model):
    """An answered petition in the public "Hỏi đáp": question and answer as the publisher
    wrote them with the citizen's personal data removed. The address uses a random slug,
    never the tracking code or an internal id."""

    petition = models.OneToOneField(Petition, on_delete=models.PROTECT, related_name="publication")
    slug = models.CharField(max_length=12, unique=True, default=_slug, editable=False)
    title = models.CharField(_("title"), max_length=200)
    question = models.TextField(_("question"))
    answer = models.TextField(_("answer"))  # sanitised HTML
    area = models.ForeignKey(PetitionField, on_delete=models.PROTECT, related_name="+", verbose_name=_("field"))
    published_at = models.DateTimeField(_("published"), db_index=True)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    live = models.BooleanField(default=True, db_index=True)
    search_text = models.TextField(editable=False)  # folded title, question and answer

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("published question")
        verbose_name_plural = _("published questions")

    def __str__(self):
        return self.title


class PetitionRating(models.Model):
    """The citizen's rating of the answer (mức độ hài lòng), given from the tracking page."""

    petition = models.OneToOneField(Petition, on_delete=models.PROTECT, related_name="rating")
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.CharField(_("rating comment"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("answer rating")
        verbose_name_plural = _("answer ratings")


class SiteRating(models.Model):
    """One anonymous answer to the site-wide question "are you satisfied with the portal?".
    Nothing identifies the visitor: no address, no session, no hash."""

    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.CharField(_("rating comment"), max_length=1000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("site rating")
        verbose_name_plural = _("site ratings")

"""Citizen petitions (PAKN: phản ánh, kiến nghị).

Nghị định 20/2008/NĐ-CP governs how agencies receive and handle petitions on administrative
regulations; personal data is processed under Nghị định 13/2023/NĐ-CP (explicit consent, kept
from public view). A petition is never deleted and its history (PetitionEvent) is append-only.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class Petition(models.Model):
    code = models.CharField(_("tracking code"), max_length=20, unique=True)
    # The secret key is not stored: it is derived from the code, this salt and SECRET_KEY
    # (services.petition_key), so a retried submission can show the same key again.
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
    status = models.CharField(_("status"), max_length=12, choices=PetitionStatus.choices, default=PetitionStatus.RECEIVED, db_index=True)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    idempotency_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")

    def __str__(self):
        return f"{self.code} – {self.title}"

    @admin.display(description=_("classify by"))
    def classify_due(self):
        """The last day to accept or refuse it: FEEDBACK_CLASSIFY_DAYS working days after it
        was received (Nghị định 20/2008/NĐ-CP)."""
        from portal.core.calendar import add_working_days

        return add_working_days(self.submitted_at, settings.FEEDBACK_CLASSIFY_DAYS)


class PetitionEvent(models.Model):
    """One change of a petition (who, when, from which status to which, why). Append-only:
    the admin never edits or deletes these rows."""

    petition = models.ForeignKey(Petition, on_delete=models.PROTECT, related_name="events")
    status_from = models.CharField(max_length=12, choices=PetitionStatus.choices, blank=True)
    status_to = models.CharField(max_length=12, choices=PetitionStatus.choices)
    public_note = models.CharField(_("note shown to the citizen"), max_length=500, blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("petition event")
        verbose_name_plural = _("petition events")


class PetitionSequence(models.Model):
    """The last number given in a year: PAKN-2026-000123 is the 123rd petition of 2026."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

"""The e-mail outbox (see portal.outbox.services)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMail(models.Model):
    """An e-mail the portal has to send (receipts, answers, reminders), written in the same
    transaction as what it tells about, so a mail server outage or a restart never loses it.
    Delivered by a background task right after the commit and, when that fails, retried by
    the scheduler with growing delays (portal.outbox.services)."""

    to = models.JSONField(_("recipients"), default=list)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)  # e.g. "petition PAKN-2026-000001 receipt"
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    send_after = models.DateTimeField(_("next attempt"), db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)  # one sender at a time
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, db_index=True)
    failed_at = models.DateTimeField(_("given up"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        # The table kept its name when the outbox left core (no data migration needed).
        db_table = "core_outgoingmail"
        indexes = [models.Index(fields=["sent_at", "failed_at", "send_after"], name="core_mail_due")]

    def __str__(self):
        return f"{self.reference or self.subject} → {', '.join(self.to)}"

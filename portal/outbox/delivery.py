"""Sending one queued message: claim it with one conditional UPDATE (so the task and the
scheduler never send it twice), send it, and record the result: a delivered message loses
its text at once (a receipt carries the citizen's secret key); a failed one is tried again
after RETRY_MINUTES, then given up and logged as an error."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.mail import send_mail
from django.db.models import F, Q
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger("portal.mail")

RETRY_MINUTES = [1, 5, 15, 60, 180, 720, 1440]
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1
CLAIM_SECONDS = 300  # a sender that died mid-send frees the message after this


def due_q(now: dt.datetime) -> Q:
    return Q(sent_at__isnull=True, failed_at__isnull=True, send_after__lte=now) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def mail_deliver(mail_id: int) -> bool:
    """Send one queued message if it is due and nobody else is sending it. True when sent."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(due_q(now), pk=mail_id).update(
        claimed_until=now + dt.timedelta(seconds=CLAIM_SECONDS),
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return False
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        send_mail(mail.subject, mail.body, None, mail.to)
    except Exception as error:
        _failed(mail, error)
        return False
    # The text is dropped once delivered (a receipt holds the citizen's secret key); the row
    # stays for the record: who was told what, when.
    OutgoingMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), claimed_until=None, last_error="", body="")
    logger.info("e-mail %s sent (%s, attempt %s)", mail.pk, mail.reference or mail.subject, mail.attempts)
    return True


def _failed(mail: OutgoingMail, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"[:2000]
    now = timezone.now()
    if mail.attempts >= MAX_ATTEMPTS:
        OutgoingMail.objects.filter(pk=mail.pk).update(failed_at=now, claimed_until=None, last_error=message)
        logger.error("e-mail %s (%s) given up after %s attempts: %s", mail.pk, mail.reference, mail.attempts, message)
        return
    delay = dt.timedelta(minutes=RETRY_MINUTES[mail.attempts - 1])
    OutgoingMail.objects.filter(pk=mail.pk).update(send_after=now + delay, claimed_until=None, last_error=message)
    logger.warning(
        "e-mail %s (%s) attempt %s failed, next in %s: %s", mail.pk, mail.reference, mail.attempts, delay, message
    )

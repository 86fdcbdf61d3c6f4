"""Outgoing e-mail through a durable outbox (OutgoingMail).

`mail_queue` writes the message in the caller's transaction and, once that commits, asks the
task worker to send it (at once with the immediate backend of development and tests). A
failed attempt is retried by the scheduler (`mail_outbox --send`) after 1, 5, 15, 60, 180,
720 and 1,440 minutes; after the last one the message is marked as given up and logged as an
error (`mail_outbox --retry-failed` puts such messages back). Sending claims the row first
with one conditional UPDATE, so the task and the scheduler never send the same message twice.
A delivered message loses its text at once (a receipt carries the citizen's secret key); the
row (recipients, subject, reference, times) is deleted after MAIL_KEEP_DAYS, a given-up one
after three times as long."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger("portal.mail")

RETRY_MINUTES = [1, 5, 15, 60, 180, 720, 1440]
MAX_ATTEMPTS = len(RETRY_MINUTES) + 1
CLAIM_SECONDS = 300  # a sender that died mid-send frees the message after this


def mail_queue(*, to: list[str], subject: str, body: str, reference: str = "") -> OutgoingMail | None:
    """Queue one message (to every address of `to` together); None when there is nobody."""
    recipients = [address for address in dict.fromkeys(to) if address]
    if not recipients:
        return None
    mail = OutgoingMail.objects.create(
        to=recipients,
        subject=subject[:255],
        body=body,
        reference=reference[:100],
        send_after=timezone.now(),
    )
    transaction.on_commit(lambda: _enqueue(mail.pk))
    return mail


def _enqueue(mail_id: int) -> None:
    from .tasks import deliver_mail

    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # the scheduler sends it on its next run
        logger.exception("could not enqueue e-mail %s", mail_id)


def _due(now: dt.datetime) -> Q:
    return Q(sent_at__isnull=True, failed_at__isnull=True, send_after__lte=now) & (
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now)
    )


def mail_deliver(mail_id: int) -> bool:
    """Send one queued message if it is due and nobody else is sending it. True when sent."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(_due(now), pk=mail_id).update(
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


@dataclass
class OutboxRun:
    sent: int = 0
    failed: int = 0
    deleted: int = 0


def mail_send_due(*, limit: int = 100) -> OutboxRun:
    """The scheduler's part: send the messages that are due (oldest first), and delete the
    ones kept long enough."""
    run = OutboxRun()
    now = timezone.now()
    for mail_id in (
        OutgoingMail.objects.filter(_due(now)).order_by("send_after", "pk").values_list("pk", flat=True)[:limit]
    ):
        if mail_deliver(mail_id):
            run.sent += 1
        else:
            run.failed += 1
    keep = dt.timedelta(days=settings.MAIL_KEEP_DAYS)
    run.deleted, _ = OutgoingMail.objects.filter(Q(sent_at__lt=now - keep) | Q(failed_at__lt=now - 3 * keep)).delete()
    return run


def mail_retry_failed() -> int:
    """Put the given-up messages back in the queue (after fixing the mail server)."""
    return OutgoingMail.objects.filter(failed_at__isnull=False, sent_at__isnull=True).update(
        failed_at=None,
        attempts=0,
        send_after=timezone.now(),
        claimed_until=None,
    )


def outbox_counts() -> dict[str, int]:
    now = timezone.now()
    rows = OutgoingMail.objects
    return {
        "waiting": rows.filter(sent_at__isnull=True, failed_at__isnull=True).count(),
        "given_up": rows.filter(failed_at__isnull=False, sent_at__isnull=True).count(),
        "sent_today": rows.filter(sent_at__gte=now - dt.timedelta(days=1)).count(),
    }

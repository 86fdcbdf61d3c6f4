"""The e-mail outbox: every e-mail the portal sends goes through it (OutgoingMail).

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
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .delivery import due_q, mail_deliver
from .models import OutgoingMail
from .tasks import deliver_mail

logger = logging.getLogger("portal.mail")


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
    try:
        deliver_mail.enqueue(mail_id)
    except Exception:  # the scheduler sends it on its next run
        logger.exception("could not enqueue e-mail %s", mail_id)


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
        OutgoingMail.objects.filter(due_q(now)).order_by("send_after", "pk").values_list("pk", flat=True)[:limit]
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

"""Reads on the outbox (the command's summary, the admin)."""

import datetime as dt

from django.utils import timezone

from .models import OutgoingMail


def outbox_counts() -> dict[str, int]:
    now = timezone.now()
    rows = OutgoingMail.objects
    return {
        "waiting": rows.filter(sent_at__isnull=True, failed_at__isnull=True).count(),
        "given_up": rows.filter(failed_at__isnull=False, sent_at__isnull=True).count(),
        "sent_today": rows.filter(sent_at__gte=now - dt.timedelta(days=1)).count(),
    }

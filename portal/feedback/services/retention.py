"""Removing citizens' personal data from closed petitions once they are no longer needed.

Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 3 and Điều 14, khoản 1 (portal.core.privacy):
personal data is kept only as long as the purpose of processing needs it, then deleted. A petition's purpose ends when it is closed (answered, refused,
transferred or merged); the department keeps it FEEDBACK_RETENTION_DAYS more (default five
years, for complaints about the handling and the yearly reports), then `petition_purge`
(daily, scheduler) removes the name, address, phone, e-mail, the citizen's attachments and the
rating comment, and the personal data in the title and text (feedback.anonymise). What stays
is what statistics and the public Hỏi đáp need: code, field, dates, statuses, the answer."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from portal.core.privacy import PERSONAL_DATA_REMOVED

from ..anonymise import anonymise
from ..models import OPEN_STATUSES, FileKind, Petition

logger = logging.getLogger("portal.feedback")
REMOVED_NAME = "[đã xóa]"


def due_for_purge(now: dt.datetime | None = None):
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.FEEDBACK_RETENTION_DAYS)
    return Petition.objects.exclude(status__in=OPEN_STATUSES).filter(closed_at__lt=cutoff, anonymised_at__isnull=True)


def petition_anonymise(*, petition: Petition, user=None) -> None:
    """Remove the citizen's personal data from one closed petition (logged)."""
    with transaction.atomic():
        petition.title = anonymise(petition.title, petition)[:200]
        petition.content = anonymise(petition.content, petition)
        petition.full_name, petition.address, petition.phone, petition.email = REMOVED_NAME, "", "", ""
        petition.anonymised_at = timezone.now()
        petition.save(
            update_fields=["title", "content", "full_name", "address", "phone", "email", "anonymised_at", "updated_at"]
        )
        for row in petition.files.filter(kind=FileKind.CITIZEN):
            row.file.delete(save=False)
            row.delete()
        if hasattr(petition, "rating"):
            petition.rating.comment = ""
            petition.rating.save(update_fields=["comment"])
        log(instance=petition, action=PERSONAL_DATA_REMOVED, user=user)


def petition_purge(*, dry_run: bool = False) -> int:
    """Anonymise every closed petition past the retention period; returns how many."""
    due = list(due_for_purge())
    if not dry_run:
        for petition in due:
            petition_anonymise(petition=petition)
    logger.info("%s closed petitions %s", len(due), "due for anonymising" if dry_run else "anonymised")
    return len(due)

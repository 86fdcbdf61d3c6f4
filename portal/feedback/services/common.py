"""What every handling step shares: the row lock, the event record (append-only, also in
Wagtail's action log), the status change, and storing or removing files."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..files import CheckedFile
from ..models import Petition, PetitionEvent, PetitionFile, PetitionStatus
from ..selectors import counters_changed

logger = logging.getLogger("portal.feedback")


def locked(petition: Petition) -> Petition:
    return Petition.objects.select_for_update().get(pk=petition.pk)


def record(
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


def change_status(
    petition: Petition, new: str, *, action: str, user, public_note: str, internal_note: str = ""
) -> None:
    old = petition.status
    petition.status = new
    if new not in (PetitionStatus.RECEIVED, PetitionStatus.PROCESSING):
        petition.closed_at = timezone.now()
    petition.save()
    record(
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


def store_files(petition: Petition, checked: list[CheckedFile], kind: str) -> list[PetitionFile]:
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


def delete_files(rows: list[PetitionFile]) -> None:
    for row in rows:
        try:
            row.file.delete(save=False)
        except OSError:
            logger.warning("could not remove an unsaved petition file")

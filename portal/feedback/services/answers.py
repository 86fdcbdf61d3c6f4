"""The answer to a petition: the officer drafts it (rich text and attachments) and sends it
for approval; the leader returns it with what to change, or approves it, which answers the
petition and tells the citizen (and the citizens of merged duplicates) by e-mail."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core.links import site_url
from portal.outbox.services import mail_queue

from .. import workflow
from ..errors import PetitionActionError
from ..files import check_files
from ..models import AnswerState, FileKind, Petition, PetitionAnswer, PetitionFile, PetitionStatus
from ..text import html_text, need_text, sanitize_answer
from .common import change_status, delete_files, locked, record, store_files


@transaction.atomic
def petition_answer_save(
    *, petition: Petition, user, body: str, files: list[tuple[str, bytes]] | None = None, submit: bool = False
) -> PetitionAnswer:
    """Write (or rewrite) the answer as a draft, optionally sending it for the leader's approval."""
    petition = locked(petition)
    workflow.check("answer", petition, user)
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
    answer.body, answer.author = clean, user
    answer.state = AnswerState.PENDING if submit else AnswerState.DRAFT
    answer.full_clean()
    answer.save()
    stored = []
    try:
        stored = store_files(petition, checked, FileKind.ANSWER)
        record(petition, action="answer_submitted" if submit else "answer_drafted", user=user)
    except BaseException:
        delete_files(stored)
        raise
    return answer


@transaction.atomic
def petition_answer_return(*, petition: Petition, user, note: str) -> PetitionAnswer:
    """The leader sends the draft back to the officer with what to change."""
    petition = locked(petition)
    workflow.check("return", petition, user)
    answer = petition.answer
    answer.state = AnswerState.DRAFT
    answer.save(update_fields=["state", "updated_at"])
    record(
        petition,
        action="answer_returned",
        user=user,
        internal_note=need_text(note, _("Say what should change in the answer.")),
    )
    return answer


@transaction.atomic
def petition_answer_approve(*, petition: Petition, user) -> PetitionAnswer:
    """The leader approves the answer: the petition is answered, the citizen (and the citizens
    of merged duplicates) told by e-mail."""
    petition = locked(petition)
    workflow.check("approve", petition, user)
    answer = petition.answer
    answer.state, answer.approved_by, answer.approved_at = AnswerState.APPROVED, user, timezone.now()
    answer.save()
    change_status(petition, PetitionStatus.ANSWERED, action="answered", user=user, public_note="")
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
        "url": site_url(reverse("petition_track")),
    }
    mail_queue(to=[recipient.email], subject=subject, body=body, reference=f"petition {recipient.code} answer")

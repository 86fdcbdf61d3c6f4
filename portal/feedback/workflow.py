"""The statuses of a petition and the steps between them, in one table that the services
(which refuse a step that is not allowed), the admin's handling page (which offers only the
allowed steps) and the tests all read.

Deadlines (Nghị định 20/2008/NĐ-CP on receiving and handling petitions, Điều 9 and 10): a
received petition is classified within FEEDBACK_CLASSIFY_DAYS (5) working days; an accepted
one is answered within FEEDBACK_ANSWER_DAYS (10), extended once by FEEDBACK_EXTENSION_DAYS.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.core.steps import Step, StepTable

from .errors import PetitionActionError
from .models import AnswerState, PetitionStatus

S = PetitionStatus
OPEN = (S.RECEIVED, S.PROCESSING)
HANDLE, APPROVE = "handle_petition", "approve_petition"


def related(petition, name: str):
    """The petition's answer / publication, or None (reverse one-to-one)."""
    return getattr(petition, name) if hasattr(petition, name) else None


def _answer_pending(petition) -> str | None:
    answer = related(petition, "answer")
    if answer is None or answer.state != AnswerState.PENDING:
        return _("No answer is waiting for approval.")
    return None


def _answer_editable(petition) -> str | None:
    answer = related(petition, "answer")
    if answer is not None and answer.state == AnswerState.APPROVED:
        return _("The answer is already approved.")
    return None


def _not_extended(petition) -> str | None:
    return _("The deadline has already been extended once.") if petition.extended_at else None


def _publishable(petition) -> str | None:
    if not petition.publish_allowed:
        return _("The citizen asked for the answer not to be published.")
    publication = related(petition, "publication")
    if publication is not None and publication.live:
        return _("It is already published.")
    return None


def _published(petition) -> str | None:
    publication = related(petition, "publication")
    return None if publication is not None and publication.live else _("It is not published.")


TABLE = StepTable(
    app_label="feedback",
    statuses=S,
    refused=PetitionActionError,
    wrong_status=gettext_lazy("This step is not possible while the petition is “%(status)s”."),
    steps=(
        Step("accept", HANDLE, (S.RECEIVED,), S.PROCESSING),
        Step("assign", HANDLE, OPEN),
        Step("note", HANDLE, None),
        Step("answer", HANDLE, (S.PROCESSING,), guard=_answer_editable),
        Step("extend", HANDLE, (S.PROCESSING,), guard=_not_extended),
        Step("merge", HANDLE, OPEN, S.MERGED),
        Step("approve", APPROVE, (S.PROCESSING,), S.ANSWERED, guard=_answer_pending),
        Step("return", APPROVE, (S.PROCESSING,), guard=_answer_pending),
        Step("refuse", APPROVE, OPEN, S.REFUSED),
        Step("transfer", APPROVE, OPEN, S.TRANSFERRED),
        Step("publish", APPROVE, (S.ANSWERED,), guard=_publishable),
        Step("unpublish", APPROVE, (S.ANSWERED,), guard=_published),
    ),
)

STEPS = TABLE.steps
transitions = TABLE.transitions
refusal = TABLE.refusal
may = TABLE.may
offered = TABLE.offered
check = TABLE.check

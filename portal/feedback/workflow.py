"""The statuses of a petition and the steps between them, in one table that the services
(which refuse a step that is not allowed), the admin's handling page (which offers only the
allowed steps) and the tests all read.

Deadlines (Nghị định 20/2008/NĐ-CP on receiving and handling petitions, Điều 9 and 10): a
received petition is classified within FEEDBACK_CLASSIFY_DAYS (5) working days; an accepted
one is answered within FEEDBACK_ANSWER_DAYS (10), extended once by FEEDBACK_EXTENSION_DAYS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

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


@dataclass(frozen=True)
class Step:
    name: str
    permission: str  # codename in the feedback app
    sources: tuple[str, ...] | None  # statuses it starts from; None: any
    target: str | None = None  # status it leads to; None: unchanged
    guard: Callable[[object], str | None] | None = None  # why not now (Vietnamese), or None


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
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
    )
}


def transitions() -> dict[str, dict[str, str]]:
    """status → {step: status after} for the steps that change the status."""
    table: dict[str, dict[str, str]] = {status: {} for status in S.values}
    for step in STEPS.values():
        if step.target is None:
            continue
        for source in step.sources or S.values:
            table[source][step.name] = step.target
    return table


def refusal(name: str, petition) -> str | None:
    """Why step `name` is not possible for `petition` now (status or guard), or None."""
    step = STEPS[name]
    if step.sources is not None and petition.status not in step.sources:
        return _("This step is not possible while the petition is “%(status)s”.") % {
            "status": petition.get_status_display()
        }
    return step.guard(petition) if step.guard else None


def may(user, name: str) -> bool:
    return user is not None and user.has_perm(f"feedback.{STEPS[name].permission}")


def offered(name: str, petition, user) -> bool:
    """Whether the handling page offers step `name` to `user` now."""
    return may(user, name) and refusal(name, petition) is None


def check(name: str, petition, user) -> None:
    """Refuse the step: PermissionDenied without the permission, PetitionActionError with the
    reason when the petition's state does not allow it."""
    if not may(user, name):
        raise PermissionDenied(STEPS[name].permission)
    reason = refusal(name, petition)
    if reason:
        raise PetitionActionError(reason)

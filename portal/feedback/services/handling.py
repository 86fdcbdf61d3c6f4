"""Handling a petition in the department: accept, assign, note, extend, refuse, transfer,
merge. Each step runs in one transaction, locks the petition row, asks the workflow table
(portal.feedback.workflow) whether it is allowed now, records a PetitionEvent (who, when, why;
never edited or deleted) and an entry in Wagtail's action log, and drops the public counters
when the status changes."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import formats
from portal.core.calendar import add_working_days

from .. import workflow
from ..errors import PetitionActionError
from ..models import Petition, PetitionEvent, PetitionStatus
from ..text import clean_text, need_text
from .common import change_status, locked, record


@transaction.atomic
def petition_accept(*, petition: Petition, user, note: str = "") -> Petition:
    """Accept a received petition for handling: the answer deadline starts
    (FEEDBACK_ANSWER_DAYS working days from today, Nghị định 20/2008/NĐ-CP)."""
    petition = locked(petition)
    workflow.check("accept", petition, user)
    petition.accepted_at = timezone.now()
    petition.answer_by = add_working_days(petition.accepted_at, settings.FEEDBACK_ANSWER_DAYS)
    public = _("Accepted for handling; the answer is due by %(date)s.") % {
        "date": formats.short_date(petition.answer_by)
    }
    change_status(
        petition,
        PetitionStatus.PROCESSING,
        action="accepted",
        user=user,
        public_note=public,
        internal_note=clean_text(note, multiline=True),
    )
    return petition


@transaction.atomic
def petition_assign(*, petition: Petition, user, unit=None, assignee=None, note: str = "") -> Petition:
    """Give an open petition to a unit and/or an officer (internal: not in the citizen's history)."""
    petition = locked(petition)
    workflow.check("assign", petition, user)
    if unit is None and assignee is None:
        raise PetitionActionError(_("Choose a unit or an officer."))
    if unit is not None and not unit.active:
        raise PetitionActionError(_("This unit no longer takes petitions."))
    if assignee is not None and not (assignee.is_active and assignee.has_perm("feedback.handle_petition")):
        raise PetitionActionError(_("This person cannot handle petitions."))
    petition.unit, petition.assignee = unit, assignee
    petition.save(update_fields=["unit", "assignee", "updated_at"])
    who = ", ".join(
        str(x) for x in (unit, assignee.get_full_name() or assignee.get_username() if assignee else None) if x
    )
    record(
        petition,
        action="assigned",
        user=user,
        internal_note=(_("Assigned to %(who)s.") % {"who": who})
        + (f" {clean_text(note, multiline=True)}" if note else ""),
    )
    return petition


@transaction.atomic
def petition_note(*, petition: Petition, user, text: str) -> PetitionEvent:
    """An internal note on the petition's file (never shown to the citizen)."""
    petition = locked(petition)
    workflow.check("note", petition, user)
    return record(petition, action="note", user=user, internal_note=need_text(text, _("Write the note."), limit=5000))


@transaction.atomic
def petition_extend(*, petition: Petition, user, reason: str) -> Petition:
    """Extend the answer deadline once, by FEEDBACK_EXTENSION_DAYS working days, with a reason
    the citizen sees."""
    petition = locked(petition)
    workflow.check("extend", petition, user)
    reason = need_text(reason, _("Give the reason for the extension."), limit=500)
    petition.extended_at = timezone.now()
    petition.extension_reason = reason
    petition.answer_by = add_working_days(petition.answer_by, settings.FEEDBACK_EXTENSION_DAYS)
    petition.reminded_on = None
    petition.save()
    public = _("Deadline extended to %(date)s: %(reason)s") % {
        "date": formats.short_date(petition.answer_by),
        "reason": reason,
    }
    record(petition, action="extended", user=user, public_note=public, public=True)
    return petition


@transaction.atomic
def petition_refuse(*, petition: Petition, user, reason: str, legal_basis: str) -> Petition:
    """Refuse to handle it (outside the department's remit, anonymous, already settled…),
    saying why and under which rule."""
    petition = locked(petition)
    workflow.check("refuse", petition, user)
    petition.refusal_reason = need_text(reason, _("Give the reason for the refusal."))
    petition.legal_basis = need_text(legal_basis, _("Give the legal basis of the refusal."), limit=300)
    public = _("Refused: %(reason)s (legal basis: %(basis)s)") % {
        "reason": petition.refusal_reason,
        "basis": petition.legal_basis,
    }
    change_status(petition, PetitionStatus.REFUSED, action="refused", user=user, public_note=public)
    return petition


@transaction.atomic
def petition_transfer(*, petition: Petition, user, agency: str, note: str = "") -> Petition:
    """Send it to the agency that is competent, recording which."""
    petition = locked(petition)
    workflow.check("transfer", petition, user)
    petition.transferred_to = need_text(agency, _("Name the agency it is transferred to."), limit=255)
    public = _("Transferred to %(agency)s, which is competent to handle it.") % {"agency": petition.transferred_to}
    if note.strip():
        public = f"{public} {clean_text(note)}"
    change_status(petition, PetitionStatus.TRANSFERRED, action="transferred", user=user, public_note=public)
    return petition


@transaction.atomic
def petition_merge(*, petition: Petition, into: Petition, user) -> Petition:
    """Close a duplicate into the petition that is handled: its citizen then follows the other
    one's status and receives its answer."""
    if not workflow.may(user, "merge"):
        raise PermissionDenied("handle_petition")
    if into.pk == petition.pk:
        raise PetitionActionError(_("A petition cannot be merged into itself."))
    first, second = sorted((petition.pk, into.pk))
    locked = {p.pk: p for p in Petition.objects.select_for_update().filter(pk__in=(first, second)).order_by("pk")}
    petition, into = locked[petition.pk], locked[into.pk]
    workflow.check("merge", petition, user)
    if into.status == PetitionStatus.MERGED:
        raise PetitionActionError(
            _("Merge into the petition %(code)s instead: this one is itself merged.") % {"code": into.merged_into.code}
        )
    if into.status in (PetitionStatus.REFUSED, PetitionStatus.TRANSFERRED):
        raise PetitionActionError(_("The petition to merge into is closed without an answer."))
    petition.merged_into = into
    public = _("Merged with petition %(code)s on the same matter; follow that one's handling here.") % {
        "code": into.code
    }
    change_status(petition, PetitionStatus.MERGED, action="merged", user=user, public_note=public)
    record(
        into,
        action="note",
        user=user,
        internal_note=_("Petition %(code)s was merged into this one.") % {"code": petition.code},
    )
    return petition

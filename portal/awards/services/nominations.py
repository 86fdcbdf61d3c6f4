"""A nomination from its dossier to the council: created for a title the rules know for that
kind of subject, checked by the eligibility engine (the answer is kept with its reasons and
articles), its documents ticked off against the checklist, let through against the checker
only on the council secretary's written reasons, then put before a meeting."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..eligibility.dossiers import checklist, missing
from ..models import Award, CouncilMeeting, Nomination, Official, Unit
from ..selectors import eligibility_for, rules_for
from .common import AwardsActionError, record

OVERRIDE_PERMISSION = "awards.override_nomination"
MIN_REASON = 20


def _locked(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update().get(pk=nomination.pk)


def _must_be(nomination: Nomination, *statuses: str) -> None:
    if nomination.status not in statuses:
        raise AwardsActionError(
            _("This step is not open to a nomination that is “%(status)s”.")
            % {"status": nomination.get_status_display()}
        )


def _snapshot(nomination: Nomination) -> None:
    subject = nomination.subject
    verdicts = eligibility_for(subject, nomination.year)
    rules = rules_for(nomination.year)
    verdict = (verdicts or {}).get(nomination.code)
    if verdict is None:
        raise AwardsActionError(
            _("There is no record of %(subject)s for %(year)s yet: record the year's rating first.")
            % {"subject": subject, "year": nomination.year}
        )
    nomination.checker_eligible = verdict.eligible
    nomination.checker_reasons = list(verdict.reasons)
    nomination.checker_basis = list(verdict.basis)
    nomination.checker_rules = rules.name if rules else ""
    nomination.checked_at = timezone.now()


@transaction.atomic
def nomination_create(*, subject: Official | Unit, code: str, year: int, user) -> Nomination:
    kind = "individual" if isinstance(subject, Official) else "collective"
    rules = rules_for(year)
    if rules is None:
        raise AwardsActionError(_("No rule set judges the achievements of %(year)s.") % {"year": year})
    if rules.conditions(code, kind) is None:
        raise AwardsActionError(
            _("This title or form is not conferred on an official.")
            if kind == "individual"
            else _("This title or form is not conferred on a unit.")
        )
    where = {"official": subject} if kind == "individual" else {"unit": subject}
    if Award.objects.filter(code=code, achievement_year=year, **where).exists():
        raise AwardsActionError(_("This title or form has already been conferred for that year."))
    nomination = Nomination(code=code, year=year, **where)
    _snapshot(nomination)
    try:
        with transaction.atomic():
            nomination.save()
    except IntegrityError:
        raise AwardsActionError(_("There is already a nomination for this title and year.")) from None
    record(nomination, "nominate", user=user, code=code, year=year, eligible=nomination.checker_eligible)
    return nomination


@transaction.atomic
def nomination_check(nomination: Nomination, *, user) -> Nomination:
    """Ask the checker again (after the records changed)."""
    nomination = _locked(nomination)
    _must_be(nomination, Nomination.Status.DRAFT)
    _snapshot(nomination)
    nomination.save()
    record(nomination, "check", user=user, eligible=nomination.checker_eligible)
    return nomination


@transaction.atomic
def nomination_override(nomination: Nomination, *, user, reason: str) -> Nomination:
    """The council secretary's written decision to put before the council a nomination the
    checker answers “not eligible” or “needs review” (the reasons stay in the file)."""
    if not user.has_perm(OVERRIDE_PERMISSION):
        raise PermissionDenied(OVERRIDE_PERMISSION)
    nomination = _locked(nomination)
    _must_be(nomination, Nomination.Status.DRAFT)
    if nomination.checker_eligible is True:
        raise AwardsActionError(_("The checker finds this nomination eligible: there is nothing to override."))
    reason = (reason or "").strip()
    if len(reason) < MIN_REASON:
        raise AwardsActionError(_("Write the reasons in full (at least %(count)s characters).") % {"count": MIN_REASON})
    nomination.override_reason = reason
    nomination.override_by = user
    nomination.override_at = timezone.now()
    nomination.save()
    record(nomination, "override", user=user, checker=nomination.checker_eligible)
    return nomination


@transaction.atomic
def nomination_documents(nomination: Nomination, *, user, keys) -> Nomination:
    nomination = _locked(nomination)
    _must_be(nomination, Nomination.Status.DRAFT)
    known = [item["key"] for item in checklist(nomination.code)]
    unknown = set(keys) - set(known)
    if unknown:
        raise AwardsActionError(_("Unknown document in the checklist."))
    nomination.documents = [key for key in known if key in set(keys)]
    nomination.save()
    record(nomination, "documents", user=user, documents=nomination.documents)
    return nomination


@transaction.atomic
def nomination_submit(nomination: Nomination, *, user, meeting: CouncilMeeting) -> Nomination:
    nomination = _locked(nomination)
    _must_be(nomination, Nomination.Status.DRAFT)
    if meeting.closed_at:
        raise AwardsActionError(_("That meeting is closed."))
    if meeting.year != nomination.year:
        raise AwardsActionError(
            _("That meeting reviews %(meeting)s, not %(year)s.") % {"meeting": meeting.year, "year": nomination.year}
        )
    absent = missing(nomination.code, nomination.documents)
    if absent:
        raise AwardsActionError(_("The dossier is not complete: %(missing)s.") % {"missing": "; ".join(absent)})
    if nomination.checker_eligible is not True and not nomination.overridden:
        raise AwardsActionError(
            _(
                "The checker does not find this nomination eligible: the council secretary must give written reasons first."
            )
        )
    nomination.meeting = meeting
    nomination.status = Nomination.Status.SUBMITTED
    nomination.save()
    record(nomination, "submit", user=user, meeting=meeting.pk)
    return nomination


@transaction.atomic
def nomination_withdraw(nomination: Nomination, *, user, reason: str) -> Nomination:
    nomination = _locked(nomination)
    _must_be(nomination, Nomination.Status.DRAFT, Nomination.Status.SUBMITTED)
    if nomination.meeting_id and nomination.meeting.closed_at:
        raise AwardsActionError(_("That meeting is closed."))
    if not (reason or "").strip():
        raise AwardsActionError(_("Say why the nomination is withdrawn."))
    nomination.status = Nomination.Status.WITHDRAWN
    nomination.meeting = None
    nomination.votes_for = nomination.votes_against = nomination.votes_invalid = None
    nomination.save()
    record(nomination, "withdraw", user=user, reason=reason.strip()[:500])
    return nomination

"""The council meeting: the secret ballot recorded per nominee, then the close, which needs the
quorum and a ballot for every nominee and turns each into “proposed” or “not proposed” by the
voting rule in force on the meeting's date (selectors.meeting_tally)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..eligibility.council import Ballot, check_ballot
from ..models import CouncilMeeting, Nomination
from ..selectors import meeting_tally
from .common import AwardsActionError, record


def _open(meeting: CouncilMeeting) -> CouncilMeeting:
    meeting = CouncilMeeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.closed_at:
        raise AwardsActionError(_("The meeting is closed: its record can no longer change."))
    return meeting


@transaction.atomic
def meeting_votes(meeting: CouncilMeeting, *, user, ballots: dict[int, Ballot]) -> int:
    """Record the ballots {nomination id: Ballot}; all or none (a wrong count refuses them all)."""
    meeting = _open(meeting)
    nominations = {n.pk: n for n in meeting.nominations.select_for_update().filter(pk__in=list(ballots))}
    if set(nominations) != set(ballots):
        raise AwardsActionError(_("A nominee is not before this meeting."))
    for pk, ballot in ballots.items():
        problem = check_ballot(ballot, members=meeting.members_total, voting=meeting.voting)
        if problem:
            raise AwardsActionError(f"{nominations[pk]}: {problem}")
    for pk, ballot in ballots.items():
        nomination = nominations[pk]
        nomination.votes_for, nomination.votes_against = ballot.votes_for, ballot.votes_against
        nomination.votes_invalid = ballot.invalid
        nomination.save(update_fields=["votes_for", "votes_against", "votes_invalid"])
    record(meeting, "votes", user=user, nominees=len(ballots))
    return len(ballots)


@transaction.atomic
def meeting_close(meeting: CouncilMeeting, *, user) -> CouncilMeeting:
    meeting = _open(meeting)
    tally = meeting_tally(meeting)
    if tally.quorum is None:
        raise AwardsActionError(_("No voting rule sets the quorum for this date: add one in Voting rules."))
    if not tally.quorum_met:
        raise AwardsActionError(
            _("The meeting has no quorum: %(present)s of %(total)s members present.")
            % {"present": meeting.members_present, "total": meeting.members_total}
        )
    if not tally.rows:
        raise AwardsActionError(_("No nomination is before this meeting."))
    if not tally.complete:
        raise AwardsActionError(_("Record the ballot of every nominee before closing the meeting."))
    for row in tally.rows:
        row.nomination.status = Nomination.Status.APPROVED if row.passed else Nomination.Status.REJECTED
        row.nomination.save(update_fields=["status"])
    meeting.closed_at = timezone.now()
    meeting.save(update_fields=["closed_at"])
    record(meeting, "close", user=user, approved=sum(1 for row in tally.rows if row.passed), nominees=len(tally.rows))
    return meeting

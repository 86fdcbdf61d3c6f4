"""A decision confers the titles the council proposed: each nominee gets its Award (the record
the checker reads in later years) and its prize, computed from the coefficient and the base
salary in force on the decision date (eligibility.prizes)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ..eligibility.prizes import prize_for
from ..models import Award, Decision, Nomination
from ..selectors import base_salary_on
from .common import AwardsActionError, record
from .disclosure import disclosure_blocks


@transaction.atomic
def decision_confer(decision: Decision, *, user, nominations) -> int:
    """Confer on every nomination given (all or none); returns how many."""
    pks = [n.pk for n in nominations]
    if not pks:
        raise AwardsActionError(_("Choose at least one nomination."))
    rows = list(Nomination.objects.select_for_update(of=("self",)).select_related("meeting").filter(pk__in=pks))
    base = base_salary_on(decision.signed_on)
    for nomination in rows:
        if nomination.status != Nomination.Status.APPROVED:
            raise AwardsActionError(_("%(nomination)s is not proposed by the council.") % {"nomination": nomination})
        if decision.signed_on < nomination.meeting.held_on:
            raise AwardsActionError(_("The decision cannot come before the council meeting."))
        blocked = disclosure_blocks(nomination, decision.signed_on)
        if blocked:
            raise AwardsActionError(blocked)
    for nomination in rows:
        where = {"official_id": nomination.official_id} if nomination.official_id else {"unit_id": nomination.unit_id}
        Award.objects.create(
            code=nomination.code,
            achievement_year=nomination.year,
            decision_number=decision.number,
            decision_date=decision.signed_on,
            **where,
        )
        prize = prize_for(nomination.code, nomination.kind, decision.signed_on, base.amount if base else None)
        nomination.status = Nomination.Status.DECIDED
        nomination.decision = decision
        nomination.prize_amount = prize.amount
        nomination.save(update_fields=["status", "decision", "prize_amount"])
    record(decision, "confer", user=user, nominees=len(rows))
    return len(rows)

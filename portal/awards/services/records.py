"""Writes to the yearly records that carry a rule: a unit's member counts filled from its
members' own records (selectors.member_counts), logged."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Unit, YearRecord
from ..selectors import member_counts
from .common import AwardsActionError, record


@transaction.atomic
def year_record_count_members(*, unit: Unit, year: int, user) -> YearRecord:
    """Set the unit's members, members with Lao động tiên tiến and with Chiến sĩ thi đua cơ sở
    for `year` from the officials who worked there that year (Luật 06/2022/QH15, Điều 27, 28
    count shares of members and exclude a member disciplined at cảnh cáo or above: the record's
    discipline mark is set when one was). Refused when the unit has no record of that year or
    no member."""
    row = YearRecord.objects.select_for_update().filter(unit=unit, year=year).first()
    if row is None:
        raise AwardsActionError(
            _("%(unit)s has no record for %(year)s yet: record its rating first.") % {"unit": unit, "year": year}
        )
    counts = member_counts(unit, year)
    if not counts.total:
        raise AwardsActionError(
            _("No official worked in %(unit)s in %(year)s: add them, or their postings, first.")
            % {"unit": unit, "year": year}
        )
    row.members_total, row.members_ldtt, row.members_cstd = counts.total, counts.ldtt, counts.cstd
    # A member disciplined at cảnh cáo or above marks the unit's year; a mark typed by an officer
    # (the unit itself disciplined) is never cleared here.
    row.discipline = row.discipline or bool(counts.disciplined)
    row.full_clean()
    row.save(update_fields=["members_total", "members_ldtt", "members_cstd", "discipline"])
    source = "decisions" if counts.decided else "checker"
    record(
        row,
        "members_counted",
        user=user,
        total=counts.total,
        ldtt=counts.ldtt,
        cstd=counts.cstd,
        disciplined=len(counts.disciplined),
        source=source,
    )
    return row

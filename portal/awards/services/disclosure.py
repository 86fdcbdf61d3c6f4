"""Public disclosure of nominees for the higher forms (eligibility.dossiers.needs_disclosure):
after the council proposes them, the officer publishes them for the number of working days the
department set (AwardsSettings; core calendar, holidays and the department's own days off
skipped); citizens comment, with consent; the dossier cannot go on (no decision is recorded)
until the day after the period ends."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import ratelimit
from portal.core.calendar import add_working_days

from ..eligibility.dossiers import needs_disclosure
from ..models import AwardsSettings, DisclosureComment, Nomination
from .common import AwardsActionError, record

COMMENTS_PER_HOUR = 5
MAX_COMMENT = 2000


def disclosure_end(opens: dt.date) -> dt.date:
    """The last day of a disclosure published on `opens` (that day itself not counted)."""
    return add_working_days(opens, AwardsSettings.load().disclosure_working_days)


@transaction.atomic
def nomination_disclose(nomination: Nomination, *, user) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if nomination.status != Nomination.Status.APPROVED:
        raise AwardsActionError(_("Only a nomination the council proposed is published."))
    if not needs_disclosure(nomination.code):
        raise AwardsActionError(_("This title or form is not published for comments."))
    if nomination.disclosure_opens:
        raise AwardsActionError(_("This nomination is already published."))
    opens = timezone.localdate()
    nomination.disclosure_opens, nomination.disclosure_until = opens, disclosure_end(opens)
    nomination.save(update_fields=["disclosure_opens", "disclosure_until"])
    record(nomination, "disclose", user=user, until=nomination.disclosure_until.isoformat())
    return nomination


def disclosure_blocks(nomination: Nomination, on: dt.date) -> str:
    """ "" when the dossier may go on by a decision dated `on`; else the reason."""
    if not needs_disclosure(nomination.code):
        return ""
    if nomination.disclosure_until is None:
        return _("%(nomination)s has not been published for comments yet.") % {"nomination": nomination}
    if on <= nomination.disclosure_until:
        return _("%(nomination)s is published for comments until %(date)s: the dossier goes on after that.") % {
            "nomination": nomination,
            "date": nomination.disclosure_until.strftime("%d/%m/%Y"),
        }
    return ""


def is_open(nomination: Nomination, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return bool(nomination.disclosure_opens and nomination.disclosure_opens <= today <= nomination.disclosure_until)


class CommentInvalid(Exception):
    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("invalid comment")
        self.errors = errors


def disclosure_comment(nomination: Nomination, *, text: str, name: str, contact: str, consent: bool, ip: str):
    """Keep a citizen's comment (or refuse it with the message per field; nothing is stored)."""
    text, name, contact = (text or "").strip(), (name or "").strip(), (contact or "").strip()
    errors: dict[str, list[str]] = {}
    if not is_open(nomination):
        raise CommentInvalid({"__all__": [_("Comments on this nominee are closed.")]})
    if not text:
        errors["text"] = [_("Write your comment.")]
    elif len(text) > MAX_COMMENT:
        errors["text"] = [_("At most %(count)s characters.") % {"count": MAX_COMMENT}]
    if len(name) > 100:
        errors["name"] = [_("At most %(count)s characters.") % {"count": 100}]
    if len(contact) > 120:
        errors["contact"] = [_("At most %(count)s characters.") % {"count": 120}]
    if not consent:
        errors["consent"] = [_("Tick the box to agree, or the comment cannot be kept.")]
    if errors:
        raise CommentInvalid(errors)
    if ratelimit.hit(ratelimit.bucket("awards_comment", "ip", ip), 3600) > COMMENTS_PER_HOUR:
        raise CommentInvalid({"__all__": [_("Too many comments from this connection: please try again in an hour.")]})
    return DisclosureComment.objects.create(
        nomination=nomination, text=text, name=name, contact=contact, consent_at=timezone.now()
    )

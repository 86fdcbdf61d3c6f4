"""Public disclosure of nominees for the higher forms (eligibility.dossiers.needs_disclosure):
after the council proposes them, the officer publishes them for the number of working days the
department set (AwardsSettings; core calendar, holidays and the department's own days off
skipped); citizens comment, with consent; the dossier cannot go on (no decision is recorded)
until the day after the period ends.

Comments are personal data where they carry a name or a contact (portal.core.privacy): asked
with consent (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 9), shown to the officers only, each
opening logged, and the name and contact removed AWARDS_COMMENT_RETENTION_DAYS after the
comments close (Điều 3 and Điều 14, khoản 1: kept only while the purpose needs them — the
council's review and complaints about its decision). The same question as on petitions comes
after repeated attempts from one address (portal.core.challenge)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.core import ratelimit
from portal.core.calendar import add_working_days
from portal.core.challenge import challenge_needed, challenge_passed
from portal.core.privacy import PERSONAL_DATA_REMOVED

from ..eligibility.dossiers import needs_disclosure
from ..models import AwardsSettings, DisclosureComment, Nomination
from .common import AwardsActionError, record

COMMENTS_PER_HOUR = 5
ATTEMPTS_PER_HOUR = 30  # posts from one address, kept or refused, before every post is refused
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


def attempt_bucket(ip: str) -> str:
    """Counter of comment posts from one address (the question comes after a few)."""
    return ratelimit.bucket("awards_comment", "attempt", ip)


def comment_challenge_needed(ip: str) -> bool:
    """Whether the next comment from `ip` must answer the question (the form shows it)."""
    return challenge_needed(attempt_bucket(ip))


def disclosure_comment(
    nomination: Nomination,
    *,
    text: str,
    name: str,
    contact: str,
    consent: bool,
    ip: str,
    challenge_token: str = "",
    challenge_answer: str = "",
):
    """Keep a citizen's comment (or refuse it with the message per field; nothing is stored).
    Every post counts as an attempt of its address, so a robot meets the question and then the
    limit whatever it sends; the question is checked before anything else is looked at."""
    text, name, contact = (text or "").strip(), (name or "").strip(), (contact or "").strip()
    errors: dict[str, list[str]] = {}
    if not is_open(nomination):
        raise CommentInvalid({"__all__": [_("Comments on this nominee are closed.")]})
    attempts = ratelimit.hit(attempt_bucket(ip), 3600)
    if attempts > ATTEMPTS_PER_HOUR:
        raise CommentInvalid({"__all__": [_("Too many comments from this connection: please try again in an hour.")]})
    if challenge_needed(attempt_bucket(ip), attempts - 1) and not challenge_passed(challenge_token, challenge_answer):
        raise CommentInvalid(
            {"challenge": [_("Please answer the question below (asked after several attempts from the same place).")]}
        )
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


def comments_due_for_purge(today: dt.date | None = None):
    """Comments still holding a name or a contact whose disclosure closed more than
    AWARDS_COMMENT_RETENTION_DAYS ago."""
    cutoff = (today or timezone.localdate()) - dt.timedelta(days=settings.AWARDS_COMMENT_RETENTION_DAYS)
    return DisclosureComment.objects.filter(
        nomination__disclosure_until__lt=cutoff, personal_removed_at__isnull=True
    ).exclude(name="", contact="")


def disclosure_comment_purge(*, dry_run: bool = False) -> int:
    """Remove the name and contact of every comment past its keeping period (the text stays with
    the dossier); one audit-log entry per nomination. Returns how many comments."""
    due = list(comments_due_for_purge().select_related("nomination"))
    if dry_run or not due:
        return len(due)
    with transaction.atomic():
        DisclosureComment.objects.filter(pk__in=[c.pk for c in due]).update(
            name="", contact="", personal_removed_at=timezone.now()
        )
        for nomination in {c.nomination_id: c.nomination for c in due}.values():
            log(instance=nomination, action=PERSONAL_DATA_REMOVED, user=None)
    return len(due)

"""Deadline reminders, run by the scheduler (see portal.feedback.workflow for the deadlines)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.core import formats
from portal.core.calendar import add_working_days
from portal.core.links import site_url
from portal.outbox.services import mail_queue

from ..models import Petition
from ..selectors import due_soon_q


def petition_reminders_send(*, today=None, dry_run: bool = False) -> dict[str, int]:
    """E-mail the people responsible for open petitions whose deadline is today or the next
    working day, or already past: the officer, else the unit's address, else the leaders. Each
    petition is reminded at most once a day (`reminded_on`), so the scheduler may run this
    every minute."""
    today = today or timezone.localdate()
    horizon = add_working_days(today, 1)
    leaders = list(
        get_user_model()
        .objects.filter(is_active=True, groups__permissions__codename="approve_petition")
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    due = (
        Petition.objects.filter(due_soon_q(horizon))
        .exclude(reminded_on=today)
        .select_related("unit", "assignee")
        .order_by("pk")
    )
    sent = skipped = 0
    for petition in due.iterator(chunk_size=500):
        if petition.assignee_id and petition.assignee.email:
            recipients = [petition.assignee.email]
        elif petition.unit_id and petition.unit.email:
            recipients = [petition.unit.email]
        else:
            recipients = leaders
        if not recipients:
            skipped += 1
            continue
        if dry_run:
            sent += 1
            continue
        overdue = petition.is_overdue(today)
        deadline = formats.short_date(petition.due_date())
        subject = (
            _("Overdue petition %(code)s (deadline %(date)s)") if overdue else _("Petition %(code)s is due on %(date)s")
        ) % {"code": petition.code, "date": deadline}
        link = site_url(reverse("petitions:inspect", args=[petition.pk]))
        body = _("Petition %(code)s “%(title)s” (%(status)s) must be handled by %(date)s.\n\nOpen it: %(link)s\n") % {
            "code": petition.code,
            "title": petition.title,
            "status": petition.get_status_display(),
            "date": deadline,
            "link": link,
        }
        with transaction.atomic():  # the outbox retries a failed delivery
            mail_queue(to=recipients, subject=subject, body=body, reference=f"petition {petition.code} reminder")
            Petition.objects.filter(pk=petition.pk).update(reminded_on=today)
        sent += 1
    return {"sent": sent, "skipped": skipped}

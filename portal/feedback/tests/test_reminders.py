"""Deadline reminders (services/reminders.py): once a day, to the person who holds the petition."""

import datetime as dt

from django.core import mail

from portal.feedback import services
from portal.feedback.models import (
    Petition,
    PetitionUnit,
)

from .factories import submit


def test_reminders_once_a_day_to_the_right_person(client, staff, django_capture_on_commit_callbacks):
    officer, leader = staff
    unit = PetitionUnit.objects.create(name="Phòng Tiêu chuẩn", email="tc@example.vn")
    mine, _ = submit(client, title="Phân công cho cán bộ")
    services.petition_assign(petition=mine, user=officer, assignee=officer)
    units, _ = submit(client, title="Phân công cho phòng")
    services.petition_assign(petition=units, user=officer, unit=unit)
    nobody, _ = submit(client, title="Chưa phân công cho ai")
    later, _ = submit(client, title="Còn nhiều thời gian")
    today = dt.date.today()
    Petition.objects.exclude(pk=later.pk).update(classify_by=today - dt.timedelta(days=1))
    Petition.objects.filter(pk=later.pk).update(classify_by=today + dt.timedelta(days=30))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.petition_reminders_send(today=today) == {"sent": 3, "skipped": 0}
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["canbo@example.vn", "lanhdao@example.vn", "tc@example.vn"]
    assert all("Quá hạn" in m.subject for m in mail.outbox)
    assert services.petition_reminders_send(today=today) == {"sent": 0, "skipped": 0}  # once a day

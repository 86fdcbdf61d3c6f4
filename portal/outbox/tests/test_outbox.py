"""The e-mail outbox: queued with the transaction, delivered after it, retried, given up."""

import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from portal.outbox import delivery
from portal.outbox import services as outbox
from portal.outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_server(monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(delivery, "send_mail", refuse)


def queue(**change):
    return outbox.mail_queue(
        **{"to": ["dan@example.vn"], "subject": "Tiêu đề", "body": "Nội dung", "reference": "test", **change}
    )


def test_a_message_is_sent_after_the_commit_and_not_at_all_on_rollback(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        row = queue(to=["dan@example.vn", "", "dan@example.vn"])
        assert not mail.outbox  # nothing leaves before the commit
    assert [m.to for m in mail.outbox] == [["dan@example.vn"]] and mail.outbox[0].subject == "Tiêu đề"
    row.refresh_from_db()
    assert row.sent_at and row.attempts == 1 and row.last_error == ""
    with pytest.raises(RuntimeError), django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            queue(subject="Không gửi")
            raise RuntimeError
    assert OutgoingMail.objects.count() == 1 and len(mail.outbox) == 1
    assert queue(to=[""]) is None


def test_failures_are_retried_later_then_given_up_and_can_be_retried(
    broken_server, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        row = queue()
    row.refresh_from_db()
    assert row.sent_at is None and row.attempts == 1 and "mail server down" in row.last_error
    assert dt.timedelta(seconds=50) < row.send_after - timezone.now() < dt.timedelta(seconds=70)
    assert outbox.mail_send_due().failed == 0  # not due yet: nothing is tried
    for _attempt in range(delivery.MAX_ATTEMPTS - 1):
        OutgoingMail.objects.update(send_after=timezone.now() - dt.timedelta(seconds=1))
        outbox.mail_send_due()
    row.refresh_from_db()
    assert row.attempts == delivery.MAX_ATTEMPTS and row.failed_at is not None
    OutgoingMail.objects.update(send_after=timezone.now() - dt.timedelta(days=1))
    assert outbox.mail_send_due().failed == 0  # given up: no more attempts
    out = StringIO()
    call_command("mail_outbox", stdout=out)
    assert "đã bỏ cuộc: 1" in out.getvalue()

    monkeypatch.undo()  # the server is back
    call_command("mail_outbox", "--retry-failed", "--send", stdout=out)
    assert "Đã gửi 1" in out.getvalue() and len(mail.outbox) == 1
    assert OutgoingMail.objects.get().sent_at is not None


def test_a_message_being_sent_is_not_sent_twice():
    row = queue()  # the task has not run (no commit in this test)
    OutgoingMail.objects.filter(pk=row.pk).update(claimed_until=timezone.now() + dt.timedelta(minutes=2))
    assert outbox.mail_send_due().sent == 0 and not mail.outbox
    assert delivery.mail_deliver(row.pk) is False
    OutgoingMail.objects.filter(pk=row.pk).update(claimed_until=timezone.now() - dt.timedelta(seconds=1))  # sender died
    assert outbox.mail_send_due().sent == 1 and delivery.mail_deliver(row.pk) is False
    assert len(mail.outbox) == 1


def test_sent_messages_are_deleted_after_the_keeping_period(settings):
    settings.MAIL_KEEP_DAYS = 30
    old, recent, given_up = queue(), queue(), queue()
    OutgoingMail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - dt.timedelta(days=31))
    OutgoingMail.objects.filter(pk=recent.pk).update(sent_at=timezone.now() - dt.timedelta(days=29))
    OutgoingMail.objects.filter(pk=given_up.pk).update(failed_at=timezone.now() - dt.timedelta(days=31))
    assert outbox.mail_send_due().deleted == 1
    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {recent.pk, given_up.pk}


def test_the_outbox_is_listed_for_administrators_only(client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    row = queue(subject="Thư chờ gửi", reference="petition PAKN-2026-000009 receipt")
    admin = get_user_model().objects.create_superuser("quantri", password="x-Secret-123")
    client.force_login(admin)
    listing = client.get("/admin/outgoing_mail/").content.decode()
    assert "PAKN-2026-000009" in listing and "Thư chờ gửi" in listing
    assert "Nội dung" in client.get(f"/admin/outgoing_mail/inspect/{row.pk}/").content.decode()
    assert client.get(f"/admin/outgoing_mail/edit/{row.pk}/").status_code in (302, 403, 404)
    editor = get_user_model().objects.create_user("bientap2", password="x-Secret-123")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/outgoing_mail/").status_code in (302, 403)

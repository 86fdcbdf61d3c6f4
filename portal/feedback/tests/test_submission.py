"""Submitting a petition (services/submission.py through the API and the form): code and key, the
receipt e-mail through the outbox, Vietnamese messages per field, hostile input, idempotency,
rate limits, the working-day classification deadline, and 200 concurrent submissions through a
running server."""

import json
import re
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail

from portal.feedback.models import Petition, PetitionEvent, PetitionField

from .factories import GOOD, post


def test_submit_gives_code_and_key_and_records_the_event(portal, client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, GOOD)
    assert response.status_code == 201
    body = response.json()
    assert re.fullmatch(r"PAKN-\d{4}-000001", body["code"]) and re.fullmatch(r"[A-Z2-7]{10}", body["key"])
    assert body["status"] == "received"
    petition = Petition.objects.get()
    assert (petition.phone, petition.email, petition.area.name) == (
        "0912345678",
        "hoa@example.vn",
        "Khoa học và công nghệ",
    )
    assert petition.consent_at is not None and petition.publish_allowed
    assert list(PetitionEvent.objects.values_list("status_to", flat=True)) == ["received"]
    assert body["key"] not in json.dumps(list(Petition.objects.values()), default=str)  # never stored
    with django_capture_on_commit_callbacks(execute=True):
        assert post(client, {**GOOD, "title": "Câu hỏi thứ hai về đo lường"}).json()["code"].endswith("000002")
    # The receipt e-mail carries the code and the key.
    assert len(mail.outbox) == 2 and body["code"] in mail.outbox[0].body and body["key"] in mail.outbox[0].body
    # Once delivered, the outbox keeps who was told what and when, not the text with the key.
    from portal.outbox.models import OutgoingMail

    assert OutgoingMail.objects.filter(sent_at__isnull=False, reference__endswith="receipt").count() == 2
    assert body["key"] not in json.dumps(list(OutgoingMail.objects.values()), default=str)


def test_a_mail_server_outage_loses_neither_the_petition_nor_its_receipt(
    portal, client, monkeypatch, django_capture_on_commit_callbacks
):
    from portal.outbox import delivery
    from portal.outbox import services as outbox
    from portal.outbox.models import OutgoingMail

    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(delivery, "send_mail", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, GOOD)
    assert response.status_code == 201 and Petition.objects.count() == 1 and not mail.outbox
    queued = OutgoingMail.objects.get()
    assert queued.sent_at is None and queued.attempts == 1 and response.json()["key"] in queued.body
    monkeypatch.undo()
    OutgoingMail.objects.update(send_after=queued.created_at)  # the retry is due
    assert outbox.mail_send_due().sent == 1
    assert len(mail.outbox) == 1 and response.json()["code"] in mail.outbox[0].body


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"full_name": ""}, "full_name", "bắt buộc"),
        ({"title": "Hỏi"}, "title", "ít nhất 5"),
        ({"content": "x" * 10_001}, "content", "nhiều nhất 10.000"),
        ({"phone": "12345", "email": ""}, "phone", "số điện thoại"),
        ({"email": "hoa@", "phone": ""}, "email", "thư điện tử"),
        ({"phone": "", "email": ""}, "phone", "số điện thoại hoặc địa chỉ thư điện tử"),
        ({"field": "Không có lĩnh vực này"}, "field", "lĩnh vực"),
        ({"consent": False}, "consent", "dữ liệu cá nhân 2025"),
        ({"consent": "true"}, "consent", "dữ liệu cá nhân 2025"),  # must be the JSON true, not text
        ({"title": ["không", "phải", "chữ"]}, "title", "văn bản"),
    ],
)
def test_bad_input_gets_a_vietnamese_message_per_field_and_stores_nothing(portal, client, change, field, message):
    response = post(client, {**GOOD, **change})
    assert response.status_code == 422
    messages = {d["field"]: d["message"] for d in response.json()["detail"]}
    assert message in messages[field], messages
    assert not Petition.objects.exists() and not PetitionEvent.objects.exists()


def test_hostile_input_is_refused_or_stored_as_text(portal, client, django_user_model):
    assert client.post("/api/v1/feedback", data="{not json", content_type="application/json").status_code == 400
    assert client.post("/api/v1/feedback", data="[1, 2]", content_type="application/json").status_code == 400
    latin1 = json.dumps(GOOD, ensure_ascii=False).encode("latin-1", errors="replace")
    assert (
        client.post("/api/v1/feedback", data=b"\xff\xfe" + latin1, content_type="application/json").status_code == 400
    )
    huge = post(client, {**GOOD, "content": "A" * 1_000_000})  # refused from its Content-Length
    assert huge.status_code == 413 and "quá lớn" in huge.json()["detail"]
    assert post(client, {**GOOD, "content": "A" * 12_000}).status_code == 422  # past the field's limit
    assert not Petition.objects.exists()
    script = "<script>alert('x')</script> '; DROP TABLE feedback_petition; --"
    response = post(
        client, {**GOOD, "title": "Tiêu đề <b>đậm</b>\x00\u200b", "content": script + " nội dung đủ dài để gửi"}
    )
    assert response.status_code == 201
    petition = Petition.objects.get()
    assert petition.title == "Tiêu đề <b>đậm</b>" and petition.content.startswith("<script>")
    # Shown escaped to the citizen and in the admin.
    page = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": petition.code, "key": response.json()["key"]})
    assert b"&lt;b&gt;" in page.content and b"<b>\xc4\x91\xe1\xba\xadm</b>" not in page.content
    admin = django_user_model.objects.create_superuser("admin", "a@example.vn", "x" * 12)
    client.force_login(admin)
    inspect = client.get(f"/admin/petitions/inspect/{petition.pk}/")
    assert (
        inspect.status_code == 200 and b"<script>alert" not in inspect.content and b"&lt;script&gt;" in inspect.content
    )


def test_the_same_submission_twice_is_one_petition(portal, client):
    first = post(client, GOOD, HTTP_IDEMPOTENCY_KEY="retry-123")
    again = post(client, GOOD, HTTP_IDEMPOTENCY_KEY="retry-123")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json() == again.json()
    assert Petition.objects.count() == 1


def test_a_used_key_replays_nothing_to_others_or_for_other_content(portal, client):
    """Issue 14.1: a used key returned the petition (code, secret key) to anyone who sent it,
    even with an empty body."""
    victim = post(client, GOOD, HTTP_IDEMPOTENCY_KEY="1042", REMOTE_ADDR="198.51.100.20").json()
    # Another address, same key and content: a new petition, never the victim's.
    other = post(client, GOOD, HTTP_IDEMPOTENCY_KEY="1042", REMOTE_ADDR="198.51.100.99")
    assert other.status_code == 201 and other.json()["code"] != victim["code"]
    assert victim["key"] not in other.content.decode()
    # Same address, same key, an empty or different body: validation, then a mismatch.
    empty = post(client, {}, HTTP_IDEMPOTENCY_KEY="1042", REMOTE_ADDR="198.51.100.20")
    assert empty.status_code == 422 and victim["code"] not in empty.content.decode()
    changed = post(
        client, {**GOOD, "title": "Một câu hỏi khác hẳn"}, HTTP_IDEMPOTENCY_KEY="1042", REMOTE_ADDR="198.51.100.20"
    )
    assert changed.status_code == 422 and "đã được dùng" in changed.json()["detail"][0]["message"]
    assert victim["code"] not in changed.content.decode()
    assert Petition.objects.count() == 2


def test_a_key_expires(portal, client, settings):
    import datetime as dt
    from unittest import mock

    from django.utils import timezone

    first = post(client, GOOD, HTTP_IDEMPOTENCY_KEY="retry-9").json()
    later = timezone.now() + dt.timedelta(hours=settings.IDEMPOTENCY_KEY_HOURS, minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        again = post(client, GOOD, HTTP_IDEMPOTENCY_KEY="retry-9")
    assert again.status_code == 201 and again.json()["code"] != first["code"]


def test_guessing_keys_meets_the_rate_limit(portal, client, settings):
    settings.FEEDBACK_CHALLENGE_AFTER = 0  # the question would stop them earlier still
    settings.FEEDBACK_ATTEMPTS_PER_IP_HOUR = 20
    post(client, GOOD, HTTP_IDEMPOTENCY_KEY="1042")
    answers = [post(client, {}, HTTP_IDEMPOTENCY_KEY=str(n)).status_code for n in range(40)]
    assert answers[:19] == [422] * 19 and set(answers[19:]) == {429}


def test_the_form_accepts_only_tokens_it_issued(portal, client):
    from portal.core import idempotency

    form = {**{k: v for k, v in GOOD.items() if k not in ("consent", "publish_allowed")}, "consent": "1"}
    form["field"] = PetitionField.objects.get(name=GOOD["field"]).pk
    assert client.post("/phan-anh-kien-nghi/gui/", {**form, "token": "1042"}).status_code == 200
    # A token it did not sign deduplicates nothing: the second post is a second petition.
    assert client.post("/phan-anh-kien-nghi/gui/", {**form, "token": "1042"}).status_code == 200
    assert Petition.objects.count() == 2
    token = idempotency.form_token()
    assert idempotency.form_token_valid(token) and not idempotency.form_token_valid(token + "x")
    client.post("/phan-anh-kien-nghi/gui/", {**form, "title": "Gửi bằng mã của trang", "token": token})
    client.post("/phan-anh-kien-nghi/gui/", {**form, "title": "Gửi bằng mã của trang", "token": token})
    assert Petition.objects.count() == 3


def test_rate_limits_per_address_and_per_contact(portal, client, settings):
    settings.FEEDBACK_LIMIT_PER_IP_HOUR, settings.FEEDBACK_LIMIT_PER_CONTACT_DAY = 3, 2
    assert post(client, GOOD).status_code == 201
    assert post(client, {**GOOD, "title": "Lần gửi thứ hai"}).status_code == 201
    third = post(client, {**GOOD, "title": "Lần gửi thứ ba"})  # same phone and e-mail
    assert third.status_code == 429 and "thử lại" in third.json()["detail"]
    other = {**GOOD, "phone": "0987 654 321", "email": "", "title": "Người khác gửi"}
    assert post(client, other).status_code == 201
    assert post(client, {**other, "phone": "0977 111 222"}).status_code == 429  # 3 from this address
    assert Petition.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_two_hundred_concurrent_submissions_through_a_running_server(live_server, settings):
    from portal.home.setup import portal_setup

    portal_setup()
    settings.FEEDBACK_LIMIT_PER_IP_HOUR = settings.FEEDBACK_LIMIT_PER_CONTACT_DAY = 10_000
    settings.FEEDBACK_ATTEMPTS_PER_IP_HOUR = 10_000
    url = live_server.url + "/api/v1/feedback"
    lock = threading.Lock()
    codes, failures = [], []

    def submit(n: int) -> None:
        data = {**GOOD, "title": f"Phản ánh số {n}", "phone": f"09{n:08d}", "email": ""}
        request = urllib.request.Request(
            url, data=json.dumps(data).encode(), headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                body = json.loads(response.read())
            with lock:
                codes.append(body["code"])
        except urllib.error.HTTPError as error:
            with lock:
                failures.append((n, error.code, error.read()[:200]))

    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(submit, range(200)))
    assert failures == []
    assert len(codes) == len(set(codes)) == 200
    assert Petition.objects.count() == 200 and PetitionEvent.objects.count() == 200
    assert sorted(int(c[-6:]) for c in codes) == list(range(1, 201))  # no gaps, no duplicates
    from portal.feedback.selectors import petition_counters

    assert petition_counters()["received"] == 200


def test_classification_deadline_counts_working_days(portal, client):
    import datetime as dt
    from unittest import mock
    from zoneinfo import ZoneInfo

    friday = dt.datetime(2026, 2, 13, 16, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    with mock.patch("django.utils.timezone.now", return_value=friday):
        post(client, GOOD)
    petition = Petition.objects.get()
    assert petition.classify_by == dt.date(2026, 2, 27)  # Tết 16–20/02 skipped
    assert petition.due_date() == petition.classify_by

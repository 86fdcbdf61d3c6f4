"""Handling a petition (services/handling.py, workflow.py): the full path from receipt to a
published answer, refusal, transfer, extension and merging of duplicates, each step's rules."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from portal.feedback import services
from portal.feedback.models import (
    AnswerState,
    Petition,
    PetitionEvent,
    PetitionStatus,
    PetitionUnit,
)
from portal.feedback.selectors import petition_counters

from .factories import GOOD, answer, submit


def test_full_workflow_from_receipt_to_published_answer(client, staff, django_capture_on_commit_callbacks):
    officer, leader = staff
    petition, key = submit(client)
    unit = PetitionUnit.objects.create(name="Phòng Quản lý khoa học", email="qlkh@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        services.petition_accept(petition=petition, user=officer, note="Đúng thẩm quyền")
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.PROCESSING and petition.answer_by > petition.classify_by - dt.timedelta(
        days=30
    )
    assert petition_counters()["processing"] == 1  # counters dropped on change
    services.petition_assign(petition=petition, user=officer, unit=unit, assignee=officer, note="Xử lý gấp")
    services.petition_note(petition=petition, user=officer, text="Đã gọi điện xác minh.")
    services.petition_answer_save(petition=petition, user=officer, body="<p>Bản nháp <script>alert(1)</script></p>")
    draft = petition.answer
    assert draft.state == AnswerState.DRAFT and "<script" not in draft.body
    with pytest.raises(services.PetitionActionError):  # nothing waits for approval yet
        services.petition_answer_approve(petition=petition, user=leader)
    services.petition_answer_save(
        petition=petition, user=officer, body="<p>Sở hướng dẫn ông/bà Hoa nộp hồ sơ trước 30/6.</p>", submit=True
    )
    services.petition_answer_return(petition=petition, user=leader, note="Bổ sung căn cứ pháp lý")
    petition.answer.refresh_from_db()
    assert petition.answer.state == AnswerState.DRAFT
    services.petition_answer_save(
        petition=petition, user=officer, body="<p>Theo Thông tư 03, hồ sơ nộp trước 30/6.</p>", submit=True
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.petition_answer_approve(petition=petition, user=leader)
    petition.refresh_from_db()
    assert petition.status == PetitionStatus.ANSWERED and petition.closed_at
    assert len(mail.outbox) == 1 and "Thông tư 03" in mail.outbox[0].body and mail.outbox[0].to == [GOOD["email"]]
    assert petition_counters()["answered"] == 1

    # The citizen's view: public steps only, and the answer.
    data = client.get(f"/api/v1/feedback/{petition.code}", {"key": key}).json()
    assert [h["status"] for h in data["history"]] == ["received", "processing", "answered"]
    assert "Thông tư 03" in data["answer"] and "xác minh" not in json.dumps(data) and "gấp" not in json.dumps(data)
    # Every step is in the append-only history and in Wagtail's action log.
    actions = list(PetitionEvent.objects.filter(petition=petition).values_list("action", flat=True))
    assert actions == [
        "received",
        "accepted",
        "assigned",
        "note",
        "answer_drafted",
        "answer_submitted",
        "answer_returned",
        "answer_submitted",
        "answered",
    ]
    assert ModelLogEntry.objects.filter(action="portal.feedback.answered", user_id=leader.pk).exists()

    # Publication: the prepared text has the personal data removed; a leak is refused.
    prepared = services.anonymise(
        f"Tôi là {GOOD['full_name']}, ở {GOOD['address']}, ĐT 0912 345 678, hoa@example.vn, CCCD 001234567890. Hoa hỏi về khoa học.",
        petition,
    )
    assert (
        GOOD["full_name"] not in prepared
        and "0912" not in prepared
        and "@" not in prepared
        and "001234567890" not in prepared
    )
    assert "khoa học" in prepared and "Hoa hỏi" not in prepared
    with pytest.raises(services.PetitionActionError, match="tên"):
        services.petition_publish(
            petition=petition,
            user=leader,
            title="Đăng ký nhiệm vụ",
            question=f"{GOOD['full_name']} hỏi",
            answer=petition.answer.body,
        )
    with django_capture_on_commit_callbacks(execute=True):
        publication = services.petition_publish(
            petition=petition,
            user=leader,
            title="Đăng ký nhiệm vụ khoa học cấp tỉnh",
            question="Thủ tục đăng ký nhiệm vụ thế nào?",
            answer=petition.answer.body,
        )
    listing = client.get("/hoi-dap/", {"q": "dang ky nhiem vu"}).content.decode()
    assert "Đăng ký nhiệm vụ khoa học cấp tỉnh" in listing
    assert "Đăng ký nhiệm vụ" not in client.get("/hoi-dap/", {"q": "do luong"}).content.decode()
    assert "Đăng ký nhiệm vụ" not in client.get("/hoi-dap/", {"q": "an"}).content.decode()  # word starts only
    page = client.get(f"/hoi-dap/{publication.slug}/").content.decode()
    assert (
        "Thông tư 03" in page
        and GOOD["full_name"] not in page
        and GOOD["phone"] not in page
        and petition.code not in page
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.petition_unpublish(petition=petition, user=leader)
    assert client.get(f"/hoi-dap/{publication.slug}/").status_code == 404


def test_refuse_transfer_extend_and_their_rules(client, staff, django_capture_on_commit_callbacks):
    officer, leader = staff
    first, _ = submit(client)
    with pytest.raises(PermissionDenied):
        services.petition_refuse(
            petition=first, user=officer, reason="Không thuộc thẩm quyền", legal_basis="NĐ 20/2008"
        )
    with pytest.raises(services.PetitionActionError, match="căn cứ"):
        services.petition_refuse(petition=first, user=leader, reason="Không thuộc thẩm quyền", legal_basis="  ")
    assert Petition.objects.get(pk=first.pk).status == PetitionStatus.RECEIVED  # nothing changed
    with django_capture_on_commit_callbacks(execute=True):
        services.petition_refuse(
            petition=first, user=leader, reason="Nội dung đã được trả lời", legal_basis="Nghị định 20/2008/NĐ-CP"
        )
    assert petition_counters()["refused"] == 1
    with pytest.raises(services.PetitionActionError, match="Bị từ chối|Từ chối"):
        services.petition_accept(petition=first, user=officer)

    second, _ = submit(client, title="Chuyển cơ quan khác xử lý")
    services.petition_transfer(petition=second, user=leader, agency="Sở Tài nguyên và Môi trường")
    second.refresh_from_db()
    assert second.status == PetitionStatus.TRANSFERRED and second.transferred_to == "Sở Tài nguyên và Môi trường"

    third, _ = submit(client, title="Cần gia hạn trả lời")
    services.petition_accept(petition=third, user=officer)
    third.refresh_from_db()
    before = third.answer_by
    services.petition_extend(petition=third, user=officer, reason="Cần lấy ý kiến chuyên gia")
    third.refresh_from_db()
    assert third.answer_by > before and third.extension_reason
    with pytest.raises(services.PetitionActionError, match="một lần"):
        services.petition_extend(petition=third, user=officer, reason="Lần nữa")


def test_merge_duplicates_and_the_duplicate_citizen_sees_the_answer(client, staff, django_capture_on_commit_callbacks):
    officer, leader = staff
    main, _ = submit(client)
    dup, dup_key = submit(client, title="Cùng nội dung gửi lại", phone="0987 000 111", email="khac@example.vn")
    with pytest.raises(services.PetitionActionError):
        services.petition_merge(petition=dup, into=dup, user=officer)
    services.petition_merge(petition=dup, into=main, user=officer)
    dup.refresh_from_db()
    assert dup.status == PetitionStatus.MERGED and dup.merged_into == main
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer(main, officer, leader)
    assert sorted(m.to[0] for m in mail.outbox) == ["hoa@example.vn", "khac@example.vn"]
    data = client.get(f"/api/v1/feedback/{dup.code}", {"key": dup_key}).json()
    assert data["status"] == "merged" and data["merged_into"] == main.code and "hướng dẫn" in data["answer"]


def test_histories_say_what_happened_once(client, staff):
    """The citizen's history does not repeat the status in a note ("Đã trả lời. Đã trả
    lời."), and the officers' history names each step (an answer sent for approval does not
    read only "Đang xử lý")."""
    import re

    officer, leader = staff
    petition, key = submit(client)
    services.petition_accept(petition=petition, user=officer)
    services.petition_answer_save(petition=petition, user=officer, body="<p>Trả lời đủ dài.</p>", submit=True)
    services.petition_answer_approve(petition=petition, user=leader)
    # An event recorded before the change, with the status repeated in its note.
    PetitionEvent.objects.filter(petition=petition, action="answered").update(public_note="Đã trả lời.")
    track = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": petition.code, "key": key}).content.decode()
    steps = re.findall(r"</time>: ([^<]*)</li>", track)
    assert steps[0] == "Đã tiếp nhận" and steps[-1] == "Đã trả lời", steps
    assert all(step.count(step.split(".")[0]) == 1 for step in steps)
    client.force_login(officer)
    history = client.get(f"/admin/petitions/inspect/{petition.pk}/").content.decode()
    assert "Gửi câu trả lời để duyệt" in history and "Duyệt và gửi câu trả lời" in history
    assert "<br> → " not in history  # the first event has no status before it

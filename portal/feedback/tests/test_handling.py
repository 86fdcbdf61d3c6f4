"""Citizen petitions, the department's side: the handling steps and their rules, the admin
handling page and inbox, deadlines and reminders, published Q&A, ratings, reports."""

import datetime as dt
import io
import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from portal.core.models import ReportExport
from portal.feedback import services
from portal.feedback.models import (
    AnswerState,
    Petition,
    PetitionEvent,
    PetitionPublication,
    PetitionStatus,
    PetitionUnit,
    SiteRating,
)
from portal.feedback.roles import LEADERS, OFFICERS
from portal.feedback.selectors import petition_counters

from .test_petitions import GOOD, post


def make_staff(username: str, group: str, email: str = ""):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, password="x-Secret-123", email=email, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def staff(home):
    return make_staff("canbo", OFFICERS, "canbo@example.vn"), make_staff("lanhdao", LEADERS, "lanhdao@example.vn")


def submit(client, **change):
    body = post(client, {**GOOD, **change}).json()
    return Petition.objects.get(code=body["code"]), body["key"]


def answer(petition, officer, leader, text="<p>Sở đã hướng dẫn thủ tục đăng ký.</p>"):
    services.petition_accept(petition=petition, user=officer)
    services.petition_answer_save(petition=petition, user=officer, body=text, submit=True)
    services.petition_answer_approve(petition=petition, user=leader)
    return Petition.objects.get(pk=petition.pk)


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


def test_admin_handling_page_inbox_filters_and_permissions(client, staff):
    officer, leader = staff
    petition, _ = submit(client, content="<img src=x onerror=alert(1)> nội dung đủ dài để gửi đi")
    late, _ = submit(client, title="Phản ánh đã quá hạn")
    Petition.objects.filter(pk=late.pk).update(classify_by=dt.date(2020, 1, 2))
    client.force_login(officer)
    inbox = client.get("/admin/petitions/").content.decode()
    assert petition.code in inbox and "Quá hạn" in inbox
    overdue_only = client.get("/admin/petitions/", {"overdue": "true"}).content.decode()
    assert late.code in overdue_only and petition.code not in overdue_only
    url = f"/admin/petitions/inspect/{petition.pk}/"
    page = client.get(url).content.decode()
    assert "<img src=x" not in page and "&lt;img src=x" in page
    assert 'value="accept"' in page and 'value="refuse"' not in page  # officers do not refuse
    response = client.post(url, {"action": "accept", "accept-note": ""})
    assert response.status_code == 302 and Petition.objects.get(pk=petition.pk).status == "processing"
    denied = client.post(url, {"action": "refuse", "refuse-reason": "x", "refuse-legal_basis": "y"})
    assert denied.status_code in (302, 403) and denied.get("Location") != url
    assert Petition.objects.get(pk=petition.pk).status == "processing"
    bad = client.post(url, {"action": "extend", "extend-reason": ""})
    assert bad.status_code == 400 and Petition.objects.get(pk=petition.pk).extended_at is None
    saved = client.post(
        url,
        {
            "action": "answer",
            "answer-body": json.dumps(
                {
                    "blocks": [
                        {
                            "key": "a",
                            "type": "unstyled",
                            "text": "Câu trả lời của Sở.",
                            "depth": 0,
                            "inlineStyleRanges": [],
                            "entityRanges": [],
                        }
                    ],
                    "entityMap": {},
                }
            ),
            "submit_for_approval": "1",
        },
    )
    assert saved.status_code == 302
    assert Petition.objects.get(pk=petition.pk).answer.state == AnswerState.PENDING
    client.force_login(leader)
    assert 'value="approve"' in client.get(url).content.decode()
    assert client.post(url, {"action": "approve"}).status_code == 302
    assert Petition.objects.get(pk=petition.pk).status == PetitionStatus.ANSWERED
    outsider = get_user_model().objects.create_user("khach", password="x-Secret-123")
    client.force_login(outsider)
    assert client.get(url).status_code in (302, 403)


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


def test_ratings_of_answers_and_of_the_portal(client, staff):
    officer, leader = staff
    petition, key = submit(client)
    with pytest.raises(services.PetitionActionError):
        services.petition_rate(petition=petition, score=5)
    answer(petition, officer, leader)
    page = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": petition.code, "key": key}).content.decode()
    token = re.search(r'name="rate_token" value="([^"]+)"', page).group(1)
    assert client.post("/phan-anh-kien-nghi/danh-gia/", {"rate_token": token, "score": "9"}).status_code == 400
    assert client.post("/phan-anh-kien-nghi/danh-gia/", {"rate_token": "forged", "score": "5"}).status_code == 400
    assert (
        client.post(
            "/phan-anh-kien-nghi/danh-gia/", {"rate_token": token, "score": "4", "comment": "Rõ ràng"}
        ).status_code
        == 200
    )
    assert petition.rating.score == 4

    home = client.get("/").content.decode()
    assert "data-site-rating" in home and "csrfmiddlewaretoken" not in home.split("data-site-rating")[1][:2000]
    done = client.post("/danh-gia-hai-long/", {"score": "5", "comment": "Dễ dùng"}, HTTP_ACCEPT="application/json")
    assert done.status_code == 201 and done.json()["ok"]
    again = client.post("/danh-gia-hai-long/", {"score": "1"}, HTTP_ACCEPT="application/json")
    assert again.status_code == 429 and SiteRating.objects.count() == 1
    assert client.post("/danh-gia-hai-long/", {"score": "x"}, REMOTE_ADDR="10.0.0.9").status_code == 400
    nojs = client.post("/danh-gia-hai-long/", {"score": "3", "next": "https://evil.example/"}, REMOTE_ADDR="10.0.0.8")
    assert nojs.status_code == 201 and 'href="/"' in nojs.content.decode()
    client.force_login(leader)
    report = client.get("/admin/reports/satisfaction/").content.decode()
    assert "Dễ dùng" in report and "Rõ ràng" in report


def test_report_counts_on_time_rate_and_logged_export(client, staff):
    officer, leader = staff
    on_time, _ = submit(client, title="Trả lời đúng hạn")
    answer(on_time, officer, leader)
    late, _ = submit(client, title="Trả lời trễ hạn", field="Sở hữu trí tuệ")
    services.petition_accept(petition=late, user=officer)
    Petition.objects.filter(pk=late.pk).update(answer_by=dt.date(2020, 1, 1))
    late.refresh_from_db()
    services.petition_refuse(petition=late, user=leader, reason="Không đủ thông tin", legal_basis="NĐ 20/2008/NĐ-CP")
    submit(client, title="Đang chờ phân loại")
    client.force_login(officer)
    assert client.get("/admin/reports/petitions/").status_code in (302, 403)
    client.force_login(leader)
    page = client.get("/admin/reports/petitions/")
    assert page.status_code == 200 and "Sở hữu trí tuệ" in page.content.decode()
    today = dt.date.today()
    params = {"date_from": today.replace(day=1).isoformat(), "date_to": today.isoformat(), "period": "quarter"}
    export = client.get("/admin/reports/petitions/", {**params, "export": "xlsx"})
    assert export.status_code == 200
    book = load_workbook(io.BytesIO(export.content))
    rows = list(book.worksheets[0].values)
    total = rows[-1]
    assert total[0] == "Tổng cộng" and total[1] == 3 and total[4] == 1 and total[5] == 1 and total[8] == 50.0
    fields = {r[0]: r for r in list(book.worksheets[1].values)[1:]}
    assert fields["Sở hữu trí tuệ"][5] == 1
    assert ReportExport.objects.filter(user=leader, report="petitions", file_format="xlsx").count() == 1
    assert ModelLogEntry.objects.filter(action="portal.report_export").exists()
    assert (
        client.get("/admin/reports/petitions/", {"date_from": "2026-05-01", "date_to": "2026-01-01"}).status_code == 200
    )


def test_publication_refused_when_the_citizen_said_no(client, staff):
    officer, leader = staff
    petition, _ = submit(client, publish_allowed=False)
    answer(petition, officer, leader)
    with pytest.raises(services.PetitionActionError, match="không công bố|không được công bố"):
        services.petition_publish(
            petition=petition, user=leader, title="Tiêu đề công bố", question="Câu hỏi", answer="<p>Trả lời</p>"
        )
    assert not PetitionPublication.objects.exists()


def test_published_questions_are_a_type_of_the_site_search(client, staff, category):
    from portal.news.tests.factories import make_article

    officer, leader = staff
    petition, _key = submit(client)
    petition = answer(petition, officer, leader, "<p>Hồ sơ <b>đăng ký</b> gửi về Phòng Quản lý khoa học.</p>")
    services.petition_publish(
        petition=petition,
        user=leader,
        title="Đăng ký nhiệm vụ khoa học cấp tỉnh",
        question="Thủ tục đăng ký nhiệm vụ thế nào?",
        answer=petition.answer.body,
    )
    make_article(category, "Kế hoạch tuyển chọn nhiệm vụ năm 2027")

    # The header search (no type) opens news and shows the number found in Hỏi đáp.
    html = client.get("/tim-kiem/", {"q": "nhiem vu"}).content.decode()
    assert 'aria-current="page">Tin bài' in html and 'Hỏi đáp <span class="search-type-count">(1)' in html
    assert "Kế hoạch tuyển chọn" in html and "cấp tỉnh</a>" not in html
    # The Hỏi đáp tab: marked title, excerpt from the question, the field and the link.
    qa = client.get("/tim-kiem/", {"q": "dang ky", "type": "hoi-dap"}).content.decode()
    assert "<mark>Đăng</mark> <mark>ký</mark> nhiệm vụ khoa học cấp tỉnh" in qa
    assert "Khoa học và công nghệ" in qa and f'href="/hoi-dap/{petition.publication.slug}/"' in qa
    assert GOOD["full_name"] not in qa and GOOD["phone"] not in qa
    # Words found only in the answer: the excerpt comes from the answer, without its tags.
    answer_only = client.get("/tim-kiem/", {"q": "phong quan ly", "type": "hoi-dap"}).content.decode()
    assert "<mark>Phòng</mark> <mark>Quản</mark> <mark>lý</mark> khoa học" in answer_only and "<b>" not in answer_only
    # Punctuation alone finds nothing in either type (not every entry).
    nonsense = client.get("/tim-kiem/", {"q": "???", "type": "hoi-dap"}).content.decode()
    assert 'Hỏi đáp <span class="search-type-count">(0)' in nonsense and "cấp tỉnh</a>" not in nonsense
    # No news matches and no type asked for: the Hỏi đáp tab opens by itself.
    assert 'aria-current="page">Hỏi đáp' in client.get("/tim-kiem/", {"q": "thu tuc"}).content.decode()
    # The date range applies to the questions too; a withdrawn entry leaves the results.
    old = client.get("/tim-kiem/", {"q": "dang ky", "type": "hoi-dap", "to": "2020-01-01"}).content.decode()
    assert "cấp tỉnh</a>" not in old
    services.petition_unpublish(petition=petition, user=leader)
    gone = client.get("/tim-kiem/", {"q": "dang ky", "type": "hoi-dap"}).content.decode()
    assert "cấp tỉnh</a>" not in gone


def test_published_questions_api_searches_like_the_page(client, staff):
    officer, leader = staff
    petition, _key = submit(client)
    petition = answer(petition, officer, leader)
    services.petition_publish(
        petition=petition,
        user=leader,
        title="Đăng ký nhiệm vụ khoa học cấp tỉnh",
        question="Thủ tục đăng ký nhiệm vụ thế nào?",
        answer=petition.answer.body,
    )
    data = client.get("/api/v1/feedback/questions", {"q": "dang ky nhiem vu"}).json()
    assert data["count"] == 1 and data["items"][0]["title"] == "Đăng ký nhiệm vụ khoa học cấp tỉnh"
    item = data["items"][0]
    assert item["url"].endswith(f"/hoi-dap/{petition.publication.slug}/") and item["field"] == "Khoa học và công nghệ"
    assert GOOD["full_name"] not in json.dumps(data) and GOOD["phone"] not in json.dumps(data)
    assert client.get("/api/v1/feedback/questions", {"q": "khong co tu nay"}).json()["count"] == 0
    assert client.get("/api/v1/feedback/questions", {"year": 1990}).status_code == 422
    assert client.get("/api/v1/feedback/questions", {"page_size": 500}).status_code == 422
    services.petition_unpublish(petition=petition, user=leader)
    assert client.get("/api/v1/feedback/questions").json()["count"] == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hàng xóm là ông Trần Văn Bình đổ rác ra đường Lê Lợi.", "Hàng xóm là ông […] đổ rác ra đường Lê Lợi."),
        ("Anh Tuấn nói với bà Nguyễn Thị Hồng rằng chị Lan biết.", "Anh […] nói với bà […] rằng chị […] biết."),
        ("Nguyễn Thị Mai Anh ở Thành phố Hồ Chí Minh hỏi.", "[…] ở Thành phố Hồ Chí Minh hỏi."),
        ("Học tập tư tưởng Hồ Chí Minh tại Trường Nguyễn Du.", "Học tập tư tưởng Hồ Chí Minh tại Trường Nguyễn Du."),
        (
            "Em xin hỏi Giám đốc Sở Khoa học và Công nghệ, UBND tỉnh và KH&CN.",
            "Em xin hỏi Giám đốc Sở Khoa học và Công nghệ, UBND tỉnh và KH&CN.",
        ),
    ],
)
def test_anonymise_removes_other_peoples_names(home, text, expected):
    petition = Petition(full_name="Đỗ Minh Khôi", address="")
    assert services.anonymise(text, petition) == expected

"""The citizen's pages (views.py): the form without JavaScript, tracking with code + key or code +
contact, the track page, and the live counters on every page."""

import re

from portal.feedback.models import Petition, PetitionField

from .factories import GOOD, post


def test_tracking_needs_the_key_or_the_contact(portal, client):
    body = post(client, GOOD).json()
    url = f"/api/v1/feedback/{body['code']}"
    found = client.get(url, {"key": body["key"].lower()})
    assert found.status_code == 200
    data = found.json()
    assert data["status"] == "received" and data["status_label"] == "Đã tiếp nhận"
    assert [h["status"] for h in data["history"]] == ["received"]
    assert "phone" not in data and "email" not in data and "full_name" not in data
    assert client.get(url, {"contact": "0912345678"}).status_code == 404  # contacts only in the page's POST
    assert (
        client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": body["code"], "contact": "HOA@example.vn"}).status_code
        == 200
    )
    wrong = client.get(url, {"key": "AAAAAAAAAA"})
    unknown = client.get("/api/v1/feedback/PAKN-2026-999999", {"key": body["key"]})
    assert wrong.status_code == unknown.status_code == 404
    assert wrong.json() == unknown.json()  # no hint that the code exists
    assert client.get(url).status_code == 404


def test_counters_are_live_on_every_page(portal, client, django_capture_on_commit_callbacks):
    assert client.get("/api/v1/feedback/stats").json() == {"answered": 0, "processing": 0, "refused": 0, "received": 0}
    with django_capture_on_commit_callbacks(execute=True):
        post(client, GOOD)
    assert client.get("/api/v1/feedback/stats").json()["received"] == 1  # cache dropped on change
    home = client.get("/").content.decode()
    assert "Phản ánh, kiến nghị" in home and "Đang xử lý" in home


def test_form_works_without_javascript(portal, client):
    page = client.get("/phan-anh-kien-nghi/gui/")
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]  # the form carries a one-time token: never cached
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    field = PetitionField.objects.get(name="Khoa học và công nghệ")
    form = {**GOOD, "field": field.pk, "consent": "1", "token": token}
    form.pop("publish_allowed")
    bad = client.post("/phan-anh-kien-nghi/gui/", {**form, "email": "sai@", "phone": ""})
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "Phản ánh, kiến nghị chưa được gửi. Vui lòng sửa:" in text
    assert 'aria-invalid="true"' in text and GOOD["title"] in text  # what was typed stays
    sent = client.post("/phan-anh-kien-nghi/gui/", form)
    assert sent.status_code == 200
    petition = Petition.objects.get()
    assert petition.code in sent.content.decode() and petition.publish_allowed is True
    twice = client.post("/phan-anh-kien-nghi/gui/", form)  # the browser's "send again"
    assert twice.status_code == 200 and Petition.objects.count() == 1
    trap = client.post("/phan-anh-kien-nghi/gui/", {**form, "token": "other", "ho_so_bo_sung": "http://spam"})
    assert trap.status_code == 400 and Petition.objects.count() == 1
    no_publish = client.post(
        "/phan-anh-kien-nghi/gui/", {**form, "token": "third", "no_publish": "1", "title": "Không công bố"}
    )
    assert no_publish.status_code == 200 and not Petition.objects.get(title="Không công bố").publish_allowed


def test_track_page(portal, client):
    body = post(client, GOOD).json()
    page = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": body["code"].lower(), "contact": "0912.345.678"})
    assert page.status_code == 200 and GOOD["title"] in page.content.decode()
    assert GOOD["phone"] not in page.content.decode() and GOOD["full_name"] not in page.content.decode()
    miss = client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": body["code"], "key": "SAI"})
    assert miss.status_code == 404 and GOOD["title"] not in miss.content.decode()


def test_bad_filters_of_the_questions_page_are_explained(portal, client):
    """Issue 14.4: ?nam=1, ?nam=10000 and a forty-digit field were server errors."""
    for query, message in [
        ("nam=1", "Năm phải trong khoảng từ 1900 đến 2100."),
        ("nam=10000", "Năm phải trong khoảng từ 1900 đến 2100."),
        ("linh-vuc=" + "9" * 40, "Lĩnh vực đã chọn không tồn tại."),
        ("linh-vuc=abc", "Lĩnh vực đã chọn không tồn tại."),
    ]:
        response = client.get(f"/hoi-dap/?{query}")
        assert response.status_code == 400 and message in response.content.decode(), query
    assert client.get("/hoi-dap/?nam=2026").status_code == 200

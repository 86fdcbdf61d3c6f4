"""The admin as the task managers use it: list with filters and search, the task's page with its
steps, the edit rule on end dates, the import with a preview; other staff are kept out."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp import DEVICE_ID_SESSION_KEY

from portal.science.models import Task, TaskEvent, TaskStatus

from .test_import import GOOD, _csv


def _login(client, user):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def admin_client(client, manager):
    return _login(client, manager)


def test_list_filters_search_and_export(admin_client, make_task):
    make_task()
    make_task("ĐT.02/2020", title="Dân ca", field="nhan-van", start="2020-01-01", end="2021-01-01")
    url = "/admin/snippets/science/task/"
    assert "ĐT.02/2020" in admin_client.get(url).content.decode()
    found = admin_client.get(url + "?q=nong+nghiep+cong+nghe").content.decode()
    assert "ĐT.01/2024" in found and "ĐT.02/2020" not in found
    filtered = admin_client.get(url + "?year=2020").content.decode()
    assert "ĐT.02/2020" in filtered and "ĐT.01/2024" not in filtered
    export = admin_client.get(url + "?field=nhan-van&export=csv")
    text = b"".join(export.streaming_content).decode()
    assert export.status_code == 200 and "ĐT.02/2020" in text and "ĐT.01/2024" not in text
    assert admin_client.get(url + "?export=xlsx").status_code == 200


def test_steps_on_the_task_page(admin_client, make_task):
    task = make_task()
    url = f"/admin/snippets/science/task/inspect/{task.pk}/"
    page = admin_client.get(url).content.decode()
    assert 'value="approve"' in page and 'value="accept"' not in page
    assert admin_client.post(url, {"action": "approve", "approve-selection": "tuyen-chon"}).status_code == 302
    assert admin_client.post(url, {"action": "start"}).status_code == 302
    refused = admin_client.post(url, {"action": "accept", "accept-rating": "kha", "accept-accepted_on": "01/01/2024"})
    assert refused.status_code == 400 and "trước ngày bắt đầu" in refused.content.decode()
    assert admin_client.post(url, {"action": "approve", "approve-selection": "tuyen-chon"}).status_code in (302, 403)
    assert TaskEvent.objects.filter(task=task, action="approve").count() == 1
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS


def test_create_and_edit_leave_history_and_protect_the_end_date(admin_client, host, make_task):
    data = {
        "code": "ĐT.05/2025", "title": "Máy sấy năng lượng mặt trời", "kind": "de-tai", "level": "tinh",
        "field": "ky-thuat-cong-nghe", "host": host.pk, "investigator": "TS. Đỗ Hải", "members": "",
        "start": "01/02/2025", "end": "01/02/2026", "budget_province": "500000000", "budget_other": "0",
        "summary": "", "results": "", "application": "", "registration_number": "", "registration_date": "",
        "documents-TOTAL_FORMS": "0", "documents-INITIAL_FORMS": "0", "documents-MIN_NUM_FORMS": "0", "documents-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    assert admin_client.post("/admin/snippets/science/task/add/", data).status_code == 302
    task = Task.objects.get(code="ĐT.05/2025")
    assert task.status == TaskStatus.PROPOSED and TaskEvent.objects.filter(task=task, action="create").exists()
    Task.objects.filter(pk=task.pk).update(status=TaskStatus.IN_PROGRESS, selection="tuyen-chon")
    response = admin_client.post(f"/admin/snippets/science/task/edit/{task.pk}/", {**data, "end": "01/06/2026"})
    assert response.status_code == 200 and "Gia hạn" in response.content.decode()
    task.refresh_from_db()
    assert str(task.end) == "2026-02-01"


def test_import_with_preview(admin_client):
    upload = SimpleUploadedFile("nv.csv", _csv(*GOOD, "X;thiếu cột"), content_type="text/csv")
    preview = admin_client.post("/admin/science/import/", {"file": upload})
    page = preview.content.decode()
    assert preview.status_code == 200 and "chưa ghi gì" in page and "nhiệm vụ mới" in page
    assert not Task.objects.exists()
    confirmed = admin_client.post("/admin/science/import/", {"confirm": "1"})
    assert confirmed.status_code == 200 and Task.objects.count() == 2  # one bad row: the page stays with it
    assert admin_client.post("/admin/science/import/", {"confirm": "1"}).status_code == 302  # file used once


def test_an_import_longer_than_a_request_is_refused_with_the_command_to_use(admin_client, settings):
    """The admin's import runs inside one request (30 s at most): more rows than
    ADMIN_IMPORT_MAX_ROWS are refused before any is checked, nothing is kept or written."""
    settings.ADMIN_IMPORT_MAX_ROWS = 1
    upload = SimpleUploadedFile("nv.csv", _csv(GOOD[0], ";;;", GOOD[1]), content_type="text/csv")
    refused = admin_client.post("/admin/science/import/", {"file": upload})
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Tệp có 2 dòng" in page and "import_science_tasks" in page and "chưa ghi gì" not in page
    assert admin_client.post("/admin/science/import/", {"confirm": "1"}).status_code == 302  # nothing kept
    assert not Task.objects.exists()
    settings.ADMIN_IMPORT_MAX_ROWS = 2  # blank rows do not count
    upload = SimpleUploadedFile("nv.csv", _csv(GOOD[0], ";;;", GOOD[1]), content_type="text/csv")
    assert "chưa ghi gì" in admin_client.post("/admin/science/import/", {"file": upload}).content.decode()


def test_other_staff_cannot_edit_tasks(client, editor, make_task):
    task = make_task()
    _login(client, editor)
    assert client.get("/admin/science/import/").status_code in (302, 403)
    upload = SimpleUploadedFile("nv.csv", _csv(*GOOD), content_type="text/csv")
    assert client.post("/admin/science/import/", {"file": upload}).status_code in (302, 403)
    assert client.get(f"/admin/snippets/science/task/edit/{task.pk}/").status_code in (302, 403)
    assert Task.objects.count() == 1

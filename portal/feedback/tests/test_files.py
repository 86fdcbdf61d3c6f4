"""Attachments of petitions (files.py): type read from the content, metadata removed, limits,
nothing stored half-way, virus scan, who may download."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.feedback import services
from portal.feedback.files import FileRejected, check_file
from portal.feedback.models import FileKind, Petition, PetitionField, PetitionFile

from .factories import GOOD, PDF, form_data, jpeg_with_exif, make_staff, office, plain_zip


def test_file_checks_by_content():
    stored = check_file("ảnh/../chụp.jpg", jpeg_with_exif())
    assert stored.content_type == "image/jpeg" and stored.name == "chụp.jpg"
    assert b"Camera maker" not in stored.data and not Image.open(io.BytesIO(stored.data)).getexif()
    assert check_file("don.pdf.exe", PDF).name == "don.pdf.pdf"
    assert check_file("bang.xlsx", office("xlsx")).content_type.endswith("spreadsheetml.sheet")
    assert check_file("van-ban.docx", office("docx")).content_type.endswith("wordprocessingml.document")
    for name, data, message in [
        ("virus.pdf", b"MZ\x90\x00 not a pdf", "Chỉ nhận"),
        ("fake.png", b"\x89PNG\r\n\x1a\n" + b"garbage" * 10, "hỏng"),
        ("macro.docx", office("docx", macro=True), "macro"),
        ("script.pdf", PDF + b"/JavaScript (app.alert(1))", "mã lệnh"),
        ("empty.pdf", b"", "trống"),
        ("big.pdf", PDF + b"0" * (settings.FEEDBACK_MAX_FILE_MB * 1024 * 1024), "lớn hơn"),
        ("archive.zip", plain_zip(), "Chỉ nhận"),
    ]:
        with pytest.raises(FileRejected, match=message):
            check_file(name, data)


def test_api_multipart_with_files_and_staff_only_download(home, client):
    files = [
        SimpleUploadedFile("don.pdf", PDF, "application/pdf"),
        SimpleUploadedFile("anh.jpg", jpeg_with_exif(), "image/jpeg"),
    ]
    response = client.post("/api/v1/feedback", {**form_data(), "files": files})
    assert response.status_code == 201, response.content
    petition = Petition.objects.get(code=response.json()["code"])
    rows = list(petition.files.order_by("pk"))
    assert [r.name for r in rows] == ["don.pdf", "anh.jpg"] and all(r.kind == FileKind.CITIZEN for r in rows)
    path = Path(rows[0].file.path)
    assert (
        path.is_file() and str(settings.PRIVATE_MEDIA_ROOT) in str(path) and str(settings.MEDIA_ROOT) not in str(path)
    )
    url = f"/admin/petitions/file/{rows[0].pk}/"
    assert client.get(url).status_code in (302, 403)  # anonymous
    officer = make_staff("canbo", "Cán bộ xử lý PAKN")
    client.force_login(officer)
    download = client.get(url)
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["X-Content-Type-Options"] == "nosniff" and "attachment" in download["Content-Disposition"]


def test_a_bad_file_stores_nothing(home, client):
    before = (
        {p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file()}
        if Path(settings.PRIVATE_MEDIA_ROOT).exists()
        else set()
    )
    files = [SimpleUploadedFile("don.pdf", PDF), SimpleUploadedFile("giả.png", b"<?php system($_GET['c']); ?>")]
    response = client.post("/api/v1/feedback", {**form_data(), "files": files})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["field"] == "attachments" and "giả" in detail[0]["message"] and "Chỉ nhận" in detail[0]["message"]
    too_many = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(settings.FEEDBACK_MAX_FILES + 1)]
    assert client.post("/api/v1/feedback", {**form_data(), "files": too_many}).status_code == 422
    assert not Petition.objects.exists() and not PetitionFile.objects.exists()
    after = (
        {p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file()}
        if Path(settings.PRIVATE_MEDIA_ROOT).exists()
        else set()
    )
    assert after == before


def test_form_with_attachment_and_answer_files_by_token(home, client):
    page = client.get("/phan-anh-kien-nghi/gui/").content.decode()
    assert 'enctype="multipart/form-data"' in page and 'name="attachments"' in page
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    field = PetitionField.objects.get(name=GOOD["field"])
    data = {
        **form_data(field=field.pk),
        "consent": "1",
        "token": token,
        "attachments": SimpleUploadedFile("don.pdf", PDF),
    }
    assert client.post("/phan-anh-kien-nghi/gui/", data).status_code == 200
    petition = Petition.objects.get()
    assert petition.files.count() == 1
    officer, leader = make_staff("canbo", "Cán bộ xử lý PAKN"), make_staff("lanhdao", "Lãnh đạo duyệt PAKN")
    services.petition_accept(petition=petition, user=officer)
    services.petition_answer_save(
        petition=petition, user=officer, body="<p>Trả lời kèm tệp.</p>", files=[("tra-loi.pdf", PDF)], submit=True
    )
    answer_file = petition.files.get(kind=FileKind.ANSWER)
    assert client.get(f"/phan-anh-kien-nghi/tep/{answer_file.token}/").status_code == 404  # not answered yet
    services.petition_answer_approve(petition=petition, user=leader)
    served = client.get(f"/phan-anh-kien-nghi/tep/{answer_file.token}/")
    assert served.status_code == 200 and b"".join(served.streaming_content) == PDF
    citizen_file = petition.files.get(kind=FileKind.CITIZEN)
    assert client.get(f"/phan-anh-kien-nghi/tep/{citizen_file.token}/").status_code == 404  # never public


def test_virus_scan_refuses_infected_files_and_files_it_cannot_check(home, client, scanner, settings):
    assert check_file("don.pdf", PDF).content_type == "application/pdf"
    infected = PDF + b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n"
    with pytest.raises(FileRejected, match="có vi-rút"):
        check_file("don.pdf", infected)
    with pytest.raises(FileRejected, match="gửi lại sau"):
        check_file("don.pdf", PDF + b"SCANFAIL")
    settings.FEEDBACK_SCAN_COMMAND = "/khong/co/lenh/nay -"
    with pytest.raises(FileRejected, match="gửi lại sau"):
        check_file("don.pdf", PDF)
    # Through the API: the petition is refused with the file's message and nothing is stored.
    settings.FEEDBACK_SCAN_COMMAND = f"{scanner} -"
    response = client.post("/api/v1/feedback", {**form_data(), "files": [SimpleUploadedFile("don.pdf", infected)]})
    assert response.status_code == 422 and "vi-rút" in response.json()["detail"][0]["message"]
    assert not Petition.objects.exists() and not PetitionFile.objects.exists()


def test_files_are_looked_at_only_after_the_cheap_checks(home, client, settings, monkeypatch):
    """Issue 14.2: the files of an invalid or rate-limited petition were decoded anyway."""
    decoded = []
    monkeypatch.setattr(
        "portal.feedback.services.submission.check_files", lambda files: decoded.append(files) or ([], [])
    )
    photo = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    invalid = client.post("/api/v1/feedback", {**form_data(title=""), "files": [photo]})
    assert invalid.status_code == 422 and decoded == []
    settings.FEEDBACK_LIMIT_PER_IP_HOUR = 0
    photo.seek(0)
    limited = client.post("/api/v1/feedback", {**form_data(), "files": [photo]})
    assert limited.status_code == 429 and decoded == []
    settings.FEEDBACK_LIMIT_PER_IP_HOUR = 10
    photo.seek(0)
    assert client.post("/api/v1/feedback", {**form_data(), "files": [photo]}).status_code == 201
    assert len(decoded) == 1

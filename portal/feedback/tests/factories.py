"""Test data and helpers shared by the petition tests: a valid petition, posting it, staff accounts
in the petition roles, and files of each kind."""

import io
import json
import zipfile

from django.contrib.auth import get_user_model
from PIL import Image

from portal.feedback import services
from portal.feedback.models import (
    Petition,
)

GOOD = {
    "full_name": "Nguyễn Thị Hoa",
    "address": "Phường Gia Cẩm, Việt Trì",
    "phone": "0912 345 678",
    "email": "hoa@example.vn",
    "title": "Đề nghị hướng dẫn đăng ký nhiệm vụ",
    "content": "Tôi muốn được hướng dẫn thủ tục đăng ký nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2027.",
    "field": "Khoa học và công nghệ",
    "consent": True,
    "publish_allowed": True,
}


def post(client, data, **headers):
    return client.post("/api/v1/feedback", data=json.dumps(data), content_type="application/json", **headers)


def make_staff(username: str, group: str, email: str = ""):
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, password="x-Secret-123", email=email, first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


def submit(client, **change):
    body = post(client, {**GOOD, **change}).json()
    return Petition.objects.get(code=body["code"]), body["key"]


def answer(petition, officer, leader, text="<p>Sở đã hướng dẫn thủ tục đăng ký.</p>"):
    services.petition_accept(petition=petition, user=officer)
    services.petition_answer_save(petition=petition, user=officer, body=text, submit=True)
    services.petition_answer_approve(petition=petition, user=leader)
    return Petition.objects.get(pk=petition.pk)


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker of Nguyen Thi Hoa"  # Make
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def office(kind: str, macro: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<x/>")
        if macro:
            archive.writestr("word/vbaProject.bin", b"\0")
    return out.getvalue()


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("payload/run.sh", "rm -rf /")
    return out.getvalue()


def form_data(**extra):
    data = {k: v for k, v in GOOD.items() if k not in ("consent", "publish_allowed")}
    return {**data, "consent": "true", **extra}

"""Test data and helpers shared by the petition tests: a valid petition, posting it, staff accounts
in the petition roles, and files of each kind."""

import json

from django.contrib.auth import get_user_model

from portal.core.tests.files import PDF, office, picture, plain_zip  # noqa: F401 (shared with the tests)
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


def jpeg_with_exif() -> bytes:
    return picture("JPEG", exif="Camera maker of Nguyen Thi Hoa")


def form_data(**extra):
    data = {k: v for k, v in GOOD.items() if k not in ("consent", "publish_allowed")}
    return {**data, "consent": "true", **extra}


def solve(question: str) -> str:
    """What a person answers to the question after repeated attempts (every form it takes)."""
    import re

    from portal.core.challenge import WORDS

    def value(token: str) -> int:
        return int(token) if token.isdigit() else WORDS.index(token.lower())

    words = "|".join(sorted(WORDS, key=len, reverse=True))
    numbers = [value(t) for t in re.findall(rf"\b(?:\d+|{words})\b", question.lower())]
    if "tổng" in question.lower() or "cộng" in question.lower():
        return str(numbers[0] + numbers[1])
    if "bớt" in question.lower() or "trừ" in question.lower() or "còn" in question.lower():
        return str(max(numbers[:2]) - min(numbers[:2]))
    if "lớn hơn" in question.lower():
        return str(max(numbers[:2]))
    return str(numbers[0])

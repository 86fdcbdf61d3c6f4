"""The self-hosted question after repeated attempts (challenge.py)."""

import json
import re

from portal.feedback.models import Petition

from .factories import GOOD


def test_question_after_repeated_attempts(home, client, settings):
    settings.FEEDBACK_CHALLENGE_AFTER = 2

    def post(data, **kw):
        return client.post("/api/v1/feedback", data=json.dumps(data), content_type="application/json", **kw)

    assert post({**GOOD, "title": "Hỏi"}).status_code == 422  # attempt 1 (invalid)
    assert post(GOOD).status_code == 201  # attempt 2
    asked = post({**GOOD, "title": "Lần thứ ba gửi"})
    assert asked.status_code == 422
    body = asked.json()
    assert body["detail"][0]["field"] == "challenge" and "cộng" in body["challenge"]["question"]
    token = body["challenge"]["token"]
    words = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
    a, b = re.match(r"(\w+) cộng (\w+)", body["challenge"]["question"]).groups()
    right = str(words.index(a.lower()) + words.index(b))
    assert (
        post(
            {**GOOD, "title": "Lần thứ ba gửi", "challenge_token": token, "challenge_answer": str(int(right) + 1)}
        ).status_code
        == 422
    )
    assert (
        post({**GOOD, "title": "Lần thứ ba gửi", "challenge_token": token, "challenge_answer": right}).status_code
        == 201
    )
    reused = post({**GOOD, "title": "Dùng lại câu hỏi", "challenge_token": token, "challenge_answer": right})
    assert reused.status_code == 422 and Petition.objects.count() == 2  # a question answers once
    form = client.get("/phan-anh-kien-nghi/gui/").content.decode()
    assert 'name="challenge_answer"' in form and "cộng" in form

"""The self-hosted question after repeated attempts (challenge.py)."""

import json
import re

from portal.feedback.models import Petition

from .factories import GOOD, solve


def test_question_after_repeated_attempts(home, client, settings):
    settings.FEEDBACK_CHALLENGE_AFTER = 2

    def post(data, **kw):
        return client.post("/api/v1/feedback", data=json.dumps(data), content_type="application/json", **kw)

    assert post({**GOOD, "title": "Hỏi"}).status_code == 422  # attempt 1 (invalid)
    assert post(GOOD).status_code == 201  # attempt 2
    asked = post({**GOOD, "title": "Lần thứ ba gửi"})
    assert asked.status_code == 422
    body = asked.json()
    assert body["detail"][0]["field"] == "challenge" and "chữ số" in body["challenge"]["question"]
    token = body["challenge"]["token"]
    right = solve(body["challenge"]["question"])
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
    assert 'name="challenge_answer"' in form and "trả lời bằng chữ số" in form


def test_the_question_varies_in_form_and_each_form_is_answerable(monkeypatch):
    """Issue 14.13: a single regular expression read every question."""
    from portal.core import challenge

    questions = {challenge.challenge_new()["question"] for _ in range(300)}
    forms = {next((w for w in ("cộng", "Tổng", "bớt", "lớn hơn", "viết") if w in q), "?") for q in questions}
    assert forms == {"cộng", "Tổng", "bớt", "lớn hơn", "viết"}
    assert any(re.search(r"\d", q.split("(")[0]) for q in questions)  # digits sometimes…
    assert any(not re.search(r"\d", q.split("(")[0]) for q in questions)  # …words other times
    for _ in range(100):
        asked = challenge.challenge_new()
        assert challenge.challenge_passed(asked["token"], solve(asked["question"]))

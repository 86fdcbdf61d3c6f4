"""Tracking lookups (services/tracking.py) behind limits (issue 14.7: 1,200 code + phone
guesses in 37 s found a victim's petition and its title)."""

import json
import re

from portal.feedback.models import Petition

from .factories import GOOD, post, solve

VICTIM = "198.51.100.20"
ATTACKER = "203.0.113.66"


def lookup(client, code, contact, ip=ATTACKER, **extra):
    return client.post("/phan-anh-kien-nghi/tra-cuu/", {"code": code, "contact": contact, **extra}, REMOTE_ADDR=ip)


def test_guessing_a_phone_number_meets_the_question_then_the_limit(portal, client, settings):
    settings.FEEDBACK_LOOKUP_QUESTION_AFTER, settings.FEEDBACK_LOOKUP_FAILURES_PER_CODE_HOUR = 3, 6
    code = post(client, GOOD, REMOTE_ADDR=VICTIM).json()["code"]
    answers = [lookup(client, code, f"09123456{n:02d}").status_code for n in range(3)]
    assert answers == [404, 404, 404]
    asked = lookup(client, code, "0912345600")
    assert asked.status_code == 400 and "câu hỏi" in asked.content.decode()
    assert 'name="challenge_answer"' in asked.content.decode()
    # Even the right phone number needs the question now; the title is never shown without it.
    right = lookup(client, code, GOOD["phone"])
    assert right.status_code == 400 and GOOD["title"] not in right.content.decode()
    # From another address the same code is questioned too (the failures are counted per code).
    assert lookup(client, code, GOOD["phone"], ip="192.0.2.1").status_code == 400
    # Answered questions let the guessing go on only up to the limit per code: then 429.
    statuses = []
    for n in range(6):
        page = lookup(client, code, f"09876543{n:02d}")
        if page.status_code == 429:
            statuses.append(429)
            break
        html = page.content.decode()
        token = re.search(r'name="challenge_token" value="([^"]+)"', html).group(1)
        question = re.search(r'<label for="id_challenge">([^<]+) \*</label>', html).group(1)
        answer = solve(question)
        answered = lookup(client, code, f"09876543{n:02d}", challenge_token=token, challenge_answer=answer)
        statuses.append(answered.status_code)
    assert statuses == [404, 404, 404, 429]  # 3 failures before the question + 3 after = the limit
    assert "thử lại" in lookup(client, code, GOOD["phone"], ip="192.0.2.2").content.decode()


def test_lookups_per_address_are_limited(portal, client, settings):
    settings.FEEDBACK_LOOKUPS_PER_IP_HOUR = 5
    settings.FEEDBACK_LOOKUP_QUESTION_AFTER = 100
    answers = [lookup(client, f"PAKN-2026-{n:06d}", "0912000000").status_code for n in range(7)]
    assert answers == [404] * 5 + [429] * 2


def test_the_api_takes_the_key_in_a_header_or_a_body_and_is_limited(portal, client, settings):
    settings.FEEDBACK_LOOKUP_QUESTION_AFTER = 2
    body = post(client, GOOD).json()
    code, key = body["code"], body["key"]
    assert client.get(f"/api/v1/feedback/{code}", HTTP_X_PETITION_KEY=key).json()["code"] == code
    found = client.post(f"/api/v1/feedback/{code}/lookup", json.dumps({"contact": GOOD["email"]}), "application/json")
    assert found.status_code == 200 and found.json()["title"] == GOOD["title"]
    for guess in ("AAAAAAAAAA", "BBBBBBBBBB"):
        wrong = client.post(f"/api/v1/feedback/{code}/lookup", json.dumps({"key": guess}), "application/json")
        assert wrong.status_code == 404
    asked = client.post(f"/api/v1/feedback/{code}/lookup", json.dumps({"key": key}), "application/json")
    assert asked.status_code == 422 and asked.json()["challenge"]["question"]
    assert Petition.objects.count() == 1


def test_the_schema_documents_the_error_answers(client):
    schema = client.get("/api/v1/openapi.json").json()
    lookup_op = schema["paths"]["/api/v1/feedback/{code}/lookup"]["post"]
    assert {"200", "404", "422", "429"} <= set(lookup_op["responses"])
    submit = schema["paths"]["/api/v1/feedback"]["post"]
    assert {"201", "400", "422", "429"} <= set(submit["responses"])

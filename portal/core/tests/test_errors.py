"""The database away (issue 14.15): 503 with Retry-After, JSON under /api/, the static page
elsewhere; JSON bodies too large refused from their Content-Length (14.11); forms and ratings
posted by other sites refused (14.12)."""

import json

import pytest
from django.db import OperationalError

from portal.feedback.tests.factories import GOOD, form_data


def database_away(*args, **kwargs):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def quiet_client(client):
    client.raise_request_exception = False
    return client


def test_the_api_answers_503_in_json(quiet_client, home, monkeypatch):
    monkeypatch.setattr("portal.feedback.api.petition_counters", database_away)
    response = quiet_client.get("/api/v1/feedback/stats")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("application/json") and "thử lại" in response.json()["detail"]


def test_pages_answer_503_with_the_friendly_page(quiet_client, home, monkeypatch):
    monkeypatch.setattr("portal.feedback.wagtail_hooks.petition_counters", database_away)
    response = quiet_client.get("/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Sẽ trở lại sau ít phút" in response.content.decode()


def test_other_errors_stay_500_and_json_under_the_api(quiet_client, home, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("portal.feedback.api.petition_counters", broken)
    response = quiet_client.get("/api/v1/feedback/stats")
    assert response.status_code == 500 and "detail" in response.json()


def test_large_json_is_refused_before_it_is_read(client, home):
    body = json.dumps({**GOOD, "content": "A" * 400_000})
    response = client.post("/api/v1/feedback", body, content_type="application/json")
    assert response.status_code == 413 and "KB" in response.json()["detail"]


def test_other_sites_cannot_post_petitions_or_ratings(client, home):
    from portal.feedback.models import Petition, SiteRating

    evil = {"HTTP_ORIGIN": "https://evil.example"}
    assert client.post("/api/v1/feedback", form_data(), **evil).status_code == 403  # multipart
    assert (
        client.post("/api/v1/feedback", "full_name=x", content_type="application/x-www-form-urlencoded").status_code
        == 415
    )
    assert client.post("/danh-gia-hai-long/", {"score": "5"}, **evil).status_code == 403
    assert client.post("/danh-gia-hai-long/", {"score": "5"}, HTTP_ORIGIN="null").status_code == 403
    assert not Petition.objects.exists() and not SiteRating.objects.exists()
    # From the site's own pages (same origin), and from programs that name no origin, it works.
    assert client.post("/api/v1/feedback", form_data(), HTTP_ORIGIN="http://testserver").status_code == 201
    assert client.post("/danh-gia-hai-long/", {"score": "5"}, HTTP_REFERER="http://testserver/").status_code == 201


def test_a_nul_character_in_the_address_is_refused(client, home):
    """PostgreSQL refuses NUL in any text: ?category=%00 on the article API was a 500 there."""
    assert client.get("/api/v1/articles?category=%00").status_code == 400
    page = client.get("/tim-kiem/?q=a%00b")
    assert page.status_code == 400 and "không được phép" in page.content.decode()

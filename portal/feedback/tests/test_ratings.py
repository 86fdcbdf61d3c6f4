"""Ratings (services/ratings.py): citizens rate an answer and the portal."""

import re

import pytest

from portal.feedback import services
from portal.feedback.models import (
    SiteRating,
)

from .factories import answer, submit


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


def test_the_satisfaction_page_without_javascript(client, home):
    asked = client.get("/danh-gia-hai-long/").content.decode()
    assert 'name="score"' in asked and "Quay lại trang" not in asked
    refused = client.post("/danh-gia-hai-long/", {"score": "x", "next": "/tin-tuc/"})
    html = refused.content.decode()
    assert refused.status_code == 400 and 'role="alert"' in html and 'name="score"' in html  # asked again
    thanked = client.post("/danh-gia-hai-long/", {"score": "4", "next": "/tin-tuc/"}).content.decode()
    assert 'role="status"' in thanked and 'href="/tin-tuc/"' in thanked and 'name="score"' not in thanked

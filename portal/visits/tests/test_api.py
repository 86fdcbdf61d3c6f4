"""The visit beacon (api.py): counts and returns the counters, refuses bad input in Vietnamese."""

from django.utils import timezone

from portal.core.tests.factories import DESKTOP, PHONE
from portal.visits import services
from portal.visits.models import (
    DailyReferrer,
    DailyTotal,
)


def test_beacon_api_counts_and_returns_counters(client, home, category):
    response = client.post(
        "/api/v1/visits/hit",
        {"page": category.pk, "referrer": "https://zalo.me/x"},
        content_type="application/json",
        HTTP_USER_AGENT=PHONE,
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert set(response.json()) == {"online", "today", "month", "total", "page_views"}
    assert response.json()["page_views"] is None  # a category page keeps no counter of its own
    pixel = client.get(f"/api/v1/visits/hit.gif?page={category.pk}", HTTP_USER_AGENT=DESKTOP)
    assert pixel["Content-Type"] == "image/gif"
    client.post("/api/v1/visits/hit", {}, content_type="application/json", HTTP_USER_AGENT="Googlebot/2.1")
    client.post(
        "/api/v1/visits/hit", {}, content_type="application/json", HTTP_USER_AGENT=DESKTOP, HTTP_SEC_PURPOSE="prefetch"
    )
    services.visits_flush()
    today = timezone.localdate()
    assert DailyTotal.objects.get(day=today).views == 2
    assert DailyReferrer.objects.get().host == "zalo.me"
    data = client.get("/api/v1/visits/counters").json()
    assert data == {"online": 2, "today": 2, "month": 2, "total": 2}


def test_beacon_rejects_bad_input_in_vietnamese(client, home):
    response = client.post(
        "/api/v1/visits/hit", {"page": "abc"}, content_type="application/json", HTTP_USER_AGENT=DESKTOP
    )
    assert response.status_code == 422
    assert "không hợp lệ" in response.json()["detail"][0]["message"]
    assert (
        client.post("/api/v1/visits/hit", {"referrer": "x" * 5000}, content_type="application/json").status_code == 422
    )
    services.visits_flush()
    assert not DailyTotal.objects.exists()

"""/healthz and /readyz (portal.core.health): liveness without dependencies, readiness per
dependency with its latency, 503 when one is down, never cached."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.core import health
from portal.core.jobs import registered_jobs
from portal.core.models import Heartbeat


def test_healthz_touches_no_dependency(client):
    # No database access is allowed in this test: one query would fail it.
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_each_dependency(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 200 and body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache"}  # tasks run in the request here
    assert all(item["ok"] and item["ms"] >= 0 for item in body["checks"].values())
    again = client.get("/readyz")
    assert "X-Page-Cache" not in again and "no-store" in again["Cache-Control"]


@pytest.mark.django_db
def test_readyz_answers_503_naming_what_is_down(client, monkeypatch):
    def down():
        raise ConnectionError("refused")

    monkeypatch.setattr(health, "_database", down)
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503 and body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "ok": False,
        "error": "ConnectionError",
        "ms": body["checks"]["database"]["ms"],
    }
    assert body["checks"]["cache"]["ok"]


@pytest.mark.django_db
def test_a_cache_serving_from_local_memory_is_down(monkeypatch):
    class Degraded:
        degraded = True

    monkeypatch.setattr(health, "caches", {"default": Degraded()})
    assert health.checks()["cache"]["ok"] is False


@pytest.mark.django_db
def test_worker_and_scheduler_heartbeats_with_the_database_queue(client, settings):
    settings.TASKS_BACKEND = "database"
    body = client.get("/readyz").json()
    assert body["checks"]["worker"]["ok"] is False and body["checks"]["scheduler"]["error"] == "LookupError"
    call_command("heartbeat")  # the scheduler's round; the test backend runs the worker's task at once
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    Heartbeat.objects.filter(name="worker").update(at=timezone.now() - dt.timedelta(minutes=10))
    stale = client.get("/readyz")
    assert stale.status_code == 503 and stale.json()["checks"]["worker"]["error"] == "TimeoutError"
    assert "heartbeat" in [job.name for job in registered_jobs()]

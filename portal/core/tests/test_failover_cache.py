"""A Redis outage (issue 14.3): with the cache server unreachable, pages, the API and
petitions keep working from each process's memory, with a logged warning, and the server is
used again when it is back. Runs without Redis: nothing listens on port 1 of this machine."""

import json
import logging

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

from portal.core.cache import FailoverCache
from portal.core.tests.factories import DESKTOP

DOWN = "redis://127.0.0.1:1/0"
OPTIONS = {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2}}
FAILOVER = {
    "default": {"BACKEND": "portal.core.cache.FailoverCache", "LOCATION": DOWN, "OPTIONS": OPTIONS},
    "pages": {"BACKEND": "portal.core.cache.FailoverCache", "LOCATION": DOWN, "TIMEOUT": 60, "OPTIONS": OPTIONS},
}


def test_an_unreachable_server_falls_back_to_memory_and_says_so_once(caplog):
    cache = FailoverCache(DOWN, {"OPTIONS": dict(OPTIONS)})
    with caplog.at_level(logging.WARNING, logger="portal.cache"):
        assert cache.add("n", 1, 60) and cache.incr("n") == 2
        cache.set("page", "<html>", 60)
        assert cache.get("page") == "<html>" and cache.get("missing") is None
        cache.delete_pattern("*")
        assert cache.get("page") is None
    assert cache.degraded
    assert [r.getMessage() for r in caplog.records].count(next(r.getMessage() for r in caplog.records)) == 1


def test_the_server_is_used_again_when_it_is_back(caplog):
    cache = FailoverCache(DOWN, {"OPTIONS": dict(OPTIONS)})
    cache.set("a", 1)
    assert cache.degraded
    cache.primary = LocMemCache("back", {})  # the server answers again
    cache._down_until = 0.1  # its retry time has passed
    with caplog.at_level(logging.INFO, logger="portal.cache"):
        cache.set("b", 2)
    assert cache.primary.get("b") == 2 and not cache.degraded
    assert "available again" in caplog.text


@pytest.fixture
def redis_down(settings):
    """Through pytest-django's `settings` (not override_settings), so that settings changed in
    the test are undone in the right order and the caches of later tests are the usual ones."""
    from portal.visits import buffer

    kept = buffer._buffer
    settings.CACHES, settings.REDIS_URL = FAILOVER, DOWN
    buffer._buffer = None
    yield
    buffer._buffer = kept
    for alias in ("default", "pages"):
        caches[alias].clear()


def test_with_redis_down_the_site_serves_and_accepts_petitions(home, article, client, redis_down, settings):
    from portal.feedback.models import Petition
    from portal.feedback.tests.factories import GOOD
    from portal.visits import buffer
    from portal.visits.selectors import counters

    assert client.get("/").status_code == 200
    assert client.get(article.url).status_code == 200
    assert client.get("/api/v1/articles").status_code == 200
    assert client.get("/tim-kiem/?q=hoi+nghi").status_code == 200
    beacon = client.post(
        "/api/v1/visits/hit", {"page": article.pk}, content_type="application/json", HTTP_USER_AGENT=DESKTOP
    )
    assert beacon.status_code == 200
    sent = client.post("/api/v1/feedback", data=json.dumps(GOOD), content_type="application/json")
    assert sent.status_code == 201 and Petition.objects.count() == 1
    buffer.get_buffer().flush()
    assert counters()["total"] >= 1  # the visit counted in memory reached the database
    # Rate limits still hold, per process.
    settings.FEEDBACK_LIMIT_PER_IP_HOUR = 1
    again = client.post(
        "/api/v1/feedback", data=json.dumps({**GOOD, "title": "Câu hỏi thứ hai"}), content_type="application/json"
    )
    assert again.status_code == 429

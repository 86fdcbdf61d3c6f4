"""Attempt counters (ratelimit.py) count every concurrent attempt (issue 14.13: 50 posts at once
from one address passed a limit of 3 when the workers shared file caches)."""

import datetime as dt
import os
from unittest import mock

import pytest
from django.utils import timezone

from portal.core import ratelimit
from portal.core.models import RateCounter

from .concurrency import at_once


@pytest.fixture
def file_caches(tmp_path, settings):
    files = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path / "cache")}
    settings.CACHES = {**settings.CACHES, "default": files}


@pytest.mark.django_db
def test_with_file_caches_counters_live_in_the_database(file_caches):
    assert not ratelimit._in_cache()
    assert [ratelimit.hit("k", 60) for _ in range(3)] == [1, 2, 3] and ratelimit.count("k") == 3
    assert RateCounter.objects.get(key="k").count == 3
    assert ratelimit.once("o", 60) and not ratelimit.once("o", 60)
    later = timezone.now() + dt.timedelta(seconds=61)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert ratelimit.count("k") == 0 and ratelimit.hit("k", 60) == 1  # a new window
        assert ratelimit.purge_expired() == 1  # "o" has expired; "k" is the new one


@pytest.mark.django_db
def test_with_memory_or_redis_counters_stay_in_the_cache():
    assert ratelimit._in_cache()
    assert [ratelimit.hit("m", 60) for _ in range(2)] == [1, 2] and not RateCounter.objects.exists()


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="concurrent writers need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_concurrent_hits_are_all_counted(file_caches):
    results = at_once(lambda: ratelimit.hit("burst", 3600), 30)
    assert sorted(results) == list(range(1, 31)) and ratelimit.count("burst") == 30

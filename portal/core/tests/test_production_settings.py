"""Production settings: they refuse to start without a real secret key or with DEBUG on, and they
share the caches between the workers of a machine even without Redis."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PROBE = (
    "import django, json; django.setup(); from django.conf import settings; "
    "print(json.dumps({k: (v['BACKEND'], v.get('OPTIONS', {}).get('BACKEND')) for k, v in settings.CACHES.items()}))"
)


GOOD_KEY = "Xq7-vR2pL9mZ4tB8nW1cK6yH3sD0fG5jA2eU7iO9pQ4rT1wE6yN8mB3vC5xZ0a"


def start_production(**env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "SECRET_KEY", "DEBUG")}
    environ.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_production_refuses_to_start_exposed():
    assert "started" in start_production(SECRET_KEY=GOOD_KEY).stdout
    missing = start_production()
    assert missing.returncode != 0 and "SECRET_KEY is required" in missing.stderr
    for weak in ("short", "k" * 60, "django-insecure-" + "a1b2c3d4e5" * 5):
        run = start_production(SECRET_KEY=weak)
        assert run.returncode != 0 and "at least 50 characters" in run.stderr, weak
    debug = start_production(SECRET_KEY=GOOD_KEY, DEBUG="1")
    assert debug.returncode != 0 and "DEBUG must be off" in debug.stderr


def caches_in_production(**env) -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    environ.update(DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY=GOOD_KEY, **env)
    run = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def test_without_redis_the_workers_share_file_caches():
    assert {tuple(v) for v in caches_in_production().values()} == {
        ("django.core.cache.backends.filebased.FileBasedCache", None)
    }


def test_with_redis_the_caches_are_in_redis():
    backends = caches_in_production(REDIS_URL="redis://127.0.0.1:6379/15")
    # Redis, behind the failover that keeps the site up when Redis is not (portal.core.cache).
    # The renditions' own kind of it does not write back what it read (portal.core.cache).
    assert {name: tuple(v) for name, v in backends.items()} == {
        "default": ("portal.core.cache.FailoverCache", "django_redis.cache.RedisCache"),
        "pages": ("portal.core.layeredcache.LayeredCache", "django_redis.cache.RedisCache"),
        "renditions": ("portal.core.layeredcache.RenditionCache", "django_redis.cache.RedisCache"),
    }

"""Production settings share the caches between the workers of a machine even without Redis."""

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


def caches_in_production(**env) -> dict:
    environ = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")}
    environ.update(DJANGO_SETTINGS_MODULE="portal.settings.production", SECRET_KEY="k" * 50, **env)
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
    assert {tuple(v) for v in backends.values()} == {
        ("portal.core.cache.FailoverCache", "django_redis.cache.RedisCache")
    }

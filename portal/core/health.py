"""Health endpoints for load balancers, systemd and monitoring (issue 17).

- `GET /healthz`: the process answers; touches nothing else (no database, no cache), so a
  restart is never triggered by a dependency's outage.
- `GET /readyz`: each dependency with its state and latency, as JSON: the database (a query),
  the cache (a write and a read of a probe key; a FailoverCache that has fallen back to local
  memory counts as down), and, when tasks go through the database queue, the task worker and
  the scheduler by their heartbeats (`Heartbeat`; the scheduler writes its own every round and
  enqueues `worker_heartbeat`, which the worker writes when it runs it). 200 when all are up,
  503 otherwise, so a node whose database is gone leaves the load balancer.

Both are never cached (by the browser, nginx or the page cache) and are not visits (the visit
counter counts page beacons only).
"""

from __future__ import annotations

import secrets
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_tasks import task

from .models import Heartbeat

# A heartbeat older than this is a process that stopped (the scheduler beats every round,
# 60 s by default, and asks the worker for one each round).
STALE_AFTER = timedelta(seconds=180)


def beat(name: str) -> None:
    Heartbeat.objects.update_or_create(name=name, defaults={"at": timezone.now()})


@task()
def worker_heartbeat() -> None:
    """Run by the task worker: proves it takes tasks from the queue."""
    beat("worker")


def _timed(check) -> dict:
    started = time.perf_counter()
    try:
        detail = check()
    except Exception as error:  # any failure of a dependency is its state, never a 500
        return {"ok": False, "error": type(error).__name__, "ms": round((time.perf_counter() - started) * 1000, 1)}
    result = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
    if isinstance(detail, dict):
        result.update(detail)
    return result


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _cache():
    cache = caches["default"]
    if getattr(cache, "degraded", False):
        raise ConnectionError("cache server down (serving from local memory)")
    key, value = "portal:readyz", secrets.token_hex(4)
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise ConnectionError("cache did not return what was written")


def _heartbeat(name: str):
    def check():
        last = Heartbeat.objects.filter(name=name).values_list("at", flat=True).first()
        if last is None:
            raise LookupError("no heartbeat yet")
        age = (timezone.now() - last).total_seconds()
        if age > STALE_AFTER.total_seconds():
            raise TimeoutError(f"last heartbeat {age:.0f} s ago")
        return {"age_s": round(age)}

    return check


def checks() -> dict[str, dict]:
    result = {"database": _timed(_database), "cache": _timed(_cache)}
    if settings.TASKS_BACKEND == "database":
        result["worker"] = _timed(_heartbeat("worker"))
        result["scheduler"] = _timed(_heartbeat("scheduler"))
    return result


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    result = checks()
    ready = all(item["ok"] for item in result.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": result}, status=200 if ready else 503)

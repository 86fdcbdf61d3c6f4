"""A cache that survives its server: Redis when it answers, this process's memory when not.

With Redis stopped, every request that touched the cache (pages, rate limits, counters, the
API) used to answer 500. `FailoverCache` wraps the real backend: an error of the server
(refused connection, time-out) switches this process to a local-memory cache, logs one
warning, and tries the server again after RETRY_SECONDS; meanwhile pages are rendered (misses
fall through), rate limits and counters count per process, and petitions are accepted. When
the server is back, it is used again and an info line says so.

What is lost while it is down is only what a cache may lose: cached pages and counters are
per process for that time, and rate limits are per process (a little more lenient).

Configured in settings as
    {"BACKEND": "portal.core.cache.FailoverCache", "LOCATION": REDIS_URL,
     "OPTIONS": {"BACKEND": "django_redis.cache.RedisCache", "OPTIONS": {...}}}
"""

from __future__ import annotations

import logging
import threading
import time

from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.module_loading import import_string

logger = logging.getLogger("portal.cache")

RETRY_SECONDS = 15


def _server_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [ConnectionError, TimeoutError, OSError]
    try:
        from django_redis.exceptions import ConnectionInterrupted
        from redis.exceptions import RedisError

        errors += [ConnectionInterrupted, RedisError]
    except ImportError:  # pragma: no cover - django-redis is a dependency
        pass
    return tuple(errors)


SERVER_ERRORS = _server_errors()


class FailoverCache(BaseCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        backend = options.pop("BACKEND", "django_redis.cache.RedisCache")
        self.retry_seconds = options.pop("RETRY_SECONDS", RETRY_SECONDS)
        inner = {key: value for key, value in params.items() if key not in ("OPTIONS", "BACKEND")}
        inner["OPTIONS"] = options.pop("OPTIONS", {})
        super().__init__(params)
        self.primary = import_string(backend)(server, inner)
        self.local = LocMemCache(f"failover-{id(self)}", {key: inner[key] for key in ("TIMEOUT",) if key in inner})
        self._down_until = 0.0
        self._lock = threading.Lock()

    # -- state

    @property
    def degraded(self) -> bool:
        return time.monotonic() < self._down_until

    def _failed(self, error: BaseException) -> None:
        with self._lock:
            first = not self.degraded
            self._down_until = time.monotonic() + self.retry_seconds
        if first:
            logger.warning(
                "cache server unavailable (%s: %s); using this process's memory, retrying in %s s",
                type(error).__name__,
                error,
                self.retry_seconds,
            )

    def _call(self, name: str, *args, **kwargs):
        return self._attempt(name, args, kwargs, getattr(self.local, name))

    def _attempt(self, name: str, args: tuple, kwargs: dict, fallback):
        if not self.degraded:
            was_down = self._down_until > 0
            try:
                result = getattr(self.primary, name)(*args, **kwargs)
            except SERVER_ERRORS as error:
                self._failed(error)
            else:
                if was_down:
                    with self._lock:
                        self._down_until = 0.0
                    logger.info("cache server available again")
                return result
        return fallback(*args, **kwargs)

    @property
    def client(self):
        """django-redis's client, for `get_redis_connection` (the visit buffer's hashes)."""
        return self.primary.client

    # -- the cache API

    def add(self, *args, **kwargs):
        return self._call("add", *args, **kwargs)

    def get(self, *args, **kwargs):
        return self._call("get", *args, **kwargs)

    def set(self, *args, **kwargs):
        return self._call("set", *args, **kwargs)

    def touch(self, *args, **kwargs):
        return self._call("touch", *args, **kwargs)

    def delete(self, *args, **kwargs):
        return self._call("delete", *args, **kwargs)

    def get_many(self, *args, **kwargs):
        return self._call("get_many", *args, **kwargs)

    def set_many(self, *args, **kwargs):
        return self._call("set_many", *args, **kwargs)

    def delete_many(self, *args, **kwargs):
        return self._call("delete_many", *args, **kwargs)

    def has_key(self, *args, **kwargs):
        return self._call("has_key", *args, **kwargs)

    def incr(self, *args, **kwargs):
        return self._call("incr", *args, **kwargs)

    def decr(self, *args, **kwargs):
        return self._call("decr", *args, **kwargs)

    def get_or_set(self, *args, **kwargs):
        return self._call("get_or_set", *args, **kwargs)

    def clear(self):
        self.local.clear()
        return self._call("clear")

    def delete_pattern(self, pattern: str, **kwargs):
        """django-redis's prefix-aware delete (emptying one cache without FLUSHDB)."""
        self.local.clear()
        if hasattr(self.primary, "delete_pattern"):
            return self._attempt("delete_pattern", (pattern,), kwargs, lambda *a, **k: 0)
        return self._call("clear")

    def close(self, **kwargs):
        try:
            self.primary.close(**kwargs)
        except SERVER_ERRORS:
            pass

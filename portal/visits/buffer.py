"""Hits are counted in a buffer and written to the database in batches, so counting a visit
costs a page nothing and the database one transaction per flush interval, not one per hit.

Two buffers behind one interface:
- RedisBuffer (when REDIS_URL is set: production, several processes or machines): counters live
  in Redis hashes, which survive an application restart. A flush renames the hashes atomically
  before reading them, so hits arriving meanwhile go to fresh hashes; the renamed ones are deleted
  only after the database transaction committed, and a flush that died half-way is picked up by
  the next one (all flushes hold a Redis lock).
- MemoryBuffer (one process, SQLite installs): counters in the process, flushed by a timer every
  VISITS_FLUSH_SECONDS and when the process exits normally; a crash loses at most one interval.
"""

from __future__ import annotations

import atexit
import logging
import threading
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

logger = logging.getLogger("portal.visits")

# Counter kinds; a counter key is "day|kind|value" (day in ISO form).
TOTAL, PAGE, REFERRER, DEVICE = "total", "page", "ref", "device"


@dataclass(frozen=True)
class Hit:
    day: str  # ISO date in the site's time zone
    at: float  # Unix time
    visitor: str  # salted hash
    device: str
    page_id: int | None = None
    referrer_host: str = ""

    def counter_keys(self) -> list[str]:
        keys = [f"{self.day}|{TOTAL}|", f"{self.day}|{DEVICE}|{self.device}"]
        if self.page_id:
            keys.append(f"{self.day}|{PAGE}|{self.page_id}")
        if self.referrer_host:
            keys.append(f"{self.day}|{REFERRER}|{self.referrer_host}")
        return keys


@dataclass
class Batch:
    counters: Counter = field(default_factory=Counter)  # "day|kind|value" -> hits
    visitors: dict = field(default_factory=dict)  # "day|hash" -> last seen (Unix time)

    def add(self, hit: Hit) -> None:
        for key in hit.counter_keys():
            self.counters[key] += 1
        slot = f"{hit.day}|{hit.visitor}"
        self.visitors[slot] = max(self.visitors.get(slot, 0.0), hit.at)

    def merge(self, other: Batch) -> None:
        self.counters.update(other.counters)
        for slot, seen in other.visitors.items():
            self.visitors[slot] = max(self.visitors.get(slot, 0.0), seen)

    def __bool__(self) -> bool:
        return bool(self.counters or self.visitors)


Writer = Callable[[Batch], None]


class MemoryBuffer:
    def __init__(self, interval: int):
        self.interval = interval
        self._lock = threading.Lock()
        self._batch = Batch()
        self._timer: threading.Timer | None = None

    def add(self, hit: Hit) -> None:
        with self._lock:
            self._batch.add(hit)
            if self.interval > 0 and self._timer is None:
                # Started lazily, so a pre-forking server never forks a running timer.
                self._timer = threading.Timer(self.interval, self._timed_flush)
                self._timer.daemon = True
                self._timer.start()

    def _timed_flush(self) -> None:
        from django.db import close_old_connections

        with self._lock:
            self._timer = None
        try:
            self.flush()
        finally:
            close_old_connections()

    def pending_count(self, key: str) -> int:
        """Hits of one counter ("day|kind|value") not yet flushed."""
        with self._lock:
            return self._batch.counters.get(key, 0)

    def pending(self) -> Batch:
        with self._lock:
            copy = Batch()
            copy.merge(self._batch)
            return copy

    def flush(self, writer: Writer | None = None) -> Batch:
        with self._lock:
            batch, self._batch = self._batch, Batch()
        if not batch:
            return batch
        try:
            (writer or _default_writer())(batch)
        except Exception:
            # Put the hits back: the next flush tries again.
            with self._lock:
                batch.merge(self._batch)
                self._batch = batch
            raise
        return batch

    def clear(self) -> None:
        with self._lock:
            self._batch = Batch()


class RedisBuffer:
    COUNTERS = "visits:counters"
    VISITORS = "visits:visitors"
    LOCK = "visits:flush-lock"
    DUE = "visits:flush-due"

    def __init__(self, interval: int):
        from django_redis import get_redis_connection

        self.interval = interval
        self.redis = get_redis_connection("default")

    def add(self, hit: Hit) -> None:
        pipe = self.redis.pipeline(transaction=False)
        for key in hit.counter_keys():
            pipe.hincrby(self.COUNTERS, key, 1)
        pipe.hset(self.VISITORS, f"{hit.day}|{hit.visitor}", repr(hit.at))
        pipe.execute()
        # Whichever request first finds the interval over flushes (the scheduler does too).
        if self.interval > 0 and self.redis.set(self.DUE, 1, nx=True, ex=self.interval):
            try:
                self.flush()
            except Exception:
                logger.exception("visit statistics flush failed; hits stay in Redis")

    @staticmethod
    def _batch_from(counters: dict, visitors: dict) -> Batch:
        batch = Batch()
        for key, value in counters.items():
            batch.counters[key.decode()] += int(value)
        for slot, seen in visitors.items():
            slot = slot.decode()
            batch.visitors[slot] = max(batch.visitors.get(slot, 0.0), float(seen))
        return batch

    def pending_count(self, key: str) -> int:
        """Hits of one counter not yet flushed (a flush under way is not included)."""
        return int(self.redis.hget(self.COUNTERS, key) or 0)

    def pending(self) -> Batch:
        batch = self._batch_from(self.redis.hgetall(self.COUNTERS), self.redis.hgetall(self.VISITORS))
        for key in self._flushing_keys():
            part = self.redis.hgetall(key)
            batch.merge(self._batch_from(part, {}) if b":counters:" in key else self._batch_from({}, part))
        return batch

    def _flushing_keys(self) -> list[bytes]:
        return list(self.redis.scan_iter(match="visits:*:flushing:*", count=100))

    def flush(self, writer: Writer | None = None) -> Batch:
        lock = self.redis.lock(self.LOCK, timeout=300, blocking_timeout=30)
        if not lock.acquire():
            return Batch()
        try:
            token = uuid.uuid4().hex
            for key in (self.COUNTERS, self.VISITORS):
                try:
                    self.redis.rename(key, f"{key}:flushing:{token}")
                except Exception:  # the key does not exist: nothing counted since last time
                    pass
            # Everything renamed now, or left over by a flush that died, is written together.
            keys = self._flushing_keys()
            batch = Batch()
            for key in keys:
                part = self.redis.hgetall(key)
                batch.merge(self._batch_from(part, {}) if b":counters:" in key else self._batch_from({}, part))
            if batch:
                (writer or _default_writer())(batch)
            if keys:
                self.redis.delete(*keys)
            return batch
        finally:
            try:
                lock.release()
            except Exception:
                pass

    def clear(self) -> None:
        keys = [self.COUNTERS, self.VISITORS, self.DUE, *self._flushing_keys()]
        self.redis.delete(*keys)


_writer: Writer | None = None


def set_writer(writer: Writer) -> None:
    """Who stores a flushed batch (visits.services.visits_write, set when the app is ready):
    the buffer knows how to count, not where the counts go."""
    global _writer
    _writer = writer


def _default_writer() -> Writer:
    if _writer is None:
        raise RuntimeError("no writer for visit statistics: set_writer() was not called")
    return _writer


_buffer: MemoryBuffer | RedisBuffer | None = None
_buffer_lock = threading.Lock()


def get_buffer() -> MemoryBuffer | RedisBuffer:
    global _buffer
    with _buffer_lock:
        if _buffer is None:
            interval = settings.VISITS_FLUSH_SECONDS
            _buffer = RedisBuffer(interval) if settings.REDIS_URL else MemoryBuffer(interval)
        return _buffer


def install_exit_flush() -> None:
    """Write what the process still holds when it stops (a deploy, a restart)."""

    def flush_at_exit():
        if isinstance(_buffer, MemoryBuffer):
            try:
                _buffer.flush()
            except Exception:
                logger.exception("visit statistics could not be written at exit")

    atexit.register(flush_at_exit)

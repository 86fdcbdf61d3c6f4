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

from portal.core.cache import SERVER_ERRORS

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


def _is_outage(error: BaseException) -> bool:
    """Anything but a refusal of the data itself (a value out of range, a broken reference):
    the database may be away, so the hits are kept for the next flush. A refusal of the data
    means one item is bad: that item is dropped and the rest written."""
    from django.db import DataError, IntegrityError

    return not isinstance(error, (OverflowError, ValueError, TypeError, DataError, IntegrityError))


class Unwritten(Exception):
    """The database went away during a write: `remainder` is what was not written (all of it,
    or what was left of an item-by-item write); the original error is the cause."""

    def __init__(self, remainder: Batch):
        super().__init__("visit batch not written")
        self.remainder = remainder


def _singles(batch: Batch) -> list[Batch]:
    singles = []
    for key, count in batch.counters.items():
        single = Batch()
        single.counters[key] = count
        singles.append(single)
    for slot, seen in batch.visitors.items():
        single = Batch()
        single.visitors[slot] = seen
        singles.append(single)
    return singles


def write_batch(batch: Batch, writer: Writer) -> None:
    """Write `batch`; when the database refuses it for its content, write it item by item and
    drop (and log) only the items it refuses, so one bad hit never blocks the others. An
    outage raises Unwritten with what is still to write, so the caller keeps exactly that for
    the next flush (items already written are not counted twice)."""
    try:
        writer(batch)
        return
    except Exception as error:
        if _is_outage(error):
            raise Unwritten(batch) from error
        logger.warning("visit batch refused (%s): writing its items one by one", type(error).__name__)
    singles = _singles(batch)
    for index, single in enumerate(singles):
        try:
            writer(single)
        except Exception as error:
            if _is_outage(error):
                remainder = Batch()
                for rest in singles[index:]:
                    remainder.merge(rest)
                raise Unwritten(remainder) from error
            if single.counters:
                logger.error("visit counter dropped: %r (%s: %s)", *single.counters, type(error).__name__, error)
            else:
                logger.error("visitor dropped (%s: %s)", type(error).__name__, error)


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
            write_batch(batch, writer or _default_writer())
        except Unwritten as unwritten:
            # Put back what was not written: the next flush tries again.
            with self._lock:
                unwritten.remainder.merge(self._batch)
                self._batch = unwritten.remainder
            raise unwritten.__cause__ from None
        return batch

    def clear(self) -> None:
        with self._lock:
            self._batch = Batch()


class RedisBuffer:
    """Counters in Redis hashes. While Redis cannot be reached, hits go to this process's
    memory (a MemoryBuffer with its own timer, written straight to the database) with one
    logged warning, so a Redis outage loses no visit and breaks no page."""

    COUNTERS = "visits:counters"
    VISITORS = "visits:visitors"
    LOCK = "visits:flush-lock"
    DUE = "visits:flush-due"

    def __init__(self, interval: int):
        from django_redis import get_redis_connection

        self.interval = interval
        self.redis = get_redis_connection("default")
        self.local = MemoryBuffer(interval or 60)
        self._warned = False

    def _unavailable(self, error: BaseException) -> None:
        if not self._warned:
            logger.warning("Redis unavailable for visit statistics (%s); counting in this process", error)
            self._warned = True

    def add(self, hit: Hit) -> None:
        try:
            pipe = self.redis.pipeline(transaction=False)
            for key in hit.counter_keys():
                pipe.hincrby(self.COUNTERS, key, 1)
            pipe.hset(self.VISITORS, f"{hit.day}|{hit.visitor}", repr(hit.at))
            pipe.execute()
        except SERVER_ERRORS as error:
            self._unavailable(error)
            self.local.add(hit)
            return
        self._warned = False
        # Whichever request first finds the interval over flushes (the scheduler does too).
        try:
            due = self.interval > 0 and self.redis.set(self.DUE, 1, nx=True, ex=self.interval)
            if due:
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
        try:
            stored = int(self.redis.hget(self.COUNTERS, key) or 0)
        except SERVER_ERRORS:
            stored = 0
        return stored + self.local.pending_count(key)

    def pending(self) -> Batch:
        batch = self.local.pending()
        try:
            batch.merge(self._batch_from(self.redis.hgetall(self.COUNTERS), self.redis.hgetall(self.VISITORS)))
            for key in self._flushing_keys():
                part = self.redis.hgetall(key)
                batch.merge(self._batch_from(part, {}) if b":counters:" in key else self._batch_from({}, part))
        except SERVER_ERRORS:
            pass
        return batch

    def _flushing_keys(self) -> list[bytes]:
        return list(self.redis.scan_iter(match="visits:*:flushing:*", count=100))

    def flush(self, writer: Writer | None = None) -> Batch:
        done = self.local.flush(writer)  # what was counted here while Redis was away
        try:
            lock = self.redis.lock(self.LOCK, timeout=300, blocking_timeout=30)
            acquired = lock.acquire()
        except SERVER_ERRORS as error:
            self._unavailable(error)
            return done
        if not acquired:
            return done
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
                try:
                    write_batch(batch, writer or _default_writer())
                except Unwritten as unwritten:
                    self._keep(keys, token, unwritten.remainder)
                    raise unwritten.__cause__ from None
            if keys:
                self.redis.delete(*keys)
            done.merge(batch)
            return done
        finally:
            try:
                lock.release()
            except Exception:
                pass

    def _keep(self, keys: list[bytes], token: str, remainder: Batch) -> None:
        """After a write that stopped part-way, leave in Redis only what was not written."""
        pipe = self.redis.pipeline()
        if keys:
            pipe.delete(*keys)
        if remainder.counters:
            pipe.hset(f"{self.COUNTERS}:flushing:{token}", mapping=dict(remainder.counters))
        if remainder.visitors:
            pipe.hset(f"{self.VISITORS}:flushing:{token}", mapping={k: repr(v) for k, v in remainder.visitors.items()})
        pipe.execute()

    def clear(self) -> None:
        self.local.clear()
        try:
            keys = [self.COUNTERS, self.VISITORS, self.DUE, *self._flushing_keys()]
            self.redis.delete(*keys)
        except SERVER_ERRORS:
            pass


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

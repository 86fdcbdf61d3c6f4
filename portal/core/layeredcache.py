"""The shared cache with this process's memory in front of it (LayeredCache), and the renditions
cache built on it. See LayeredCache for the rules; portal.core.cache for the failover below."""

from __future__ import annotations

import pickle
import threading
import time
from collections import OrderedDict
from uuid import uuid4

from django.core.cache.backends.base import DEFAULT_TIMEOUT

from . import requestscope
from .cache import SERVER_ERRORS, FailoverCache

GENERATION_KEY = "__layered_generation__"
NEAR_SECONDS = 10
_MISSING = object()


class NearCopies:
    """This process's copies for LayeredCache: {key: (generation, expiry, value)}, the least
    recently used dropped beyond `max_entries`. Strings (rendered fragments) are kept as they
    are; anything else is kept pickled and unpickled on each read, so a request that changes an
    object it got (Wagtail caches things on pages and sites) never changes another's."""

    PLAIN = (str, bytes, int, float, bool, type(None))

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, generation):
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return _MISSING
            kept_under, expiry, value, pickled = entry
            if kept_under != generation or expiry <= time.monotonic():
                del self._data[key]
                return _MISSING
            self._data.move_to_end(key)
        return pickle.loads(value) if pickled else value  # noqa: S301 - our own pickles

    def set(self, key: str, generation, value, seconds: float) -> None:
        if seconds <= 0:
            self.delete(key)
            return
        pickled = not isinstance(value, self.PLAIN)
        stored = pickle.dumps(value, pickle.HIGHEST_PROTOCOL) if pickled else value
        with self._lock:
            self._data[key] = (generation, time.monotonic() + seconds, stored, pickled)
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def delete(self, key: str) -> None:
        with self._lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


_near_stores: dict[tuple, NearCopies] = {}
_near_stores_lock = threading.Lock()


def _near_store(identity: tuple, max_entries: int) -> NearCopies:
    with _near_stores_lock:
        if identity not in _near_stores:
            _near_stores[identity] = NearCopies(max_entries)
        return _near_stores[identity]


class LayeredCache(FailoverCache):
    """The shared cache with this process's memory in front of it, for values that are the same
    on every node until the cache is emptied: the site memo, rendered header, menus and footer,
    routes, renditions. An uncached page render read ~15 of them from Redis, one network round
    trip each.

    Exactness comes from a generation token kept in the shared cache. A request reads it once
    (the first time it uses this cache; the scope is opened by SiteMemoMiddleware, see
    portal.core.requestscope); a value found in this process's memory counts only when it was
    stored under that same token. Emptying the cache or deleting a key (on any node) writes a new
    token, so from its next request every node reads again from the shared cache: a publish on
    one node is seen on all of them at once. Outside a request (a command, a task, the WSGI
    page-cache path) and while Redis is down, this layer is skipped.

    A value is kept here at most NEAR_SECONDS (never longer than its own timeout), so what
    expires by time in Redis expires here too, at most that much later. Keys starting with one
    of SHARED_ONLY_PREFIXES (whole pages: large and numerous) are never kept here.

    Keys listed in READ_WITH_GENERATION (values that change often: the live counters, kept
    under a SHARED_ONLY prefix) are read in the token's round trip and held for that request
    only; deleting such a key writes no new token. GENERATION_OF names another layered cache
    whose token this one follows (the renditions follow the pages: one read per request).

    Django gives each thread its own cache object; the copies are shared by the threads of a
    process (one store per location and key prefix).

    The contract for what is stored: a key means one value until the cache is emptied or the key
    deleted (memos and fragments computed from the same data). A key overwritten with a
    different value by another node would be seen late here: such values belong elsewhere.
    """

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.near_seconds = options.pop("NEAR_SECONDS", NEAR_SECONDS)
        self.shared_only = tuple(options.pop("SHARED_ONLY_PREFIXES", ()))
        self.read_early = tuple(options.pop("READ_WITH_GENERATION", ()))
        self.generation_of = options.pop("GENERATION_OF", None)
        near_entries = options.pop("NEAR_MAX_ENTRIES", 2000)
        super().__init__(server, {**params, "OPTIONS": options})
        self.near = _near_store((server, params.get("KEY_PREFIX", "")), near_entries)

    # -- the generation

    @property
    def _owner(self) -> LayeredCache:
        """The cache whose token this one follows (GENERATION_OF: one read per request for
        both, and a change in either counts for both), else itself."""
        if self.generation_of:
            from django.core.cache import caches

            owner = caches[self.generation_of]
            if isinstance(owner, LayeredCache):
                return owner
        return self

    def _generation(self, key: str | None = None):
        """The token this request reads under, or None where this layer is skipped."""
        if key is not None and key.startswith(self.shared_only):
            return None
        if self.degraded:
            return None
        return self._owner._request_state()["generation"]

    def _request_state(self) -> dict:
        """{"generation": token or None, "early": {key: value}} of this request; outside a
        request, a state that uses nothing."""
        scope = requestscope.current()
        if scope is None:
            return {"generation": None, "early": {}}
        slot = ("layered-cache", id(self))
        if slot not in scope:
            scope[slot] = self._read_generation()
        return scope[slot]

    def _read_generation(self) -> dict:
        """The token, and the READ_WITH_GENERATION keys in the same round trip (values that
        change often, such as live counters: read once per request, never kept longer)."""
        if self.degraded:
            return {"generation": None, "early": {}}
        try:
            found = self.primary.get_many([GENERATION_KEY, *self.read_early])
            token = found.pop(GENERATION_KEY, None)
            if token is None:
                self.primary.add(GENERATION_KEY, uuid4().hex, timeout=None)
                token = self.primary.get(GENERATION_KEY)
        except SERVER_ERRORS as error:
            self._failed(error)
            return {"generation": None, "early": {}}
        # A key the round trip did not find is known missing for this request (_MISSING).
        return {"generation": token, "early": {key: found.get(key, _MISSING) for key in self.read_early}}

    def _new_generation(self) -> None:
        owner = self._owner
        if owner is not self:
            owner._new_generation()
            return
        token = uuid4().hex
        self._attempt("set", (GENERATION_KEY, token), {"timeout": None}, lambda *args, **kwargs: None)
        scope = requestscope.current()
        if scope is not None:
            scope[("layered-cache", id(self))] = {"generation": None if self.degraded else token, "early": {}}

    def _near_timeout(self, timeout):
        seconds = self.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        return self.near_seconds if seconds is None else min(seconds, self.near_seconds)

    def _keep(self, generation, key, value, timeout=None, version=None) -> None:
        """Keep a value read (timeout None: it lived in Redis) or written (its own timeout)."""
        seconds = self.near_seconds if timeout is None else self._near_timeout(timeout)
        self.near.set(self.make_key(key, version), generation, value, seconds)

    # -- reads

    def get(self, key, default=None, version=None):
        if key in self.read_early and not self.degraded:
            early = self._request_state()["early"]
            if key in early:
                value = early[key]
                return default if value is _MISSING else value
        generation = self._generation(key)
        if generation is None:
            return super().get(key, default, version)
        value = self.near.get(self.make_key(key, version), generation)
        if value is not _MISSING:
            return value
        value = super().get(key, _MISSING, version)
        if value is _MISSING:
            return default
        self._keep(generation, key, value, version=version)
        return value

    def get_many(self, keys, version=None):
        generation = self._generation()
        if generation is None:
            return super().get_many(keys, version)
        found, missing = {}, []
        for key in keys:
            value = (
                _MISSING if key.startswith(self.shared_only) else self.near.get(self.make_key(key, version), generation)
            )
            if value is _MISSING:
                missing.append(key)
            else:
                found[key] = value
        if missing:
            fetched = super().get_many(missing, version)
            for key, value in fetched.items():
                if not key.startswith(self.shared_only):
                    self._keep(generation, key, value, version=version)
            found.update(fetched)
        return found

    # -- writes

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        result = super().set(key, value, timeout, version)
        self._forget_early(key)
        generation = self._generation(key)
        if generation is not None:
            self._keep(generation, key, value, timeout, version)
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        result = super().set_many(data, timeout, version)
        generation = self._generation()
        if generation is not None:
            for key, value in data.items():
                if not key.startswith(self.shared_only):
                    self._keep(generation, key, value, timeout, version)
        return result

    # add and get_or_set only write a key that is missing (a memo's first value): the shared
    # store answers them. incr, decr and delete change what a key means: every copy goes.
    def incr(self, key, delta=1, version=None):
        result = super().incr(key, delta, version)
        self._changed(key, version)
        return result

    def decr(self, key, delta=1, version=None):
        result = super().decr(key, delta, version)
        self._changed(key, version)
        return result

    def delete(self, key, version=None):
        result = super().delete(key, version)
        self._changed(key, version)
        return result

    def _changed(self, key, version) -> None:
        self._forget_early(key)
        if not key.startswith(self.shared_only):  # never kept near: nothing to tell the others
            self.near.delete(self.make_key(key, version))
            self._new_generation()

    def _forget_early(self, key) -> None:
        if key in self.read_early and requestscope.current() is not None:
            self._request_state()["early"].pop(key, None)

    def delete_many(self, keys, version=None):
        result = super().delete_many(keys, version)
        self.near.clear()
        self._new_generation()
        return result

    def clear(self):
        self.near.clear()
        result = super().clear()
        self._new_generation()
        return result

    def delete_pattern(self, pattern: str, **kwargs):
        self.near.clear()
        result = super().delete_pattern(pattern, **kwargs)
        self._new_generation()
        return result


class RenditionCache(LayeredCache):
    """The "renditions" cache (Wagtail's image renditions). Wagtail writes back every rendition
    it found here (Image.get_rendition always, get_renditions unless prefetched): one write per
    image on every render. A rendition read from this cache carries Wagtail's own `_from_cache`
    mark, and a marked rendition is not written again."""

    @staticmethod
    def _mark(value):
        if value is not None and hasattr(value, "filter_spec"):
            value._from_cache = True
        return value

    def get(self, *args, **kwargs):
        return self._mark(super().get(*args, **kwargs))

    def get_many(self, *args, **kwargs):
        found = super().get_many(*args, **kwargs)
        for value in found.values():
            self._mark(value)
        return found

    def set(self, key, value, *args, **kwargs):
        if getattr(value, "_from_cache", False):
            return None
        return super().set(key, value, *args, **kwargs)

    def set_many(self, data, *args, **kwargs):
        fresh = {key: value for key, value in data.items() if not getattr(value, "_from_cache", False)}
        return super().set_many(fresh, *args, **kwargs) if fresh else []

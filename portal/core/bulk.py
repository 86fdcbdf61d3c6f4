"""Clearing the page cache, and one context for bulk publishing (imports, demo content, CSV imports): inside it,

- the anonymous page cache is cleared once at the end, however many changes ask for it
  (a CSV import of 500 glossary lines clears it once, not 500 times);
- work that each publication would start in the background (a read-aloud recording per
  article) is not started: the scheduler's catch-up jobs (`generate_audio --missing`) do it
  at a pace the machine allows.

Apps ask `bulk.active()`; nobody keeps a flag of their own.
"""

from __future__ import annotations

import contextvars
import logging
from contextlib import contextmanager

from django.core.cache import caches

logger = logging.getLogger("portal.cache")

_state: contextvars.ContextVar[dict | None] = contextvars.ContextVar("portal_bulk_publishing", default=None)


@contextmanager
def bulk_publishing():
    if _state.get() is not None:  # already inside: the outer one finishes
        yield
        return
    state = {"page_cache_dirty": False}
    token = _state.set(state)
    try:
        yield
    finally:
        _state.reset(token)
        if state["page_cache_dirty"]:
            clear_page_cache()


def active() -> bool:
    return _state.get() is not None


def clear_page_cache(**kwargs) -> None:
    """Empty the anonymous page cache (at the end of bulk publishing when inside it)."""
    state = _state.get()
    if state is not None:
        state["page_cache_dirty"] = True
        return
    empty_page_cache()


def empty_page_cache() -> None:
    cache = caches["pages"]
    if hasattr(cache, "delete_pattern"):
        # django-redis: clear() would FLUSHDB, wiping every other cache sharing the server;
        # delete only this cache's keys (the pattern gets the "portal-pages" prefix).
        cache.delete_pattern("*")
    else:
        cache.clear()
    logger.debug("page cache cleared")

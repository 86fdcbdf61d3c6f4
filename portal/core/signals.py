"""Empty the anonymous page cache whenever what visitors see may have changed.

Wagtail's own front-end cache purge only purges the changed page; a new article also
changes its category listing, the home page and the sidebar, so the whole "pages" cache
is dropped (it rebuilds on the next visit of each page).
"""

import contextvars
import logging
from contextlib import contextmanager

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SiteIdentity, SiteNavigation

logger = logging.getLogger("portal.cache")


_batch: contextvars.ContextVar[dict | None] = contextvars.ContextVar("portal_page_cache_batch", default=None)


@contextmanager
def page_cache_batch():
    """Inside, the page cache is cleared once at the end however many changes ask for it (a
    CSV import of 500 glossary lines clears it once, not 500 times)."""
    if _batch.get() is not None:  # already inside a batch: the outer one clears
        yield
        return
    state = {"dirty": False}
    token = _batch.set(state)
    try:
        yield
    finally:
        _batch.reset(token)
        if state["dirty"]:
            clear_page_cache()


def clear_page_cache(**kwargs) -> None:
    state = _batch.get()
    if state is not None:
        state["dirty"] = True
        return
    _clear()


def _clear() -> None:
    cache = caches["pages"]
    if hasattr(cache, "delete_pattern"):
        # django-redis: clear() would FLUSHDB, wiping every other cache sharing the server;
        # delete only this cache's keys (the pattern gets the "portal-pages" prefix).
        cache.delete_pattern("*")
    else:
        cache.clear()
    logger.debug("page cache cleared")


page_published.connect(clear_page_cache, dispatch_uid="portal_cache_published")
page_unpublished.connect(clear_page_cache, dispatch_uid="portal_cache_unpublished")
post_page_move.connect(clear_page_cache, dispatch_uid="portal_cache_moved")


@receiver(post_save, sender=SiteIdentity, dispatch_uid="portal_cache_identity")
@receiver(post_save, sender=SiteNavigation, dispatch_uid="portal_cache_navigation")
def _settings_changed(**kwargs) -> None:
    clear_page_cache()


@receiver(post_delete, sender=Page, dispatch_uid="portal_cache_deleted")
def _page_deleted(**kwargs) -> None:
    clear_page_cache()

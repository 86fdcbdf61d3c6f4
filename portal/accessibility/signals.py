"""A changed glossary changes pages (the <abbr> titles in article bodies): drop the cached
entries and the page cache. A published article gets its read-aloud recording made in the
background."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from portal.core.signals import clear_page_cache

from .glossary import glossary_changed
from .models import Abbreviation, ReadAloudSettings

_paused: ContextVar[bool] = ContextVar("read_aloud_paused", default=False)


@contextmanager
def audio_generation_paused():
    """Bulk publishing (demo content, imports) leaves recordings to `generate_audio --missing`."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


@receiver(post_save, sender=Abbreviation, dispatch_uid="portal_glossary_saved")
@receiver(post_delete, sender=Abbreviation, dispatch_uid="portal_glossary_deleted")
def _glossary_changed(**kwargs) -> None:
    glossary_changed()
    clear_page_cache()


@receiver(post_save, sender=ReadAloudSettings, dispatch_uid="portal_read_aloud_settings")
def _read_aloud_settings_changed(**kwargs) -> None:
    clear_page_cache()  # the player appears or disappears on every article


@receiver(page_published, dispatch_uid="portal_read_aloud_published")
def _record_published_article(sender, instance, revision=None, **kwargs) -> None:
    from portal.news.models import ArticlePage

    if not settings.READ_ALOUD_ON_PUBLISH or _paused.get() or not isinstance(instance, ArticlePage):
        return
    from .tasks import generate_article_audio

    page_id, revision_id = instance.pk, getattr(revision, "pk", None)
    transaction.on_commit(lambda: generate_article_audio.enqueue(page_id, revision_id))

"""A published article gets its read-aloud recording made in the background; changed
read-aloud settings change every article page."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from portal.core import bulk
from portal.core.signals import clear_page_cache

from .models import ReadAloudSettings


@receiver(post_save, sender=ReadAloudSettings, dispatch_uid="portal_read_aloud_settings")
def _read_aloud_settings_changed(**kwargs) -> None:
    clear_page_cache()  # the player appears or disappears on every article


@receiver(page_published, dispatch_uid="portal_read_aloud_published")
def _record_published_article(sender, instance, revision=None, **kwargs) -> None:
    from portal.news import selectors as news

    if not settings.READ_ALOUD_ON_PUBLISH or bulk.active() or not news.is_article(instance):
        return
    from .tasks import generate_article_audio

    page_id, revision_id = instance.pk, getattr(revision, "pk", None)
    transaction.on_commit(lambda: generate_article_audio.enqueue(page_id, revision_id))

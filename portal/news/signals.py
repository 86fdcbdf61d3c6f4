"""Keep the public search index in step with what is published."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .models import ArticlePage
from .services import article_search_index_remove, article_search_index_update


@receiver(page_published, dispatch_uid="portal_search_index_published")
def _index_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage):
        article_search_index_update(instance)


@receiver(page_unpublished, dispatch_uid="portal_search_index_unpublished")
def _unindex_unpublished(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage):
        article_search_index_remove(page_id=instance.pk)

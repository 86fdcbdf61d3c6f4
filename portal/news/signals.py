"""Keep the public search index in step with what is published, and with where it sits."""

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ArticlePage
from .services import article_search_index_moved, article_search_index_remove, article_search_index_update


@receiver(page_published, dispatch_uid="portal_search_index_published")
def _index_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage):
        article_search_index_update(instance)


@receiver(page_unpublished, dispatch_uid="portal_search_index_unpublished")
def _unindex_unpublished(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage):
        article_search_index_remove(page_id=instance.pk)


@receiver(post_page_move, dispatch_uid="portal_search_index_moved")
def _index_moved(sender, instance, **kwargs) -> None:
    """A page moved (an article, a category, a section holding categories): the articles at
    and under it may sit in other categories now, so their category tokens are written again."""
    article_search_index_moved(instance)

"""Writes on news that carry a business rule: counting views, creating categories, the public
search index. Views, the API and commands all call these; importing articles from an old
portal is in importing.py."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from portal.core.text import slugify_vi

from .models import ArticlePage, ArticleSearchText, ArticleViewCount, CategoryPage, category_paths

logger = logging.getLogger("portal.news")

MAX_TITLE = 255
MAX_SUMMARY = 1000


# --------------------------------------------------------------------------- view counts
def article_views_add(views: dict[int, int]) -> None:
    """Add the views of a flushed batch of the visit pipeline (portal.core.pageviews) to the
    articles among those pages, each with one atomic UPDATE (its row created on first use)."""
    articles = set(ArticlePage.objects.filter(pk__in=list(views)).values_list("pk", flat=True))
    for article_id in sorted(articles):
        count = views[article_id]
        if ArticleViewCount.objects.filter(page_id=article_id).update(count=F("count") + count):
            continue
        try:
            with transaction.atomic():
                ArticleViewCount.objects.create(page_id=article_id, count=count)
        except IntegrityError:
            ArticleViewCount.objects.filter(page_id=article_id).update(count=F("count") + count)


def article_view_count_set_minimum(*, article_id: int, count: int) -> None:
    """Carry over a historic count (imports): never lowers what the site has counted since."""
    row, created = ArticleViewCount.objects.get_or_create(page_id=article_id, defaults={"count": count})
    if not created and row.count < count:
        ArticleViewCount.objects.filter(page_id=article_id, count__lt=count).update(count=count)


# --------------------------------------------------------------------------- categories
def home_page() -> Page:
    """The root page of the default site, where top-level categories live."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if home is None or home.depth < 2:
        raise ValidationError(_("The site has no home page yet; run `manage.py setup_portal` first."))
    return home


def category_get_or_create(*, name: str, parent: Page | None = None) -> tuple[CategoryPage, bool]:
    """Find a category by name, ignoring case, diacritics and punctuation ("Thi đua – Khen
    thưởng" is "thi dua - khen thuong"), or create and publish it."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(_("The category name is empty."))
    parent = parent or home_page()
    wanted = slugify_vi(name)
    for category in CategoryPage.objects.child_of(parent):
        if slugify_vi(category.title) == wanted:
            return category, False
    category = CategoryPage(title=name, slug=unique_slug(parent, slugify_vi(name)))
    parent.add_child(instance=category)
    category.save_revision().publish(log_action=True)
    logger.info("category created: %s", category.slug)
    return category, True


def unique_slug(parent: Page, base: str, exclude_pk: int | None = None) -> str:
    taken = set(parent.get_children().exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    return slug


# --------------------------------------------------------------------------- import
# -- The public search index (ArticleSearchText) -------------------------------------------------


def article_search_index_update(page: ArticlePage) -> None:
    """Index the published version of an article (called on publish); a page that is not live
    is removed instead."""
    if not page.live:
        article_search_index_remove(page_id=page.pk)
        return
    ArticleSearchText.objects.update_or_create(
        page_id=page.pk, defaults={"text": page.search_text(), "date": page.date}
    )


def article_search_index_remove(*, page_id: int) -> None:
    ArticleSearchText.objects.filter(page_id=page_id).delete()


def article_search_index_moved(page) -> int:
    """Index again the live articles at or under a page that moved (an article, or a category
    with its articles): their category tokens changed (search_tokens.py). Returns how many."""
    categories = category_paths()
    path = Page.objects.values_list("path", flat=True).get(pk=page.pk)  # where it is now
    articles = ArticlePage.objects.live().filter(path__startswith=path).prefetch_related("tags")
    count = 0
    with transaction.atomic():
        for article in articles.iterator(chunk_size=500):
            ArticleSearchText.objects.filter(page_id=article.pk).update(
                text=article.search_text(categories), date=article.date
            )
            count += 1
    return count


def article_search_index_rebuild(*, batch_size: int = 500, progress=None) -> int:
    """Index every live article again from scratch (after an upgrade, or to repair)."""
    ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    categories = category_paths()
    with transaction.atomic():
        ArticleSearchText.objects.all().delete()
        for start in range(0, len(ids), batch_size):
            pages = ArticlePage.objects.filter(pk__in=ids[start : start + batch_size]).prefetch_related("tags")
            ArticleSearchText.objects.bulk_create(
                [ArticleSearchText(page_id=p.pk, text=p.search_text(categories), date=p.date) for p in pages]
            )
            if progress:
                progress(min(start + batch_size, len(ids)), len(ids))
    return len(ids)

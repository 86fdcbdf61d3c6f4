"""Builders for news pages in tests (published through revisions, as editors would)."""

import datetime as dt
import itertools

from django.utils import timezone

from portal.core.text import slugify_vi
from portal.news.models import ArticlePage, CategoryPage

_counter = itertools.count(1)


def make_category(parent, title: str, **fields) -> CategoryPage:
    page = CategoryPage(title=title, slug=slugify_vi(title) + f"-{next(_counter)}", **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_article(
    category, title: str, *, date=None, summary="Tóm tắt bài viết.", body=None, publish=True, **fields
) -> ArticlePage:
    page = ArticlePage(
        title=title,
        slug=slugify_vi(title) + f"-{next(_counter)}",
        summary=summary,
        body=body or [("paragraph", "<p>Nội dung chính của bài viết về khoa học và công nghệ.</p>")],
        date=date or timezone.now() - dt.timedelta(hours=next(_counter)),
        **fields,
    )
    category.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.live = False
        page.save_revision()
        page.save()
    return page

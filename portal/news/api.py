"""Read API for articles, and the view endpoint for clients that count readings themselves."""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from portal.core import pageviews
from portal.core.apierrors import with_errors
from portal.core.beacons import pixel_response
from portal.core.params import RecordId

from . import selectors
from .models import CARD_FIELDS, ArticlePage, CategoryPage
from .search import search_articles

router = Router(tags=["articles"])


class ArticleOut(Schema):
    id: int
    title: str
    url: str
    summary: str
    category: str
    published_at: dt.datetime
    view_count: int


class ArticleDetailOut(ArticleOut):
    author: str
    tags: list[str]
    body_text: str


class ArticleListOut(Schema):
    count: int
    count_capped: bool = Field(
        False,
        description="True when an unfiltered search (q without category) matches more articles than `count`: "
        "only the newest `count` are listed; add a category to reach older ones",
    )
    page: int
    page_size: int
    items: list[ArticleOut]


class ArticleFilters(Schema):
    q: str | None = Field(None, max_length=200, description="Words to search, with or without diacritics")
    category: str | None = Field(None, max_length=255, description="Category slug")
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(20, ge=1, le=100)


class ViewCountOut(Schema):
    view_count: int
    counted: bool


def _serialise(articles: list[ArticlePage]) -> list[dict]:
    counts = selectors.view_counts(article_ids=[a.pk for a in articles])
    categories = selectors.category_titles(articles=articles)
    return [
        {
            "id": a.pk,
            "title": a.title,
            "url": a.get_url() or "",
            "summary": a.summary,
            "category": categories.get(a.pk, ""),
            "published_at": a.date,
            "view_count": counts.get(a.pk, 0),
        }
        for a in articles
    ]


@router.get(
    "",
    response=with_errors(ArticleListOut, 422),
    summary="List published articles, newest first, or search them with q",
)
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]):
    # The fields an item shows, as a listing's cards: a whole article (its body above all)
    # took most of an uncached list's time.
    articles = selectors.live_articles().only(*CARD_FIELDS)
    category = None
    if filters.category:
        category = CategoryPage.objects.live().public().filter(slug=filters.category).first()
        if category is None:
            raise HttpError(404, _("No such category."))
    if filters.q and filters.q.strip():
        articles = search_articles(query=filters.q, category=category)
    elif category is not None:
        articles = articles.descendant_of(category)
    total = articles.count()
    start = (filters.page - 1) * filters.page_size
    page_items = list(articles[start : start + filters.page_size])
    return {
        "count": total,
        "count_capped": bool(getattr(articles, "capped", False)),
        "page": filters.page,
        "page_size": filters.page_size,
        "items": _serialise(page_items),
    }


@router.get(
    "/{article_id}", response=with_errors(ArticleDetailOut, 404, 422), summary="One published article with its text"
)
def get_article(request: HttpRequest, article_id: RecordId):
    article = selectors.live_articles().filter(pk=article_id).first()
    if article is None:
        raise HttpError(404, _("No such article."))
    data = _serialise([article])[0]
    data.update(author=article.author, tags=[t.name for t in article.tags.all()], body_text=article.body_text())
    return data


def _count(request: HttpRequest, article_id: int) -> tuple[int, bool]:
    """Through the one page-view pipeline (portal.core.pageviews: the visit statistics decide
    what counts and feed the article's counter), as the article page's own beacon does."""
    if not selectors.live_articles().filter(pk=article_id).exists():
        raise HttpError(404, _("No such article."))
    counted = pageviews.record_request(request, page_id=article_id)
    return pageviews.view_count(article_id) or 0, counted


@router.post(
    "/{article_id}/view", response=with_errors(ViewCountOut, 404, 422), summary="Count one reading of an article"
)
def record_view(request: HttpRequest, article_id: RecordId, response: HttpResponse):
    count, counted = _count(request, article_id)
    response["Cache-Control"] = "no-store"
    return {"view_count": count, "counted": counted}


@router.get("/{article_id}/view.gif", include_in_schema=False)
def record_view_pixel(request: HttpRequest, article_id: RecordId):
    """Counter for readers without JavaScript (an <img> inside <noscript>)."""
    _count(request, article_id)
    return pixel_response()

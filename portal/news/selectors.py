"""Reads about news that several places need (pages, API, home page, benchmarks)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone

from portal.search.filters import DateFilter, parse_date_filter

from .models import CARD_FIELDS, LISTING_DEFERRED, ArticlePage, ArticleRelatedLink, ArticleViewCount, CategoryPage


def live_articles() -> QuerySet[ArticlePage]:
    return ArticlePage.objects.live().public().order_by("-date", "-pk")


def first_article_year() -> int:
    """The year of the oldest live article (the start of an open date range), this year when none."""
    oldest = ArticlePage.objects.live().order_by("date").values_list("date", flat=True).first()
    return timezone.localtime(oldest).year if oldest else timezone.localdate().year


def published_articles() -> QuerySet[ArticlePage]:
    """Live articles, newest first, including those behind a view restriction (read-aloud
    records them all; what is public is decided where they are served)."""
    return ArticlePage.objects.live().order_by("-date", "-pk")


def live_article(article_id: int, *, public: bool = True) -> ArticlePage | None:
    articles = live_articles() if public else published_articles()
    return articles.filter(pk=article_id).first()


def is_article(page) -> bool:
    return isinstance(page, ArticlePage)


def article_content_type() -> ContentType:
    return ContentType.objects.get_for_model(ArticlePage)


def category_tree_rows() -> list[dict]:
    """Every category as {"pk", "path", "title"}, deepest first (statistics attribute a page
    to the first category whose tree path is a prefix of its own)."""
    return list(CategoryPage.objects.order_by("-depth").values("pk", "path", "title"))


def article_view_count(*, article_id: int) -> int:
    return ArticleViewCount.count_for(article_id)


def stored_view_count(page_id: int) -> int | None:
    """The stored count of an article, None for a page that is not one (portal.core.pageviews)."""
    row = ArticlePage.objects.filter(pk=page_id).values_list("pk", "view_counter__count").first()
    return None if row is None else row[1] or 0  # one query, whether or not it has a row yet


def view_counts(*, article_ids: list[int]) -> dict[int, int]:
    rows = ArticleViewCount.objects.filter(page_id__in=article_ids).values_list("page_id", "count")
    return dict(rows)


def category_titles(*, articles: list[ArticlePage]) -> dict[int, str]:
    """Title of each article's category, in one query."""
    return CategoryPage.titles_of(articles)


def other_articles(*, article: ArticlePage, limit: int) -> list[ArticlePage]:
    return article.other_articles(limit=limit)


def related_articles(*, article: ArticlePage) -> list[ArticlePage]:
    return article.related_articles()


def latest_by_category(*, home, per_category: int = 4) -> list[tuple[CategoryPage, list[ArticlePage]]]:
    """For each top-level category shown on the home page, its newest articles.

    Each category's newest articles are found by their keys (a query of one column, each one a
    LIMIT on the date index, so it stays cheap at any number of articles), then all the cards
    are loaded in one query: building the full select of an article with its image cost ~4 ms
    of CPU per category before. (One statement with a subquery per category, joined by OR,
    was tried: PostgreSQL then scanned every article, 196 ms at 100,000 against 13 ms.)"""
    categories = list(CategoryPage.objects.live().public().child_of(home).filter(show_in_home=True))
    newest = {
        category.pk: list(category.articles().values_list("pk", flat=True)[:per_category]) for category in categories
    }
    wanted = [pk for keys in newest.values() for pk in keys]
    cards = {page.pk: page for page in category_cards().filter(pk__in=wanted)} if wanted else {}
    result = []
    for category in categories:
        articles = [cards[pk] for pk in newest[category.pk] if pk in cards]
        if articles:
            result.append((category, articles))
    return result


def category_cards() -> QuerySet[ArticlePage]:
    """Articles as a listing shows them: the card's fields and the image."""
    return ArticlePage.objects.select_related("featured_image").only(*CARD_FIELDS)


def categories_by_slug() -> dict[str, CategoryPage]:
    return {category.slug: category for category in CategoryPage.objects.order_by("path")}


def category_tree(*, limit: int) -> list[tuple[CategoryPage, list[CategoryPage]]]:
    """The first `limit` top-level categories in tree order, each with its sub-categories."""
    categories = list(CategoryPage.objects.order_by("path"))
    top_depth = min((c.depth for c in categories), default=0)
    tops = [c for c in categories if c.depth == top_depth][:limit]
    return [(top, [c for c in categories if c.path.startswith(top.path) and c.depth == top.depth + 1]) for top in tops]


def featured_articles(*, limit: int = 5) -> list[ArticlePage]:
    featured = live_articles().filter(is_featured=True).select_related("featured_image").defer(*LISTING_DEFERRED)
    return list(featured[:limit])


def filter_articles_by_date(articles: QuerySet, params) -> tuple[QuerySet, DateFilter]:
    """Apply ?from=…&to=… (see parse_date_filter) to the articles' date."""
    date_filter = parse_date_filter(params)
    start, end = date_filter.bounds()
    if start:
        articles = articles.filter(date__gte=start)
    if end:
        articles = articles.filter(date__lt=end)
    return articles, date_filter


def pages_showing_article(page) -> list[ArticlePage]:
    """The articles whose HTML shows `page` besides its parents, for nginx's micro-cache
    (portal.core.frontcache): its category's newest articles, whose "Bài viết khác" lists the
    category's newest, and the articles naming it as related. Siblings only when the page is
    (or, unpublished, may have been) among the newest: an older article appears in no
    sibling's list. Bounded; older siblings' copies are at most the micro-cache's lifetime old."""
    if page.specific_class is not ArticlePage:
        return []
    fields = ("id", "path", "depth", "url_path")
    # Each article lists the category's newest `n + 1` but itself, cut to `n`: an article is in
    # someone's list exactly when it is among the newest `n + 1`.
    n = settings.PORTAL_OTHER_ARTICLES
    newest = list(ArticlePage.newest_beside(page).only(*fields)[: n + 2])
    shown = not page.live or page.pk in [article.pk for article in newest[: n + 1]]
    showing = [article for article in newest if article.pk != page.pk][: n + 1] if shown else []
    referrers = ArticleRelatedLink.objects.filter(related_page_id=page.pk).values("article_id")
    showing += (
        ArticlePage.objects.live()
        .public()
        .filter(pk__in=referrers)
        .exclude(pk__in=[page.pk, *(article.pk for article in showing)])
        .only(*fields)[:20]
    )
    return showing

"""Reads about news that several places need (pages, API, home page, benchmarks)."""

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ArticlePage, ArticleViewCount, CategoryPage


def live_articles() -> QuerySet[ArticlePage]:
    return ArticlePage.objects.live().public().order_by("-date", "-pk")


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
    return ArticleViewCount.objects.filter(page_id=article_id).values_list("count", flat=True).first() or 0


def view_counts(*, article_ids: list[int]) -> dict[int, int]:
    rows = ArticleViewCount.objects.filter(page_id__in=article_ids).values_list("page_id", "count")
    return dict(rows)


def category_titles(*, articles: list[ArticlePage]) -> dict[int, str]:
    """Title of each article's category, in one query (the parent's tree path is a prefix)."""
    parent_path = {a.pk: a.path[: -ArticlePage.steplen] for a in articles}
    titles = dict(CategoryPage.objects.filter(path__in=set(parent_path.values())).values_list("path", "title"))
    return {pk: titles.get(path, "") for pk, path in parent_path.items()}


def other_articles(*, article: ArticlePage, limit: int) -> list[ArticlePage]:
    """'Bài viết khác': the newest other live articles of the same category."""
    parent = article.get_parent()
    if parent is None:
        return []
    return list(
        live_articles()
        .child_of(parent)
        .exclude(pk=article.pk)
        .only("title", "url_path", "summary", "date", "slug", "path", "depth")[:limit]
    )


def related_articles(*, article: ArticlePage) -> list[ArticlePage]:
    ids = [link.related_page_id for link in article.related_links.all()]
    if not ids:
        return []
    found = {page.pk: page for page in live_articles().filter(pk__in=ids)}
    return [found[i] for i in ids if i in found]


def latest_by_category(*, home, per_category: int = 4) -> list[tuple[CategoryPage, list[ArticlePage]]]:
    """For each top-level category shown on the home page, its newest articles."""
    result = []
    categories = CategoryPage.objects.live().public().child_of(home).filter(show_in_home=True)
    for category in categories:
        articles = list(category.articles()[:per_category])
        if articles:
            result.append((category, articles))
    return result


def featured_articles(*, limit: int = 5) -> list[ArticlePage]:
    return list(live_articles().filter(is_featured=True).select_related("featured_image")[:limit])


@dataclass
class DateFilter:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    error: str = ""

    @property
    def active(self) -> bool:
        return bool(self.date_from or self.date_to)

    def bounds(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """Start (inclusive) and end (exclusive) as aware datetimes of the site time zone."""
        tz = timezone.get_current_timezone()
        start = dt.datetime.combine(self.date_from, dt.time.min, tzinfo=tz) if self.date_from else None
        end = dt.datetime.combine(self.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz) if self.date_to else None
        return start, end

    @property
    def query_prefix(self) -> str:
        """The filter as the start of a query string, so pagination links keep it."""
        params = {}
        if self.date_from:
            params["from"] = self.date_from.isoformat()
        if self.date_to:
            params["to"] = self.date_to.isoformat()
        return urlencode(params) + "&" if params else ""


def _parse_date(value: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def parse_date_filter(params) -> DateFilter:
    """Read ?from=…&to=… (yyyy-mm-dd or dd/mm/yyyy, inclusive). A malformed date is reported
    to the reader (DateFilter.error) and the filter left empty rather than failing the page."""
    date_filter = DateFilter()
    try:
        date_filter.date_from = _parse_date(params.get("from", ""))
        date_filter.date_to = _parse_date(params.get("to", ""))
    except ValueError:
        return DateFilter(error=_("The date is not valid; use the form dd/mm/yyyy."))
    if date_filter.date_from and date_filter.date_to and date_filter.date_from > date_filter.date_to:
        date_filter.date_from, date_filter.date_to = date_filter.date_to, date_filter.date_from
    return date_filter


def filter_articles_by_date(articles: QuerySet, params) -> tuple[QuerySet, DateFilter]:
    """Apply ?from=…&to=… (see parse_date_filter) to the articles' date."""
    date_filter = parse_date_filter(params)
    start, end = date_filter.bounds()
    if start:
        articles = articles.filter(date__gte=start)
    if end:
        articles = articles.filter(date__lt=end)
    return articles, date_filter
    if date_filter.date_from and date_filter.date_to and date_filter.date_from > date_filter.date_to:
        date_filter.date_from, date_filter.date_to = date_filter.date_to, date_filter.date_from
    tz = timezone.get_current_timezone()
    if date_filter.date_from:
        start = dt.datetime.combine(date_filter.date_from, dt.time.min, tzinfo=tz)
        articles = articles.filter(date__gte=start)
    if date_filter.date_to:
        end = dt.datetime.combine(date_filter.date_to + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        articles = articles.filter(date__lt=end)
    return articles, date_filter

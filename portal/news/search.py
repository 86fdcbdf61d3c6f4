"""Article search shared by the search page and the API (`?q=`), so both rank alike.

The index holds a folded copy of every live article (ArticleSearchText) and the query is
folded the same way, which makes "hoi nghi dien hinh" find "Hội nghị điển hình" on SQLite and
PostgreSQL alike. When the reader typed diacritics, the first results are re-ranked so that
articles containing the words exactly as typed ("điện") come before look-alikes ("diễn").
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from portal.core.text import fold
from portal.search.highlight import Highlighted, highlight_text, holds_query_word, query_words
from portal.search.query import SORTS, has_diacritics, parse_query
from portal.search.sources import Facet, Hit, SearchRequest, Source

from .models import CARD_FIELDS, ArticlePage, CategoryPage
from .search_engine import EngineQuery, IndexQuery, uses_database_index
from .search_tokens import category_token
from .selectors import live_articles

RERANK_WINDOW = 100
_WORD = re.compile(r"\w+", re.UNICODE)


def _score(title: str, summary: str, phrase: str, exact_words: list[str]) -> int:
    """Syllables typed together belong together ("dien hinh" is one word, not "diện tích …
    mô hình"): the whole folded phrase in the title or summary counts most; then, when the
    reader typed diacritics, each word found exactly as typed."""
    score = 0
    if " " in phrase:
        score += 4 * (phrase in fold(title)) + 2 * (phrase in fold(summary))
    if exact_words:
        title_words = set(_WORD.findall(title.lower()))
        summary_words = set(_WORD.findall(summary.lower()))
        score += sum(2 * (w in title_words) + (w in summary_words) for w in exact_words)
    return score


def _reranked(ids: list[int], query: str) -> list[int]:
    """The live ones of `ids` in the order of _score (ties keep the index's order), read as
    titles and summaries only: the articles themselves are loaded for the page shown."""
    phrase = fold(query)
    exact_words = query_words(query) if has_diacritics(query) else []
    texts = {
        pk: (title, summary)
        for pk, title, summary in ArticlePage.objects.live().filter(pk__in=ids).values_list("pk", "title", "summary")
    }
    live = [pk for pk in ids if pk in texts]
    scores = {pk: _score(*texts[pk], phrase, exact_words) for pk in live} if " " in phrase or exact_words else {}
    return sorted(live, key=lambda pk: -scores.get(pk, 0)) if scores else live


def _articles_by_id(ids: list[int]) -> list[ArticlePage]:
    # The fields a result shows, as a listing's cards (ten whole page objects: 2.8 ms, these:
    # 2.0 ms, of an uncached search's ~20); the body is only read for the excerpt of a shown
    # result whose summary lacks the words (_with_excerpt_bodies).
    found = ArticlePage.objects.live().only(*CARD_FIELDS).in_bulk(ids)
    return [found[i] for i in ids if i in found]


EXCERPT_PAGE_LIMIT = 50  # a page of results; longer slices (an export) read bodies as needed


def _with_excerpt_bodies(articles: list[ArticlePage], query: str) -> list[ArticlePage]:
    """The bodies the excerpts of a page of results will read (those whose summary holds no
    word of the query), in one query: read one by one they cost a round trip each, ten for a
    query such as "KH&CN" whose words are rarely in summaries."""
    wanted = [
        article.pk
        for article in articles
        if "body" in article.get_deferred_fields() and not holds_query_word(article.summary, query)
    ]
    if wanted:
        bodies = dict(ArticlePage.objects.filter(pk__in=wanted).values_list("pk", "body"))
        for article in articles:
            if article.pk in bodies:
                article.body = bodies[article.pk]
    return articles


class RankedResults:
    """Search results whose first RERANK_WINDOW hits are re-ranked in Python (phrase in the
    title, exact diacritics); the rest stay in the index's order. Supports len() and slicing,
    so Django's Paginator and the API can use it."""

    def __init__(self, index_query: IndexQuery | EngineQuery, query: str):
        self.index_query = index_query
        self.rerank = index_query.sort == "relevance"
        self.query = query
        self._head: list[int] | None = None
        self._count: int | None = None

    @property
    def head(self) -> list[int]:
        """The ids of the first RERANK_WINDOW hits, re-ranked."""
        if self._head is None:
            ids = self.index_query.ids(0, RERANK_WINDOW)
            self._head = _reranked(ids, self.query) if self.rerank else ids
        return self._head

    def count(self) -> int:
        if self._count is None:
            if isinstance(self.index_query, IndexQuery):
                _ = self.head  # the statement that reads the first hits also counts them
            self._count = self.index_query.count()
        return self._count

    @property
    def capped(self) -> bool:
        """More articles match than are counted and shown (a broad search, see IndexQuery)."""
        return self.index_query.capped

    __len__ = count

    def __iter__(self):
        return iter(self[0 : self.count()])

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        ids = self.head[start:stop]
        if stop > RERANK_WINDOW:
            ids += self.index_query.ids(max(start, RERANK_WINDOW), stop)
        items = _articles_by_id(ids)
        return _with_excerpt_bodies(items, self.query) if stop - start <= EXCERPT_PAGE_LIMIT else items


class EmptyResults(list):
    capped = False

    def count(self) -> int:
        return 0


def search_articles(*, query: str, articles=None, sort: str = "relevance", category=None, date_from=None, date_to=None):
    """Live articles matching every word of `query`, ignoring case and diacritics.

    `category` (a CategoryPage: it and its sub-categories) and `date_from`/`date_to` (aware,
    the end exclusive) narrow inside the index (search_tokens.py); `articles` narrows to other
    candidates; with none of them the search is broad (IndexQuery). `sort` is "relevance"
    (default) or "date" (newest first)."""
    parsed = parse_query(query)
    if not parsed:
        return EmptyResults()
    sort = sort if sort in SORTS else "relevance"
    narrowed = category is not None or date_from is not None or date_to is not None
    if uses_database_index():
        index_query = IndexQuery(
            parsed,
            articles,
            sort,
            broad=articles is None and not narrowed,
            tokens=[category_token(category.pk)] if category is not None else [],
            date_from=date_from,
            date_to=date_to,
        )
        return RankedResults(index_query, query)
    base = articles if articles is not None else live_articles()
    if category is not None:
        base = base.descendant_of(category)
    if date_from is not None:
        base = base.filter(date__gte=date_from)
    if date_to is not None:
        base = base.filter(date__lt=date_to)
    return RankedResults(EngineQuery(parsed, base, sort), query)


def highlight(article: ArticlePage, query: str) -> Highlighted:
    """Title and a short excerpt around the first match (summary, else body), matches marked."""
    return highlight_text(article.title, [article.summary, article.body_text], query)


# ------------------------------------------------------------------ site search content type
def _news_find(request: SearchRequest):
    # Unfiltered searches are broad (SEARCH_BROAD_LIMIT in IndexQuery); a category and dates
    # narrow inside the index.
    return search_articles(
        query=request.query,
        sort=request.sort,
        category=request.category,
        date_from=request.date_from or None,
        date_to=request.date_to or None,
    )


def _news_hits(articles: list[ArticlePage], query: str) -> list[Hit]:
    sections = CategoryPage.titles_of(articles)
    hits = []
    for article in articles:
        marked = highlight(article, query)
        hits.append(
            Hit(
                title=marked.title,
                snippet=marked.snippet,
                url=article.get_url() or "",
                date=article.date,
                section=sections.get(article.pk, ""),
            )
        )
    return hits


def _news_categories() -> list[Facet]:
    pages = CategoryPage.objects.live().public().order_by("path").only("title", "slug", "path", "depth")
    return [Facet(slug=page.slug, label=page.title, level=page.depth - 3, value=page) for page in pages]


def _news_titles(limit: int) -> list[str]:
    return list(live_articles().order_by("-date").values_list("title", flat=True)[:limit])


NEWS_SOURCE = Source(
    key="tin-bai",
    label=_("News articles"),
    find=_news_find,
    hits=_news_hits,
    categories=_news_categories,
    vocabulary=_news_titles,
    order=0,
)

"""Article search shared by the search page and the API (`?q=`), so both rank alike.

The index holds a folded copy of every live article (ArticleSearchText) and the query is
folded the same way, which makes "hoi nghi dien hinh" find "Hội nghị điển hình" on SQLite and
PostgreSQL alike. When the reader typed diacritics, the first results are re-ranked so that
articles containing the words exactly as typed ("điện") come before look-alikes ("diễn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from portal.core.text import fold, fold_for_search
from portal.glossary.selectors import search_expansions
from portal.search.highlight import Highlighted, highlight_text, query_words
from portal.search.sources import Hit, SearchRequest, Source

from .models import ArticlePage, ArticleSearchText
from .selectors import live_articles

RERANK_WINDOW = 100
ARTICLE_TABLE = ArticlePage._meta.db_table
TEXT_TABLE = ArticleSearchText._meta.db_table
FTS_TABLE = "news_article_fts"  # created by migration news 0002 (SQLite only)
SORTS = ("relevance", "date")
_WORD = re.compile(r"\w+", re.UNICODE)


def has_diacritics(query: str) -> bool:
    return fold(query) != " ".join(query.lower().split())


@dataclass
class Alternative:
    words: list[str]
    prefix: bool = False


@dataclass
class ParsedQuery:
    """AND of groups; each group matches when any of its alternatives (a phrase) matches."""

    groups: list[list[Alternative]]
    phrase: list[str]  # every word in order, for the "whole phrase" ranking tier

    def __bool__(self) -> bool:
        return bool(self.groups)


def parse_query(query: str) -> ParsedQuery:
    """Words of the query (folded), with:
    - "…" quoted parts as phrases;
    - a trailing * on a word as a prefix ("nghi*" finds "nghị", "nghiệm", "nghiên");
    - abbreviations both ways: "KH&CN"/"khcn" also finds "khoa học và công nghệ" and back.
    """
    text = fold_for_search(query)
    groups: list[list[Alternative]] = []
    phrase: list[str] = []
    for quoted, plain in re.findall(r'"([^"]*)"|([^"\s]+)', text):
        if quoted:
            words = _WORD.findall(quoted)
            if words:
                groups.append([Alternative(words)])
                phrase += words
            continue
        words = _WORD.findall(plain)
        for i, word in enumerate(words):
            prefix = plain.endswith("*") and i == len(words) - 1
            groups.append([Alternative([word], prefix=prefix)])
            phrase.append(word)
    groups = _expand_abbreviations(groups)
    return ParsedQuery(groups=groups, phrase=phrase)


def _expand_abbreviations(groups: list[list[Alternative]]) -> list[list[Alternative]]:
    """An abbreviation of the glossary also finds its full form, and the full form typed out
    also finds the abbreviation ("khcn" ↔ "khoa học và công nghệ")."""
    abbreviations = search_expansions()
    # Longest full forms first, so "khoa học và công nghệ" is not taken for a shorter one.
    full_forms = sorted(
        ((list(full), abbr) for abbr, fulls in abbreviations.items() for full in fulls), key=lambda p: -len(p[0])
    )
    singles = [g[0].words[0] if len(g) == 1 and len(g[0].words) == 1 and not g[0].prefix else None for g in groups]
    out: list[list[Alternative]] = []
    i = 0
    while i < len(groups):
        word = singles[i]
        if word in abbreviations:
            out.append([Alternative([word]), *(Alternative(list(full)) for full in abbreviations[word])])
            i += 1
            continue
        for words, abbr in full_forms:
            if singles[i : i + len(words)] == words:
                out.append([Alternative(words), Alternative([abbr])])
                i += len(words)
                break
        else:
            out.append(groups[i])
            i += 1
    return out


def _fts5(parsed: ParsedQuery) -> str:
    def alt(a: Alternative) -> str:
        return '"' + " ".join(a.words) + '"' + ("*" if a.prefix else "")

    return " AND ".join("(" + " OR ".join(alt(a) for a in g) + ")" for g in parsed.groups)


def _tsquery(parsed: ParsedQuery) -> str:
    def alt(a: Alternative) -> str:
        terms = [f"'{w}'" for w in a.words]
        if a.prefix:
            terms[-1] += ":*"
        return "(" + " <-> ".join(terms) + ")"

    return " & ".join("(" + " | ".join(alt(a) for a in g) + ")" for g in parsed.groups)


def _score(article: ArticlePage, phrase: str, exact_words: list[str]) -> int:
    """Syllables typed together belong together ("dien hinh" is one word, not "diện tích …
    mô hình"): the whole folded phrase in the title or summary counts most; then, when the
    reader typed diacritics, each word found exactly as typed."""
    score = 0
    if " " in phrase:
        score += 4 * (phrase in fold(article.title)) + 2 * (phrase in fold(article.summary))
    if exact_words:
        title = set(_WORD.findall(article.title.lower()))
        summary = set(_WORD.findall(article.summary.lower()))
        score += sum(2 * (w in title) + (w in summary) for w in exact_words)
    return score


class IndexQuery:
    """Matching and ordering done by the database's full-text index directly.

    The public search has its own index (ArticleSearchText: the folded text of each live
    article keyed by its page id; FTS5 on SQLite, a generated tsvector with GIN on
    PostgreSQL), kept in step on publish/unpublish. One statement per page of results reads
    it and returns the page ids with the number of matches: the matches (restricted to the
    candidate articles: category, dates), then ordered by whole phrase present, the engine's
    rank (bm25 / ts_rank) when there are at most SEARCH_RANKED_MATCHES matches, newest; or by
    date. (Wagtail's own index, which the admin search keeps using, is slower here: its
    database backend ranks through a correlated sub-query per row, and its rows are large and
    keyed by text ids.)

    An unfiltered ("broad") search keeps only the SEARCH_BROAD_LIMIT newest matches (highest
    page ids): on a science department's site "khoa học và công nghệ" is in nearly every
    article, and every match costs time to count and order (the database walks the newest
    rows and stops there instead). `capped` then says that more articles match; filtered
    searches (category, dates) always see every match, so an old article can still be found
    by narrowing."""

    def __init__(self, parsed: ParsedQuery, articles, sort: str, *, broad: bool = False):
        self.parsed, self.sort = parsed, sort
        self.cap = max(settings.SEARCH_BROAD_LIMIT, 1) if broad else None
        self._total: int | None = None
        self._many: bool | None = None
        self.candidates_sql, self.candidates_params = articles.order_by().values("pk").query.sql_with_params()
        # All live articles without view restrictions: the index holds only live articles
        # (rows are removed on unpublish), so no candidate check is needed at all; the
        # articles shown are loaded with live() as a safety net.
        self.all_public = broad and not PageViewRestriction.objects.exists()
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.match = _fts5(parsed)
        else:
            self.config = getattr(settings, "PORTAL_SEARCH_CONFIG", "simple")
            self.match = _tsquery(parsed)

    def _candidates(self, column: str) -> tuple[str, tuple]:
        if self.all_public:
            return "1 = 1", ()
        return f"{column} IN ({self.candidates_sql})", tuple(self.candidates_params)

    def _matches(self) -> tuple[str, list]:
        """CTEs `f` (every kept match: id, and on SQLite its bm25 rank r when scored) and `k`
        (the ones to order: the newest `cap` of f when capped, else f)."""
        if self.vendor == "sqlite":
            fts = FTS_TABLE
            rank = ", bm25(" + fts + ") AS r" if self._scored() else ""
            limit = f" ORDER BY rowid DESC LIMIT {self.cap + 1}" if self.cap else ""
            where, params = self._candidates("m.id")
            # The MATCH runs once, materialised, before the candidate check: left to itself
            # the planner may scan the candidates first and probe the full-text index per row.
            # (So a broad search with view-restricted articles among its newest matches keeps
            # fewer than `cap`; PostgreSQL checks the candidates inside the walk.)
            sql = (
                f"WITH m AS MATERIALIZED (SELECT rowid AS id{rank} FROM {fts} WHERE {fts} MATCH %s{limit}), "
                f"f AS MATERIALIZED (SELECT * FROM m WHERE {where}), "
            )
            params = [self.match, *params]
        else:
            where, params = self._candidates("s.page_id")
            limit = f" ORDER BY s.page_id DESC LIMIT {self.cap + 1}" if self.cap else ""
            sql = (
                f"WITH f AS MATERIALIZED (SELECT s.page_id AS id, s.vector FROM {TEXT_TABLE} s "
                f"WHERE s.vector @@ to_tsquery(%s::regconfig, %s) AND {where}{limit}), "
            )
            params = [self.config, self.match, *params]
        if self.cap:
            sql += f"k AS MATERIALIZED (SELECT * FROM f ORDER BY id DESC LIMIT {self.cap}) "
        else:
            sql += "k AS (SELECT * FROM f) "
        return sql, params

    def _scored(self) -> bool:
        """SQLite: whether bm25 orders the matches. bm25 is computed in the MATCH itself and
        its cost grows with every match in the index (it counts the documents holding each
        phrase), even when only the newest are kept; so it is used when the query has at most
        SEARCH_RANKED_MATCHES matches in all, asked first with a cheap probe. (PostgreSQL's
        ts_rank costs per ranked row, so there the statement decides from its own count.)"""
        if self.sort != "relevance":
            return False
        if self._many is None:
            ranked = max(settings.SEARCH_RANKED_MATCHES, 1)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s LIMIT 1 OFFSET %s", [self.match, ranked]
                )
                self._many = cursor.fetchone() is not None
        return not self._many

    def _order(self) -> tuple[str, str, list]:
        """JOIN and ORDER BY over k for the chosen sort."""
        if self.sort == "date":
            return f"JOIN {ARTICLE_TABLE} a ON a.page_ptr_id = k.id ", "a.date DESC, k.id DESC", []
        if self.vendor == "sqlite":
            fts = FTS_TABLE
            phrase = '"' + " ".join(self.parsed.phrase) + '"'
            score = "k.r, " if self._scored() else ""
            order = (
                f"(k.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s AND rowid >= (SELECT min(id) FROM k))) DESC, "
                f"{score}k.id DESC"
            )
            return "", order, [phrase]
        config = self.config
        phrase = " <-> ".join(f"'{w}'" for w in self.parsed.phrase)
        ranked = max(settings.SEARCH_RANKED_MATCHES, 1)
        # The count is an InitPlan, computed once; ts_rank is only evaluated when it is small.
        order = (
            "(k.vector @@ to_tsquery(%s::regconfig, %s)) DESC, "
            f"CASE WHEN (SELECT count(*) FROM f) <= {ranked} THEN ts_rank(k.vector, to_tsquery(%s::regconfig, %s)) END "
            "DESC NULLS LAST, k.id DESC"
        )
        return "", order, [config, phrase, config, self.match]

    def ids(self, start: int, stop: int) -> list[int]:
        """Page ids of the matches start..stop in order; notes the number of matches."""
        with_sql, params = self._matches()
        join, order, order_params = self._order()
        sql = f"{with_sql}SELECT k.id, (SELECT count(*) FROM f) FROM k {join}ORDER BY {order} LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *order_params, stop - start, start])
            rows = cursor.fetchall()
        if rows:
            self._total = rows[0][1]
        elif start == 0:
            self._total = 0
        return [row[0] for row in rows]

    def _count_all(self) -> int:
        if self._total is None:
            with_sql, params = self._matches()
            with connection.cursor() as cursor:
                cursor.execute(f"{with_sql}SELECT count(*) FROM f", params)
                self._total = cursor.fetchone()[0]
        return self._total

    def count(self) -> int:
        """Number of matches shown: at most SEARCH_BROAD_LIMIT for a broad search."""
        total = self._count_all()
        return min(total, self.cap) if self.cap else total

    @property
    def capped(self) -> bool:
        """More articles match than a broad search shows."""
        return bool(self.cap) and self._count_all() > self.cap


class EngineQuery:
    """The same interface over Wagtail's configured search backend, used when that backend is
    not the database one (Elasticsearch/OpenSearch at scale, see README): the engine ranks,
    the folded query is sent as plain words (no abbreviation or prefix expansion)."""

    def __init__(self, parsed: ParsedQuery, articles, sort: str):
        words = " ".join(parsed.phrase)
        self.sort = sort
        if sort == "date":
            self.results = articles.order_by("-date").search(words, operator="and", order_by_relevance=False)
        else:
            self.results = articles.search(words, operator="and")

    capped = False

    def count(self) -> int:
        return self.results.count()

    def ids(self, start: int, stop: int) -> list[int]:
        return [a.pk for a in self.results[start:stop]]


def uses_database_index() -> bool:
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return backend in ("wagtail.search.backends.database", "modelsearch.backends.database")


def _articles_by_id(ids: list[int]) -> list[ArticlePage]:
    # The body is only read for the excerpt of a shown result whose summary lacks the words.
    found = ArticlePage.objects.live().defer("body").in_bulk(ids)
    return [found[i] for i in ids if i in found]


class RankedResults:
    """Search results whose first RERANK_WINDOW hits are re-ranked in Python (phrase in the
    title, exact diacritics); the rest stay in the index's order. Supports len() and slicing,
    so Django's Paginator and the API can use it."""

    def __init__(self, index_query: IndexQuery | EngineQuery, query: str):
        self.index_query = index_query
        self.rerank = index_query.sort == "relevance"
        self.query = query
        self._head: list[ArticlePage] | None = None
        self._count: int | None = None

    @property
    def head(self) -> list[ArticlePage]:
        if self._head is None:
            head = _articles_by_id(self.index_query.ids(0, RERANK_WINDOW))
            if self.rerank:
                phrase = fold(self.query)
                exact_words = query_words(self.query) if has_diacritics(self.query) else []
                order = {a.pk: i for i, a in enumerate(head)}
                head.sort(key=lambda a: (-_score(a, phrase, exact_words), order[a.pk]))
            self._head = head
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
        items = self.head[start:stop]
        if stop > RERANK_WINDOW:
            items += _articles_by_id(self.index_query.ids(max(start, RERANK_WINDOW), stop))
        return items


class EmptyResults(list):
    capped = False

    def count(self) -> int:
        return 0


def search_articles(*, query: str, articles=None, sort: str = "relevance"):
    """Live articles matching every word of `query`, ignoring case and diacritics.

    `articles` narrows the candidates (category, dates); `sort` is "relevance" (default) or
    "date" (newest first)."""
    parsed = parse_query(query)
    if not parsed:
        return EmptyResults()
    base = articles if articles is not None else live_articles()
    sort = sort if sort in SORTS else "relevance"
    if uses_database_index():
        return RankedResults(IndexQuery(parsed, base, sort, broad=articles is None), query)
    return RankedResults(EngineQuery(parsed, base, sort), query)


def highlight(article: ArticlePage, query: str) -> Highlighted:
    """Title and a short excerpt around the first match (summary, else body), matches marked."""
    return highlight_text(article.title, [article.summary, article.body_text], query)


# ------------------------------------------------------------------------ "did you mean"
VOCABULARY_CACHE_KEY = "portal:search:vocabulary"
VOCABULARY_SECONDS = 3600
VOCABULARY_TITLES = 50_000


def _vocabulary() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Words of recent article titles: folded word → its most frequent written form, and the
    same for pairs of neighbouring words (so "hoi nghi" becomes "hội nghị", not "hỏi nghỉ").
    Built from the newest titles and cached for an hour; only the "no results" page uses it."""
    from collections import Counter

    from django.core.cache import cache

    cached = cache.get(VOCABULARY_CACHE_KEY)
    if cached is not None:
        return cached
    words: Counter = Counter()
    pairs: Counter = Counter()
    titles = live_articles().order_by("-date").values_list("title", flat=True)[:VOCABULARY_TITLES]
    for title in titles:
        tokens = _WORD.findall(title.lower())
        words.update(tokens)
        pairs.update(zip(tokens, tokens[1:], strict=False))
    best_word: dict[str, str] = {}
    for word, _count in words.most_common():
        best_word.setdefault(fold(word), word)
    best_pair: dict[tuple[str, str], str] = {}
    for (a, b), _count in pairs.most_common():
        best_pair.setdefault((fold(a), fold(b)), f"{a} {b}")
    result = (best_word, best_pair)
    cache.set(VOCABULARY_CACHE_KEY, result, VOCABULARY_SECONDS)
    return result


def suggest_query(query: str) -> str | None:
    """A corrected, accent-restored spelling of `query` from words the site uses, or None.

    Unknown words are replaced by the closest known one (difflib ratio ≥ 0.75, so "nhgi" →
    "nghi"); each word is then written with the diacritics it most often has next to its
    neighbour. Returns None when nothing would change."""
    import difflib

    best_word, best_pair = _vocabulary()
    if not best_word:
        return None
    folded = [fold(w) for w in query_words(query.replace("*", " "))]
    corrected = []
    for word in folded:
        if word in best_word or word.isdigit():
            corrected.append(word)
            continue
        close = difflib.get_close_matches(word, best_word.keys(), n=1, cutoff=0.75)
        corrected.append(close[0] if close else word)
    written: list[str] = []
    for i, word in enumerate(corrected):
        if i == 0:
            pair = best_pair.get((word, corrected[1])) if len(corrected) > 1 else None
            written.append(pair.split(" ")[0] if pair else best_word.get(word, word))
            continue
        pair = best_pair.get((corrected[i - 1], word))
        if pair and pair.split(" ")[0] == written[-1]:
            written.append(pair.split(" ")[1])
        else:
            written.append(best_word.get(word, word))
    suggestion = " ".join(written)
    if not suggestion or suggestion == " ".join(query_words(query)):
        return None
    if corrected == folded and has_diacritics(query):
        return None  # typed with marks, every word known: nothing to correct
    return suggestion


# ------------------------------------------------------------------ site search content type
def _news_find(request: SearchRequest):
    articles = live_articles()
    if request.category is not None:
        articles = articles.descendant_of(request.category)
    if request.date_from:
        articles = articles.filter(date__gte=request.date_from)
    if request.date_to:
        articles = articles.filter(date__lt=request.date_to)
    narrowed = request.category is not None or request.date_from or request.date_to
    # Unfiltered searches pass no candidates: see SEARCH_BROAD_LIMIT in IndexQuery.
    return search_articles(query=request.query, articles=articles if narrowed else None, sort=request.sort)


def _news_hits(articles: list[ArticlePage], query: str) -> list[Hit]:
    from .selectors import category_titles

    sections = category_titles(articles=articles)
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


NEWS_SOURCE = Source(
    key="tin-bai", label=_("News articles"), find=_news_find, hits=_news_hits, uses_category=True, order=0
)

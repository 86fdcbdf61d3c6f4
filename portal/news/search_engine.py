"""The database side of article search: one SQL statement per page of results over the
public search's own index (FTS5 on SQLite, tsvector + GIN on PostgreSQL), or Wagtail's
search backend when the installation uses an external engine."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from wagtail.models import PageViewRestriction

from portal.search.query import ParsedQuery, fts5_match, tsquery

from .models import ArticlePage, ArticleSearchText

ARTICLE_TABLE = ArticlePage._meta.db_table
TEXT_TABLE = ArticleSearchText._meta.db_table
FTS_TABLE = "news_article_fts"  # created by migration news 0002 (SQLite only)


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
            self.match = fts5_match(parsed)
        else:
            self.config = getattr(settings, "PORTAL_SEARCH_CONFIG", "simple")
            self.match = tsquery(parsed)

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
    not the database one (Elasticsearch/OpenSearch at scale, see docs/architecture.md): the engine ranks,
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

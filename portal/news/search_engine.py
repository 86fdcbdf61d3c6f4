"""The database side of article search: one SQL statement per page of results over the
public search's own index (FTS5 on SQLite, tsvector + GIN on PostgreSQL), or Wagtail's
search backend when the installation uses an external engine."""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from wagtail.models import PageViewRestriction

from portal.search.query import ParsedQuery, fts5_match, tsquery, tsquery_literal

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
    by narrowing.

    A category and a date range narrow inside the index itself: every indexed text ends with
    tokens of its categories, year and month (search_tokens.py), so a category is "zzdm12 AND
    (the words)". A date range is the month (or year) tokens it covers, then the exact dates: on
    SQLite the matches dated in its edge months' days outside the range are taken out (a range
    on the index's own date column), on PostgreSQL a range on that column (without the tokens
    its planner filtered every vector of the range row by row after the date index: 37 of 52 ms
    for a year at 100,000 articles). On PostgreSQL
    a phrase is the AND of its word pairs, which the index holds too (news migration 0004,
    portal.search.query.tsquery_literal). `articles`, when given, are candidates checked as well
    (any other narrowing, and view restrictions when some exist)."""

    def __init__(
        self,
        parsed: ParsedQuery,
        articles,
        sort: str,
        *,
        broad: bool = False,
        tokens: list[str] | None = None,
        date_from=None,
        date_to=None,
    ):
        self.parsed, self.sort = parsed, sort
        self.cap = max(settings.SEARCH_BROAD_LIMIT, 1) if broad else None
        self._total: int | None = None
        self._many: bool | None = None
        if articles is None and PageViewRestriction.objects.exists():
            from .selectors import live_articles

            articles = live_articles()  # the public ones only
        # No candidates: the index holds only live articles (rows are removed on unpublish),
        # so no check is needed at all; the articles shown are loaded with live() as a safety net.
        self.all_public = articles is None
        if articles is not None:
            self.candidates_sql, self.candidates_params = articles.order_by().values("pk").query.sql_with_params()
        self.dates = [
            (op, connection.ops.adapt_datetimefield_value(value))
            for op, value in ((">=", date_from), ("<", date_to))
            if value is not None
        ]
        self.vendor = connection.vendor
        narrowing = list(tokens or [])
        if self.vendor == "sqlite":
            self.match = fts5_match(parsed)
            periods, span = self._periods(date_from, date_to)
            if periods:
                narrowing.append("(" + " OR ".join(periods) + ")")
            self.outside = self._outside(span, date_from, date_to)
            self.narrowing = " AND ".join(narrowing)
            if self.narrowing:
                # The narrowing first: FTS5 intersects a little faster from the shorter lists
                # (5–15 % for a year of 13 month tokens at 100,000 articles).
                self.match = f"{self.narrowing} AND ({self.match})"
        else:
            # PostgreSQL: the category and the months are tokens, the exact dates a range on the
            # index's own date column, which the planner combines with the GIN index (BitmapAnd).
            # A phrase is the AND of its word pairs (portal.search.query.tsquery_literal), which
            # the GIN index decides alone; with a word the pairs' split does not cover, `<->`.
            self.config = getattr(settings, "PORTAL_SEARCH_CONFIG", "simple")
            periods, _span = self._periods(date_from, date_to)
            if periods:
                narrowing.append("(" + " | ".join(periods) + ")")
            literal = tsquery_literal(parsed)
            self.pairs = literal is not None
            self.match = literal if self.pairs else tsquery(parsed)
            self.narrowing = " & ".join(narrowing)
            if self.narrowing:
                self.match = f"({self.match}) & {self.narrowing}"

    def _tsquery(self, text: str) -> tuple[str, list]:
        """PostgreSQL: the SQL and parameters of a query written by `tsquery_literal` (word
        pairs, taken as written) or by `tsquery` (read by to_tsquery)."""
        if self.pairs:
            return "%s::tsquery", [text]
        return "to_tsquery(%s::regconfig, %s)", [self.config, text]

    @staticmethod
    def _periods(date_from, date_to):
        """The month (or year) tokens of a date range and the days they cover
        (search_tokens.date_tokens); ([], None) without a range."""
        if date_from is None and date_to is None:
            return [], None
        from .search_tokens import date_tokens
        from .selectors import first_article_year

        return date_tokens(date_from, date_to, first_article_year() if date_from is None else 0)

    @staticmethod
    def _outside(span, date_from, date_to) -> list[tuple] | None:
        """SQLite: the parts of the tokens' `span` of days outside the range, as (from, to)
        database values: a match dated in one of them is out. [] when the tokens are exact (or
        there is no range); None when there are no tokens and every match's date is checked."""
        if date_from is None and date_to is None:
            return []
        if span is None:
            return None
        from portal.core.calendar import start_of_day

        start, end = start_of_day(span[0]), start_of_day(span[1])
        parts = []
        if date_from is not None and date_from > start:
            parts.append((start, date_from))
        if date_to is not None and date_to < end:
            parts.append((date_to, end))
        adapt = connection.ops.adapt_datetimefield_value
        return [(adapt(low), adapt(high)) for low, high in parts]

    def _candidates(self, column: str) -> tuple[str, tuple]:
        """The check of the candidates and dates on the matches' ids `column`."""
        parts, params = [], []
        if not self.all_public:
            parts.append(f"{column} IN ({self.candidates_sql})")
            params += self.candidates_params
        if self.dates and self.vendor != "sqlite":  # the index's own date column (s.date)
            parts += [f"s.date {op} %s" for op, _value in self.dates]
            params += [value for _op, value in self.dates]
        elif self.dates and self.outside is None:  # no tokens: every match's date is looked up
            bounds = " AND ".join(f"a.date {op} %s" for op, _value in self.dates)
            parts.append(f"EXISTS (SELECT 1 FROM {ARTICLE_TABLE} a WHERE a.page_ptr_id = {column} AND {bounds})")
            params += [value for _op, value in self.dates]
        elif self.dates and self.outside:
            # The tokens placed every match in the periods the range touches; those dated in
            # the periods' days outside the range are taken out, found through the index's own
            # date column (a range scan of at most two periods' articles, where looking up the
            # date of each match in the edge periods cost ~3 ms for a year at 100,000 articles).
            spans = " OR ".join("(t.date >= %s AND t.date < %s)" for _part in self.outside)
            parts.append(f"{column} NOT IN (SELECT t.page_id FROM {TEXT_TABLE} t WHERE {spans})")
            params += [value for part in self.outside for value in part]
        return (" AND ".join(parts) or "1 = 1"), tuple(params)

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
            order = limit or " ORDER BY rowid"  # FTS5 walks its lists in this order: no sorting
            sql = (
                f"WITH m AS MATERIALIZED (SELECT rowid AS id{rank} FROM {fts} WHERE {fts} MATCH %s{order}), "
                f"f AS MATERIALIZED (SELECT * FROM m WHERE {where}), "
            )
            params = [self.match, *params]
        else:
            where, params = self._candidates("s.page_id")
            limit = f" ORDER BY s.page_id DESC LIMIT {self.cap + 1}" if self.cap else ""
            match_sql, match_params = self._tsquery(self.match)
            sql = (
                f"WITH f AS MATERIALIZED (SELECT s.page_id AS id, s.vector FROM {TEXT_TABLE} s "
                f"WHERE s.vector @@ {match_sql} AND {where}{limit}), "
            )
            params = [*match_params, *params]
        # The re-ranked window: the newest `window` matches, from `low` up.
        if self.cap:  # a broad search keeps its newest `cap` (= window) matches: all of k
            sql += f"k AS MATERIALIZED (SELECT * FROM f ORDER BY id DESC LIMIT {self.cap}), "
            low = "SELECT min(id) FROM k"
        else:
            sql += "k AS (SELECT * FROM f), "
            if self.vendor == "sqlite":
                # f holds the matches in ascending id order (FTS5's walk, kept by the
                # materialised CTEs), so the window starts `window` rows before its end: read by
                # position instead of sorting every match (2.5 of a year's ~30 ms at 100,000
                # articles). Were the order ever lost, only the window would move, never what
                # matches.
                low = f"SELECT id FROM f LIMIT 1 OFFSET (SELECT max(count(*) - {self.window}, 0) FROM f)"
            else:
                low = f"SELECT min(id) FROM (SELECT id FROM k ORDER BY id DESC LIMIT {self.window}) AS newest"
        sql += f"w AS MATERIALIZED (SELECT coalesce(({low}), 0) AS low) "
        return sql, params

    @property
    def window(self) -> int:
        """How many of the newest matches the relevance order looks at: the phrase present
        first, then the rank, only among them; older matches follow newest first. Every match
        stays counted and reachable; a filtered search's cost no longer grows with every match
        of a large category (evaluating the phrase on 10,000 articles took most of its time).
        When the matches are few enough to be ranked, the window holds them all."""
        return self.cap or max(settings.SEARCH_RANKED_MATCHES, settings.SEARCH_BROAD_LIMIT, 1)

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
            phrase = fts5_match(self.parsed.whole_phrase())
            if self.narrowing:  # the phrase looked up among the narrowed matches only
                phrase = f"{self.narrowing} AND {phrase}"
            score = "k.r, " if self._scored() else ""
            # The phrase looked up among the window only (rowid >= its lowest id: FTS5 walks the
            # newest rows); a match outside the window is never "phrase first".
            order = (
                f"(k.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s AND rowid >= (SELECT low FROM w))) DESC, "
                f"{score}k.id DESC"
            )
            return "", order, [phrase]
        ranked = max(settings.SEARCH_RANKED_MATCHES, 1)
        match_sql, match_params = self._tsquery(self.match)
        # The count is an InitPlan, computed once; ts_rank is only evaluated when it is small.
        rank = (
            f"CASE WHEN (SELECT count(*) FROM f) <= {ranked} THEN ts_rank(k.vector, {match_sql}) END "
            "DESC NULLS LAST, k.id DESC"
        )
        if len(self.parsed.phrase) < 2:  # one word: every match holds the "whole phrase"
            return "", rank, match_params
        whole = self.parsed.whole_phrase()
        phrase_sql, phrase_params = self._tsquery(tsquery_literal(whole) if self.pairs else tsquery(whole))
        order = f"CASE WHEN k.id >= (SELECT low FROM w) THEN k.vector @@ {phrase_sql} END DESC NULLS LAST, {rank}"
        return "", order, [*phrase_params, *match_params]

    def ids(self, start: int, stop: int) -> list[int]:
        """Page ids of the matches start..stop in order; notes the number of matches."""
        with_sql, params = self._matches()
        join, order, order_params = self._order()
        sql = f"{with_sql}SELECT k.id, (SELECT count(*) FROM f) FROM k {join}ORDER BY {order} LIMIT %s OFFSET %s"
        with _index_scans() as cursor:
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
            with _index_scans() as cursor:
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


@contextmanager
def _index_scans():
    """A cursor for the statements above. On PostgreSQL the text table is read through its GIN
    index only: its planner prices a sequential scan without the cost of reading every stored
    vector (most are out of line, in TOAST), and for a prefix query in one category it chose
    one at 100,000 articles (300 ms against 33 ms through the index; docs/benchmarks.md). The
    setting lasts for the statement's transaction (a savepoint inside an outer one, put back
    afterwards)."""
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            yield cursor
            return
        outer = connection.in_atomic_block
        with transaction.atomic():
            cursor.execute("SET LOCAL enable_seqscan = off")
            yield cursor
            if outer:  # otherwise the commit ends it
                cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


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

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
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import PageViewRestriction

from portal.accessibility.glossary import search_expansions
from portal.core.text import fold, fold_aligned, fold_for_search

from .models import ArticlePage, ArticleSearchText
from .selectors import live_articles

RERANK_WINDOW = 100
ARTICLE_TABLE = ArticlePage._meta.db_table
TEXT_TABLE = ArticleSearchText._meta.db_table
FTS_TABLE = "news_article_fts"  # created by migration news 0002 (SQLite only)
SNIPPET_RADIUS = 90
SORTS = ("relevance", "date")
_WORD = re.compile(r"\w+", re.UNICODE)



def query_words(query: str) -> list[str]:
    return [w for w in _WORD.findall(query.lower()) if w]


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
    it, restricted to the candidate articles (category, dates), and orders by: whole phrase
    present, then the engine's rank (bm25 / ts_rank), or by date. (Wagtail's own index, which
    the admin search keeps using, is slower here: its database backend ranks through a
    correlated sub-query per row, and its rows are large and keyed by text ids.)"""

    def __init__(self, parsed: ParsedQuery, articles, sort: str, *, broad: bool = False):
        self.parsed, self.sort, self.broad = parsed, sort, broad
        self._floor: int | None = None
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

    def _sql(self, select: str, order: bool) -> tuple[str, list]:
        parsed = self.parsed
        params: list = []
        by_date = order and self.sort == "date"
        if self.vendor == "sqlite":
            fts = FTS_TABLE
            floor = self._entry_floor(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s", [self.match]
            )
            scored = order and not by_date and not self._many_matches(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s AND rowid >= %s LIMIT 1 OFFSET %s", [self.match, floor]
            )
            rank = f", bm25({fts}) AS r" if scored else ""
            # The MATCH runs once, materialised, before the joins: left to itself the planner
            # may scan the candidates first and probe the full-text index per row.
            with_sql = f"WITH m AS MATERIALIZED (SELECT rowid AS id{rank} FROM {fts} WHERE {fts} MATCH %s AND rowid >= %s) "
            where, where_params = self._candidates("m.id")
            params += [self.match, floor, *where_params]
            if by_date:
                sql = f"FROM m JOIN {ARTICLE_TABLE} a ON a.page_ptr_id = m.id WHERE {where} ORDER BY a.date DESC, m.id DESC"
            else:
                sql = f"FROM m WHERE {where}"
                if order:
                    phrase = '"' + " ".join(parsed.phrase) + '"'
                    score = "m.r, " if scored else ""
                    sql += f" ORDER BY (m.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s AND rowid >= %s)) DESC, {score}m.id DESC"
                    params += [phrase, floor]
            return with_sql + f"SELECT {select} " + sql, params
        config = self.config
        floor = self._entry_floor(
            f"SELECT page_id FROM {TEXT_TABLE} WHERE vector @@ to_tsquery(%s::regconfig, %s) "
            f"ORDER BY page_id DESC LIMIT 1 OFFSET %s",
            [config, self.match],
        )
        where, where_params = self._candidates("s.page_id")
        join = f"JOIN {ARTICLE_TABLE} a ON a.page_ptr_id = s.page_id " if by_date else ""
        sql = (
            f"FROM {TEXT_TABLE} s {join}WHERE s.vector @@ to_tsquery(%s::regconfig, %s) AND s.page_id >= %s "
            f"AND {where}"
        )
        params += [config, self.match, floor, *where_params]
        if by_date:
            sql += " ORDER BY a.date DESC, s.page_id DESC"
        elif order:
            phrase = " <-> ".join(f"'{w}'" for w in parsed.phrase)
            sql += " ORDER BY (s.vector @@ to_tsquery(%s::regconfig, %s)) DESC,"
            params += [config, phrase]
            many = self._many_matches(
                f"SELECT 1 FROM {TEXT_TABLE} WHERE vector @@ to_tsquery(%s::regconfig, %s) AND page_id >= %s LIMIT 1 OFFSET %s",
                [config, self.match, floor],
            )
            if not many:
                sql += " ts_rank(s.vector, to_tsquery(%s::regconfig, %s)) DESC,"
                params += [config, self.match]
            sql += " s.page_id DESC"
        return f"SELECT {select} {sql}", params

    def _many_matches(self, sql: str, params: list) -> bool:
        """More than SEARCH_RANKED_MATCHES matches: too many to score each one. `sql` selects
        a row of the matches, ending with an OFFSET placeholder."""
        if self._many is None:
            with connection.cursor() as cursor:
                cursor.execute(sql, [*params, max(settings.SEARCH_RANKED_MATCHES, 1)])
                self._many = cursor.fetchone() is not None
        return self._many

    def _entry_floor(self, sql: str, params: list) -> int:
        """Unfiltered searches whose words are in more than SEARCH_BROAD_LIMIT articles (on a
        science department's site "khoa học và công nghệ" is in nearly all) are ranked among
        the SEARCH_BROAD_LIMIT newest matching articles (highest page ids): scoring every match costs
        time in proportion to the matches, more with ts_rank on PostgreSQL. `sql` selects the
        page ids of all matches, newest first, ending with an OFFSET placeholder.
        Filtered searches (category, dates) always see every match, so an old article can
        still be found by narrowing."""
        if self._floor is None:
            self._floor = 0
            if self.broad:
                with connection.cursor() as cursor:
                    cursor.execute(sql, [*params, max(settings.SEARCH_BROAD_LIMIT, 1) - 1])
                    row = cursor.fetchone()
                    self._floor = row[0] if row else 0
        return self._floor

    def count(self) -> int:
        sql, params = self._sql("COUNT(*)", order=False)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]

    def ids(self, start: int, stop: int) -> list[int]:
        column = "m.id" if self.vendor == "sqlite" else "s.page_id"
        sql, params = self._sql(column, order=True)
        sql += " LIMIT %s OFFSET %s"
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, stop - start, start])
            return [row[0] for row in cursor.fetchall()]


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

    def __init__(self, index_query: "IndexQuery | EngineQuery", query: str):
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
            self._count = self.index_query.count()
        return self._count

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


@dataclass
class Highlighted:
    title: SafeString
    snippet: SafeString


def _mark(text: str, words: list[str]) -> SafeString:
    """Escape `text` and wrap every occurrence of the folded words in <mark>."""
    folded = fold_aligned(text)
    spans = []
    for word in words:
        for m in re.finditer(r"(?<!\w)" + re.escape(word), folded):
            spans.append((m.start(), m.end()))
    spans.sort()
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


def _first_match(text: str, words: list[str]) -> int:
    """Position of the earliest folded word in `text`, or -1."""
    folded = fold_aligned(text)
    return min((i for i in (folded.find(w) for w in words) if i >= 0), default=-1)


def highlight(article: ArticlePage, query: str) -> Highlighted:
    """Title and a short excerpt around the first match, matches marked."""
    words = [fold(w) for w in query_words(query)]
    text = article.summary
    first = _first_match(text, words)
    if first < 0:
        body = article.body_text()
        first_body = _first_match(body, words)
        if first_body >= 0:
            text, first = body, first_body
    start = max(0, first - SNIPPET_RADIUS) if first >= 0 else 0
    end = min(len(text), (first if first >= 0 else 0) + SNIPPET_RADIUS * 2)
    excerpt = ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
    return Highlighted(title=_mark(article.title, words), snippet=_mark(excerpt, words))


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
        pairs.update(zip(tokens, tokens[1:]))
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

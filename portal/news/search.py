"""Article search shared by the search page and the API (`?q=`), so both rank alike.

The index holds a folded copy of every article (ArticlePage.search_folded) and the query is
folded the same way, which makes "hoi nghi dien hinh" find "Hội nghị điển hình" on SQLite and
PostgreSQL alike. When the reader typed diacritics, the first results are re-ranked so that
articles containing the words exactly as typed ("điện") come before look-alikes ("diễn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.core.text import fold, fold_aligned

from .models import ArticlePage
from .selectors import live_articles

RERANK_WINDOW = 100
SNIPPET_RADIUS = 90
SORTS = ("relevance", "date")
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    return [w for w in _WORD.findall(query.lower()) if w]


def has_diacritics(query: str) -> bool:
    return fold(query) != " ".join(query.lower().split())


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


class RankedResults:
    """Search results whose first RERANK_WINDOW hits are re-ranked in Python; the rest stay
    in the engine's order. Supports len() and slicing, so Django's Paginator can use it."""

    def __init__(self, results, query: str):
        self.results = results
        head = list(results[:RERANK_WINDOW])
        phrase = fold(query)
        exact_words = query_words(query) if has_diacritics(query) else []
        order = {a.pk: i for i, a in enumerate(head)}
        head.sort(key=lambda a: (-_score(a, phrase, exact_words), order[a.pk]))
        self.head = head
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = len(self.head) if len(self.head) < RERANK_WINDOW else self.results.count()
        return self._count

    __len__ = count

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        items = self.head[start:stop]
        if stop > RERANK_WINDOW:
            items += list(self.results[max(start, RERANK_WINDOW) : stop])
        return items


def search_articles(*, query: str, articles=None, sort: str = "relevance"):
    """Live articles matching every word of `query`, ignoring case and diacritics.

    `articles` narrows the candidates (category, dates); `sort` is "relevance" (default) or
    "date" (newest first)."""
    folded = fold(query)
    base = articles if articles is not None else live_articles()
    if not folded:
        return base.none()
    if sort == "date":
        return base.order_by("-date").search(folded, operator="and", order_by_relevance=False)
    results = base.search(folded, operator="and")
    return RankedResults(results, query)


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

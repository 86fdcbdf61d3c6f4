"""Matches of a search marked in titles and excerpts, ignoring case and diacritics."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.core.text import fold, fold_aligned

SNIPPET_RADIUS = 90
_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    return [w for w in _WORD.findall(query.lower()) if w]


@dataclass
class Highlighted:
    title: SafeString
    snippet: SafeString


def _marked_words(query: str, prefixes: bool) -> list[tuple[str, bool]]:
    """Folded words of the query, each with whether it matches as a word start ("nghi*", or
    every word for sources that match word starts) rather than as a whole word."""
    return [(fold(word), prefixes or bool(star)) for word, star in re.findall(r"(\w+)(\*?)", query.lower())]


def _pattern(word: str, prefix: bool) -> str:
    return r"(?<!\w)" + re.escape(word) + ("" if prefix else r"(?!\w)")


def mark(text: str, words: list[tuple[str, bool]]) -> SafeString:
    """Escape `text` and wrap every occurrence of the folded words (word, as a prefix?) in
    <mark>: "ho so" marks "hồ sơ", not the start of "học"."""
    folded = fold_aligned(text)
    spans = []
    for word, prefix in words:
        for m in re.finditer(_pattern(word, prefix), folded):
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


def _first_match(text: str, words: list[tuple[str, bool]]) -> int:
    """Position of the earliest folded word in `text`, or -1."""
    folded = fold_aligned(text)
    found = (re.search(_pattern(word, prefix), folded) for word, prefix in words)
    return min((m.start() for m in found if m), default=-1)


def holds_query_word(text: str, query: str, *, prefixes: bool = False) -> bool:
    """Whether highlight_text would take its excerpt from `text` (a word of the query in it)."""
    return _first_match(text, _marked_words(query, prefixes)) >= 0


def highlight_text(title: str, texts, query: str, *, prefixes: bool = False) -> Highlighted:
    """The title and a short excerpt of the first of `texts` (strings, or callables giving
    one, read only when needed) that holds a word of the query, matches marked. `prefixes`:
    every word matched as a word start (as the source's own matching does)."""
    words = _marked_words(query, prefixes)
    chosen, first = "", -1
    for i, text in enumerate(texts):
        text = text() if callable(text) else text
        if i == 0:
            chosen = text
        found = _first_match(text, words)
        if found >= 0:
            chosen, first = text, found
            break
    start = max(0, first - SNIPPET_RADIUS) if first >= 0 else 0
    end = min(len(chosen), (first if first >= 0 else 0) + SNIPPET_RADIUS * 2)
    excerpt = ("…" if start else "") + chosen[start:end].strip() + ("…" if end < len(chosen) else "")
    return Highlighted(title=mark(title, words), snippet=mark(excerpt, words))

"""'Did you mean': a corrected, accent-restored spelling of a query that found nothing, from
the words the site's own titles use."""

from __future__ import annotations

import re

from portal.core.text import fold

from .highlight import query_words
from .query import has_diacritics
from .sources import vocabulary_titles

_WORD = re.compile(r"\w+", re.UNICODE)

VOCABULARY_CACHE_KEY = "portal:search:vocabulary"
VOCABULARY_SECONDS = 3600
VOCABULARY_TITLES = 50_000


def _vocabulary() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Words of recent titles of every source (portal.search.sources): folded word → its most frequent written form, and the
    same for pairs of neighbouring words (so "hoi nghi" becomes "hội nghị", not "hỏi nghỉ").
    Built from the newest titles and cached for an hour; only the "no results" page uses it."""
    from collections import Counter

    from django.core.cache import cache

    cached = cache.get(VOCABULARY_CACHE_KEY)
    if cached is not None:
        return cached
    words: Counter = Counter()
    pairs: Counter = Counter()
    for title in vocabulary_titles(VOCABULARY_TITLES):
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

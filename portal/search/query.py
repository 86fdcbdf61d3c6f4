"""The query language of the site search, shared by every source and both databases:

- words are folded (case, diacritics, đ→d, "KH&CN" → "khcn": portal.core.text), so "hoi nghi"
  finds "Hội nghị";
- "…" quotes a phrase; a trailing * makes a word a prefix ("nghi*" finds "nghị", "nghiệm");
- every word must match (AND); an abbreviation of the glossary also finds its full form and
  the full form typed out also finds the abbreviation.

`fts5_match` and `tsquery` write a parsed query in SQLite FTS5 and PostgreSQL tsquery syntax;
`tsquery_literal` writes it for PostgreSQL's index of word pairs (news migration 0004).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from portal.core.text import fold, fold_for_search
from portal.glossary.selectors import search_expansions

_WORD = re.compile(r"\w+", re.UNICODE)
_PLAIN = re.compile(r"[a-z0-9]+")  # how the index of word pairs splits the folded text
SORTS = ("relevance", "date")


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

    def whole_phrase(self) -> ParsedQuery:
        """Every word of the query in order as one phrase (the "whole phrase present" tier)."""
        return ParsedQuery(groups=[[Alternative(list(self.phrase))]], phrase=list(self.phrase))


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


def fts5_match(parsed: ParsedQuery) -> str:
    def alt(a: Alternative) -> str:
        return '"' + " ".join(a.words) + '"' + ("*" if a.prefix else "")

    return " AND ".join("(" + " OR ".join(alt(a) for a in g) + ")" for g in parsed.groups)


def tsquery(parsed: ParsedQuery) -> str:
    def alt(a: Alternative) -> str:
        terms = [f"'{w}'" for w in a.words]
        if a.prefix:
            terms[-1] += ":*"
        return "(" + " <-> ".join(terms) + ")"

    return " & ".join("(" + " | ".join(alt(a) for a in g) + ")" for g in parsed.groups)


def word_pairs(words: list[str]) -> list[str]:
    """Each pair of neighbouring words, as the PostgreSQL index stores it ("khoa hoc")."""
    return [f"{first} {second}" for first, second in pairwise(words)]


def tsquery_literal(parsed: ParsedQuery) -> str | None:
    """The query as a PostgreSQL tsquery literal (lexemes taken as written, for `%s::tsquery`),
    a phrase written as the AND of its word pairs: "khoa hoc va" is 'khoa hoc' & 'hoc va', which
    the GIN index decides alone, where `'khoa' <-> 'hoc' <-> 'va'` makes the database read every
    candidate's stored vector again to check the positions (most of a filtered search's time at
    100,000 articles: docs/benchmarks.md). For two words the two are the same; for three or
    more, the pairs may in principle be found apart ("khoa hoc" here, "hoc va" there), which in
    running Vietnamese text does not happen in practice.

    None when a word is not plain a-z/0-9 (the index splits the folded text on anything else,
    the tsquery parser may not): the caller then uses `tsquery` with `<->`. A prefix in a phrase
    keeps `<->` for that phrase."""
    if not all(_PLAIN.fullmatch(word) for group in parsed.groups for alt in group for word in alt.words):
        return None

    def alt(a: Alternative) -> str:
        if a.prefix:
            return "(" + " <-> ".join([*(f"'{w}'" for w in a.words[:-1]), f"'{a.words[-1]}':*"]) + ")"
        if len(a.words) == 1:
            return f"'{a.words[0]}'"
        return "(" + " & ".join(f"'{pair}'" for pair in word_pairs(a.words)) + ")"

    return " & ".join("(" + " | ".join(alt(a) for a in g) + ")" for g in parsed.groups)

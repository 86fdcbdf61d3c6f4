"""Reads of the abbreviation glossary and what is built from it: the <abbr> marking of article
bodies and the abbreviation ↔ full form pairs search expands.

The entries are cached (the cache entry is dropped whenever the glossary changes); compiled
patterns are kept per process for the entries they were built from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.core.cache import caches

from portal.core.text import fold, fold_for_search

from .models import Abbreviation

# The starter list shipped with the portal (133 common public-administration abbreviations).
SEED_FILE = Path(__file__).parent / "data" / "glossary.csv"
# Kept with the pages ("pages" cache: a glossary change deletes it and empties that cache).
CACHE_KEY = "glossary:entries"
CACHE_SECONDS = 3600
_WORD = re.compile(r"\w+", re.UNICODE)
# Text inside these elements is left alone: links and existing abbreviations would nest,
# code and scripts are not prose.
SKIP_ELEMENTS = {"a", "abbr", "code", "pre", "script", "style", "textarea", "button", "kbd", "samp"}
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"^<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)")


@dataclass(frozen=True)
class Entry:
    abbreviation: str
    full_form: str
    note: str = ""


def glossary_entries() -> tuple[Entry, ...]:
    cache = caches["pages"]
    entries = cache.get(CACHE_KEY)
    if entries is None:
        entries = tuple(
            Entry(a, f, n) for a, f, n in Abbreviation.objects.values_list("abbreviation", "full_form", "note")
        )
        cache.set(CACHE_KEY, entries, CACHE_SECONDS)
    return entries


def seed_entries() -> dict[str, str]:
    """The starter list as abbreviation → full form (read aloud before the database is set up)."""
    import csv

    with SEED_FILE.open(encoding="utf-8-sig", newline="") as handle:
        return {row["abbreviation"]: row["full_form"] for row in csv.DictReader(handle)}


def glossary_changed() -> None:
    caches["pages"].delete(CACHE_KEY)


def glossary_search(query: str) -> list[Entry]:
    """Entries whose abbreviation or full form contains the query, ignoring case and
    diacritics ("khcn", "KH&CN", "khoa hoc" all find KH&CN)."""
    entries = glossary_entries()
    wanted = fold(query or "")
    if not wanted:
        return list(entries)
    compact = fold_for_search(query)
    return [
        e
        for e in entries
        if wanted in fold(e.abbreviation) or compact in fold_for_search(e.abbreviation) or wanted in fold(e.full_form)
    ]


# --------------------------------------------------------------------------- search
def search_expansions() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded one-word abbreviation → the folded words of each of its full forms ("khcn" →
    (khoa hoc va cong nghe), (khoa hoc cong nghe)), for the search query parser.
    Abbreviations that fold to several words ("NĐ-CP") are left out: their parts are searched
    as words anyway."""
    return _expansions(glossary_entries())


@lru_cache(maxsize=4)
def _expansions(entries: tuple[Entry, ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for entry in entries:
        words = _WORD.findall(fold_for_search(entry.abbreviation))
        full = tuple(_WORD.findall(fold(entry.full_form)))
        if len(words) == 1 and len(full) > 1 and full not in out.setdefault(words[0], []):
            out[words[0]].append(full)
    return {abbr: tuple(fulls) for abbr, fulls in out.items()}


# --------------------------------------------------------------------------- <abbr> marking
@lru_cache(maxsize=4)
def _pattern(entries: tuple[Entry, ...]) -> tuple[re.Pattern | None, dict[str, Entry]]:
    by_text = {e.abbreviation: e for e in entries if e.abbreviation}
    if not by_text:
        return None, {}
    # Longest first, so "CSTĐCS" wins over "CSTĐ"; case-sensitive, since "UBND" is an
    # abbreviation and "ubnd" in a URL or a word is not. Not inside a longer word or
    # symbol ("QĐ" in "QĐ-UBND" is left to the longer entry or to nothing).
    alternatives = "|".join(re.escape(text) for text in sorted(by_text, key=len, reverse=True))
    return re.compile(rf"(?<![\w&\-/.])(?:{alternatives})(?![\w&\-/])"), by_text


def abbreviate_html(markup: str, entries: tuple[Entry, ...] | None = None) -> str:
    """Wrap the first occurrence of each known abbreviation in the text of `markup` in
    <abbr title="full form">. Tags and their attributes are never touched; text inside links,
    existing <abbr>, code and scripts is skipped."""
    pattern, by_text = _pattern(glossary_entries() if entries is None else entries)
    if pattern is None or not markup:
        return markup
    seen: set[str] = set()
    skip_depth = 0
    out = []
    for part in _TAG.split(markup):
        if not part:
            continue
        if part.startswith("<"):
            match = _TAG_NAME.match(part)
            if match and match.group(2).lower() in SKIP_ELEMENTS and not part.endswith("/>"):
                skip_depth = max(0, skip_depth + (-1 if match.group(1) else 1))
            out.append(part)
            continue
        if skip_depth or len(seen) == len(by_text):
            out.append(part)
            continue
        out.append(_mark_text(part, pattern, by_text, seen))
    return "".join(out)


def _mark_text(escaped_text: str, pattern: re.Pattern, by_text: dict[str, Entry], seen: set[str]) -> str:
    text = html.unescape(escaped_text)
    pieces = []
    last = 0
    changed = False
    for match in pattern.finditer(text):
        found = match.group(0)
        if found in seen:
            continue
        seen.add(found)
        entry = by_text[found]
        pieces.append(html.escape(text[last : match.start()], quote=False))
        pieces.append(f'<abbr title="{html.escape(entry.full_form)}">{html.escape(found, quote=False)}</abbr>')
        last = match.end()
        changed = True
    if not changed:
        return escaped_text
    pieces.append(html.escape(text[last:], quote=False))
    return "".join(pieces)

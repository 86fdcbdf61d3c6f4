"""Content types of the site search: each app that has public content registers a source
(in its AppConfig.ready), and the search page offers them as the "type" filter, one tab per
type with its number of matches. News registers first and is the default tab."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.safestring import SafeString


@dataclass
class SearchRequest:
    """What the reader asked for, already validated by the search page."""

    query: str
    sort: str  # "relevance" or "date"
    date_from: dt.datetime | None = None  # aware, inclusive
    date_to: dt.datetime | None = None  # aware, exclusive
    category: Any = None  # the value of the chosen Facet of the source that offers categories


@dataclass
class Hit:
    """One result as the page shows it."""

    title: SafeString  # escaped, matches in <mark>
    snippet: SafeString
    url: str
    date: dt.datetime
    section: str  # the category or field it belongs to


@dataclass(frozen=True)
class Facet:
    """One choice of a source's category filter."""

    slug: str  # value of ?category=
    label: str
    level: int = 0  # 0 top level, 1 a sub-category (shown indented)
    value: Any = None  # what the source's find() receives in SearchRequest.category


@dataclass(frozen=True)
class Source:
    key: str  # value of ?type= (Vietnamese, ASCII: "tin-bai", "hoi-dap")
    label: str  # shown on the tab (lazy translation)
    # Results of a request: supports count(), slicing and a `capped` attribute (more match
    # than counted), like portal.news.search.RankedResults or a QuerySet wrapped in Results.
    find: Callable[[SearchRequest], Any]
    # A page of those results as Hits, in order.
    hits: Callable[[list, str], list[Hit]]
    # The categories this source can be narrowed to (the "category" filter), or None.
    categories: Callable[[], list[Facet]] | None = None
    # Titles of its newest entries (at most the number given), for "did you mean".
    vocabulary: Callable[[int], list[str]] | None = None
    order: int = 100  # tabs from lowest; news is 0

    @property
    def uses_category(self) -> bool:
        return self.categories is not None


class Results:
    """A QuerySet (or any sliceable with count()) as search results that are never capped."""

    capped = False

    def __init__(self, items):
        self.items = items
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.items.count()
        return self._count

    __len__ = count

    def __getitem__(self, index):
        return self.items[index]


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    _SOURCES[source.key] = source


def sources() -> list[Source]:
    return sorted(_SOURCES.values(), key=lambda s: (s.order, s.key))


def source_for(key: str | None) -> Source | None:
    return _SOURCES.get(key or "")


def category_facets() -> list[Facet]:
    """The category filter of the search page: the categories of the first source that has them."""
    for source in sources():
        if source.categories is not None:
            return source.categories()
    return []


def vocabulary_titles(limit: int) -> list[str]:
    titles: list[str] = []
    for source in sources():
        if source.vocabulary is not None:
            titles += source.vocabulary(limit - len(titles))
        if len(titles) >= limit:
            break
    return titles

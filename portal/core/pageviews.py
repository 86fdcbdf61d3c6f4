"""One pipeline for page views. Every public page sends one beacon to the visit statistics
(portal.visits), which decides what counts (no robots, no prefetches, a reload by the same
browser within VIEW_COUNT_DEDUP_SECONDS counts once), buffers the views and writes them in
batches. Apps that show a per-page counter (an article's "Lượt xem") do not count on their own:
they register here and receive, at each flush, the views of their pages.

    register_counter(add=…, stored=…)   an app keeping counters (news)
    set_recorder(record=…, pending=…)   the pipeline (visits)
    record_view(…)                      count a view (the beacon, the API's /view endpoint)
    view_count(page_id)                 stored + not yet flushed, for the page's counter
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .beacons import client_ip, is_prefetch


@dataclass(frozen=True)
class Counter:
    add: Callable[[dict[int, int]], None]  # {page id: views} of a flushed batch, in its transaction
    stored: Callable[[int], int | None]  # the stored count of a page, None when not one of its pages


_counters: list[Counter] = []
_recorder: dict[str, Callable] = {}


def register_counter(*, add: Callable[[dict[int, int]], None], stored: Callable[[int], int | None]) -> None:
    counter = Counter(add, stored)
    if counter not in _counters:
        _counters.append(counter)


def set_recorder(*, record: Callable[..., bool], pending: Callable[[int], int]) -> None:
    _recorder.update(record=record, pending=pending)


def pages_viewed(views: dict[int, int]) -> None:
    """The pipeline's flush hands over the views of each page."""
    if views:
        for counter in _counters:
            counter.add(views)


def record_view(*, ip: str, user_agent: str, page_id: int | None, referrer: str = "", own_host: str = "") -> bool:
    """Count one view through the pipeline; False when it does not count (robot, reload)."""
    return _recorder["record"](ip=ip, user_agent=user_agent, page_id=page_id, referrer=referrer, own_host=own_host)


def record_request(request, *, page_id: int | None, referrer: str = "") -> bool:
    """Count the view a beacon request reports (the visit beacon, the article API's /view):
    a speculative load (prefetch, prerender) is no reading."""
    if is_prefetch(request.headers):
        return False
    return record_view(
        ip=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
        page_id=page_id,
        referrer=referrer,
        own_host=request.get_host(),
    )


def view_count(page_id: int) -> int | None:
    """What a page's counter shows now: its stored count and the views not yet flushed; None
    for a page no app counts."""
    for counter in _counters:
        stored = counter.stored(page_id)
        if stored is not None:
            return stored + (_recorder["pending"](page_id) if _recorder else 0)
    return None

"""The visit beacon: every public page reports one view here (by script, or by an image inside
<noscript>). The endpoint is never cached, so pages served from the page cache count too."""

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from pydantic import Field

from portal.core import pageviews
from portal.core.beacons import client_ip, is_prefetch, pixel_response

from . import selectors, services

router = Router(tags=["visits"])


class HitIn(Schema):
    page: int | None = Field(default=None, ge=1, description="Wagtail page id of the page viewed, if any")
    referrer: str = Field(default="", max_length=4096, description="document.referrer; only its host is kept")


class CountersOut(Schema):
    online: int
    today: int
    month: int
    total: int


class HitOut(CountersOut):
    page_views: int | None = Field(
        default=None, description="The page's own view counter (an article's), counting this view; null for other pages"
    )


def _record(request: HttpRequest, page: int | None, referrer: str) -> None:
    if is_prefetch(request.headers):
        return
    services.hit_record(
        ip=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
        page_id=page,
        referrer=referrer,
        own_host=request.get_host(),
    )


@router.post("/hit", response=HitOut, summary="Count one page view; returns the visit counters and the page's")
def visit_hit(request: HttpRequest, data: HitIn, response: HttpResponse):
    page = data.page if data.page and data.page < 2**63 else None
    _record(request, page, data.referrer)
    response["Cache-Control"] = "no-store"
    return {**selectors.counters(), "page_views": pageviews.view_count(page) if page else None}


@router.get("/hit.gif", include_in_schema=False)
def visit_hit_pixel(request: HttpRequest, page: int | None = None):
    """Counter for readers without JavaScript."""
    _record(request, page if page and 0 < page < 2**63 else None, "")
    return pixel_response()


@router.get("/counters", response=CountersOut, summary="Visitors online now, today, this month and in total")
def visit_counters(request: HttpRequest, response: HttpResponse):
    response["Cache-Control"] = "no-store"
    return selectors.counters()

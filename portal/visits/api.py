"""The visit beacon: every public page reports one view here (by script, or by an image inside
<noscript>). The endpoint is never cached, so pages served from the page cache count too."""

from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema
from pydantic import Field

from portal.core import pageviews
from portal.core.apierrors import with_errors
from portal.core.beacons import pixel_response

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


@router.post(
    "/hit", response=with_errors(HitOut, 422), summary="Count one page view; returns the visit counters and the page's"
)
def visit_hit(request: HttpRequest, data: HitIn, response: HttpResponse):
    page = services.page_id_or_none(data.page)
    pageviews.record_request(request, page_id=page, referrer=data.referrer)
    response["Cache-Control"] = "no-store"
    return {**selectors.counters(), "page_views": pageviews.view_count(page) if page else None}


@router.get("/hit.gif", include_in_schema=False)
def visit_hit_pixel(request: HttpRequest, page: int | None = None):
    """Counter for readers without JavaScript."""
    pageviews.record_request(request, page_id=services.page_id_or_none(page))
    return pixel_response()


@router.get("/counters", response=CountersOut, summary="Visitors online now, today, this month and in total")
def visit_counters(request: HttpRequest, response: HttpResponse):
    response["Cache-Control"] = "no-store"
    return selectors.counters()

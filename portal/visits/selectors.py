"""Reads of the visit statistics: the public counters and the admin report.

A "visit" (lượt truy cập) is one distinct visitor on one day; a "view" (lượt xem trang) is one
page load. Finished days keep their visitor count in DailyTotal; the current day is counted
from its hashes until it is rolled up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db.models import Count, Sum
from django.utils import timezone
from wagtail.models import Page

from .models import DailyDevice, DailyPageView, DailyReferrer, DailyTotal, DailyVisitor

# Dropped by the services when new counts are stored; in the "pages" cache, read once per request
# with its generation (settings: READ_WITH_GENERATION).
COUNTERS_CACHE_KEY = "live:visit-counters"
COUNTERS_CACHE_SECONDS = 60


def visitors_between(date_from: dt.date | None, date_to: dt.date | None) -> int:
    totals = DailyTotal.objects.all()
    live = DailyVisitor.objects.all()
    if date_from:
        totals, live = totals.filter(day__gte=date_from), live.filter(day__gte=date_from)
    if date_to:
        totals, live = totals.filter(day__lte=date_to), live.filter(day__lte=date_to)
    return (totals.aggregate(n=Sum("visitors"))["n"] or 0) + live.count()


def online_now() -> int:
    since = timezone.now() - dt.timedelta(seconds=settings.VISITS_ONLINE_SECONDS)
    return DailyVisitor.objects.filter(last_seen__gte=since).count()


def counters() -> dict[str, int]:
    """Footer block: online now, today, this month, all time (cached for a minute and dropped
    when a flush writes new numbers)."""
    cache = caches["pages"]
    data = cache.get(COUNTERS_CACHE_KEY)
    if data is None:
        today = timezone.localdate()
        data = {
            "online": online_now(),
            "today": visitors_between(today, today),
            "month": visitors_between(today.replace(day=1), today),
            "total": visitors_between(None, None),
        }
        cache.set(COUNTERS_CACHE_KEY, data, COUNTERS_CACHE_SECONDS)
    return data


# --------------------------------------------------------------------------- admin report
@dataclass
class DayRow:
    day: dt.date
    views: int
    visitors: int


@dataclass
class NamedRow:
    label: str
    views: int
    url: str = ""


@dataclass
class Report:
    date_from: dt.date
    date_to: dt.date
    days: list[DayRow] = field(default_factory=list)
    articles: list[NamedRow] = field(default_factory=list)
    categories: list[NamedRow] = field(default_factory=list)
    referrers: list[NamedRow] = field(default_factory=list)
    devices: list[NamedRow] = field(default_factory=list)

    @property
    def total_views(self) -> int:
        return sum(row.views for row in self.days)

    @property
    def total_visitors(self) -> int:
        return sum(row.visitors for row in self.days)


def report(*, date_from: dt.date, date_to: dt.date, limit: int = 20) -> Report:
    """Everything the admin report shows for the period, every day listed (zeros included, so
    a gap in the chart is visible as a gap)."""
    result = Report(date_from=date_from, date_to=date_to)
    period = {"day__gte": date_from, "day__lte": date_to}

    totals = {row.day: row for row in DailyTotal.objects.filter(**period)}
    live = {}
    for row in DailyVisitor.objects.filter(**period).values("day").annotate(n=Count("id")).order_by():
        live[row["day"]] = row["n"]
    day = date_from
    while day <= date_to:
        total = totals.get(day)
        result.days.append(
            DayRow(day, total.views if total else 0, (total.visitors if total else 0) + live.get(day, 0))
        )
        day += dt.timedelta(days=1)

    result.articles, result.categories = _pages_and_categories(period, limit)

    result.referrers = [
        NamedRow(row["host"], row["n"])
        for row in DailyReferrer.objects.filter(**period)
        .values("host")
        .annotate(n=Sum("views"))
        .order_by("-n", "host")[:limit]
    ]
    labels = dict(DailyDevice.DEVICE_CHOICES)
    result.devices = [
        NamedRow(str(labels.get(row["device"], row["device"])), row["n"])
        for row in DailyDevice.objects.filter(**period).values("device").annotate(n=Sum("views")).order_by("-n")
    ]
    return result


def _pages_and_categories(period: dict, limit: int) -> tuple[list[NamedRow], list[NamedRow]]:
    """Top articles, and categories ranked by the views of everything inside them (the
    category page and its articles)."""
    from portal.news import selectors as news

    article_type = news.article_content_type()
    views = DailyPageView.objects.filter(**period).values("page_id").annotate(n=Sum("views")).order_by()
    top_ids = [
        row["page_id"] for row in views.filter(page__content_type=article_type).order_by("-n", "page_id")[:limit]
    ]
    by_id = {row["page_id"]: row["n"] for row in views.filter(page_id__in=top_ids)}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=top_ids)}
    top_articles = [NamedRow(pages[pk].title, by_id[pk], pages[pk].get_url() or "") for pk in top_ids]

    categories = news.category_tree_rows()
    category_views: dict[int, int] = {}
    by_path = DailyPageView.objects.filter(**period).values("page__path").annotate(n=Sum("views")).order_by()
    for row in by_path:
        for category in categories:  # deepest first: an article counts for its own category
            if row["page__path"].startswith(category["path"]):
                category_views[category["pk"]] = category_views.get(category["pk"], 0) + row["n"]
                break
    titles = {c["pk"]: c["title"] for c in categories}
    ranked = sorted(category_views.items(), key=lambda item: (-item[1], titles[item[0]]))[:limit]
    category_pages = {p.pk: p for p in Page.objects.filter(pk__in=[pk for pk, _ in ranked])}
    top_categories = [NamedRow(titles[pk], n, category_pages[pk].get_url() or "") for pk, n in ranked]
    return top_articles, top_categories

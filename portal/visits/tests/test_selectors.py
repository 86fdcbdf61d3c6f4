"""Reading the statistics (selectors.py): counters and the report's aggregates."""

import datetime as dt

import pytest
from django.conf import settings
from django.utils import timezone

from portal.visits import selectors, services
from portal.visits.models import (
    DailyTotal,
)

from .factories import hit


def test_counters_cover_online_today_month_total(home):
    today = timezone.localdate()
    earlier = today.replace(day=1) - dt.timedelta(days=40)
    DailyTotal.objects.create(day=earlier, views=100, visitors=70)
    if today.day > 1:
        DailyTotal.objects.create(day=today.replace(day=1), views=10, visitors=5)
    hit(ip="10.1.1.1")
    # Earlier today but no longer online: an hour ago, or just after midnight in the first hour.
    midnight = timezone.make_aware(dt.datetime.combine(today, dt.time.min)).timestamp()
    when = max(timezone.now().timestamp() - 3600, midnight + 1)
    if timezone.now().timestamp() - when <= settings.VISITS_ONLINE_SECONDS:
        pytest.skip("too close to midnight to tell 'earlier today' from 'online'")
    hit(ip="10.1.1.2", when=when)
    services.visits_flush()
    month_before_today = 5 if today.day > 1 else 0
    assert selectors.counters() == {
        "online": 1,
        "today": 2,
        "month": 2 + month_before_today,
        "total": 72 + month_before_today,
    }


def test_report_aggregates(report_data):
    report = selectors.report(date_from=report_data["from"], date_to=report_data["to"])
    assert [(r.day.day, r.views, r.visitors) for r in report.days] == [(1, 0, 0), (2, 6, 6), (3, 3, 3)]
    assert [(r.label, r.views) for r in report.articles] == [(report_data["popular"].title, 6), ("Bài thi đua", 2)]
    assert [(r.label, r.views) for r in report.categories] == [("Khoa học công nghệ", 6), ("Thi đua khen thưởng", 3)]
    assert [(r.label, r.views) for r in report.referrers] == [("google.com", 6)]
    assert [(r.label, r.views) for r in report.devices] == [("Máy tính", 7), ("Điện thoại", 2)]

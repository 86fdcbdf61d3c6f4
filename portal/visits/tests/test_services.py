"""Recording and storing visits (services.py): referrer hosts, buffering then storing, no address
stored, a daily salt, the roll-up, a failed flush losing nothing."""

import datetime as dt
from unittest import mock

import pytest

from portal.core.tests.factories import DESKTOP, PHONE
from portal.news.tests.factories import make_article
from portal.visits import selectors, services
from portal.visits.models import (
    DailyDevice,
    DailyPageView,
    DailyReferrer,
    DailySalt,
    DailyTotal,
    DailyVisitor,
)

from .factories import at, hit


@pytest.mark.parametrize(
    "referrer, host",
    [
        ("https://www.google.com/search?q=so+khcn", "google.com"),
        ("http://baochinhphu.vn/bai-viet?id=1", "baochinhphu.vn"),
        ("https://sokhcn.example.vn/tin-tuc/", ""),  # our own site
        ("https://www.sokhcn.example.vn/", ""),
        ("javascript:alert(1)", ""),
        ("https://exa mple.com/", ""),
        ("", ""),
    ],
)
def test_referrer_host(referrer, host):
    assert services.referrer_host(referrer, own_host="sokhcn.example.vn") == host


def test_hits_are_buffered_then_stored(home, category):
    article = make_article(category, "Bài có người đọc")
    today = dt.date(2026, 11, 25)
    assert hit(page=article.pk, referrer="https://www.google.com/", when=at(today)) is True
    hit(page=article.pk, when=at(today, 11))  # same reader again
    hit(ip="203.0.113.9", agent=PHONE, page=category.pk, when=at(today, 12))
    hit(page=987654, when=at(today, 13))  # no such page: counted in totals only
    assert hit(agent="Googlebot/2.1", page=article.pk, when=at(today)) is False
    assert not DailyTotal.objects.exists()  # nothing written before a flush

    services.visits_flush()
    total = DailyTotal.objects.get(day=today)
    assert total.views == 4
    assert DailyVisitor.objects.filter(day=today).count() == 2
    assert dict(DailyPageView.objects.values_list("page_id", "views")) == {article.pk: 2, category.pk: 1}
    assert dict(DailyDevice.objects.values_list("device", "views")) == {"desktop": 3, "mobile": 1}
    assert dict(DailyReferrer.objects.values_list("host", "views")) == {"google.com": 1}

    # A second flush adds to the same rows.
    hit(page=article.pk, when=at(today, 14))
    services.visits_flush()
    assert DailyTotal.objects.get(day=today).views == 5
    assert DailyPageView.objects.get(page=article).views == 3
    assert DailyVisitor.objects.filter(day=today).count() == 2


def test_no_address_is_stored(home):
    hit(ip="198.51.100.77", when=at(dt.date(2026, 11, 25)))
    services.visits_flush()
    for model in (DailyVisitor, DailyTotal, DailyDevice, DailySalt):
        for row in model.objects.values():
            assert "198.51.100.77" not in repr(row)


def test_salt_changes_daily_so_hashes_do_not_link_days(home):
    day1, day2 = dt.date(2026, 11, 24), dt.date(2026, 11, 25)
    assert services.daily_salt(day1) != services.daily_salt(day2)
    assert services.visitor_hash(day=day1, ip="1.2.3.4", user_agent=DESKTOP) != services.visitor_hash(
        day=day2, ip="1.2.3.4", user_agent=DESKTOP
    )
    services._salts.clear()  # another process finds the same salt in the database
    assert services.visitor_hash(day=day1, ip="1.2.3.4", user_agent=DESKTOP) == services.visitor_hash(
        day=day1, ip="1.2.3.4", user_agent=DESKTOP
    )


def test_rollup_keeps_counts_and_deletes_hashes_and_salts(home):
    yesterday, today = dt.date(2026, 11, 24), dt.date(2026, 11, 25)
    for n in range(3):
        hit(ip=f"10.0.0.{n}", when=at(yesterday))
    hit(ip="10.0.0.1", when=at(today))
    services.visits_flush()
    assert services.visits_rollup(today=today) == 1
    assert DailyTotal.objects.get(day=yesterday).visitors == 3
    assert not DailyVisitor.objects.filter(day=yesterday).exists()
    assert not DailySalt.objects.filter(day=yesterday).exists()
    assert DailyVisitor.objects.filter(day=today).count() == 1  # today stays open
    assert selectors.visitors_between(yesterday, today) == 4
    # Hits of yesterday flushed late (after midnight) still add up.
    hit(ip="10.0.0.9", when=at(yesterday, 23))
    services.visits_flush()
    services.visits_rollup(today=today)
    assert DailyTotal.objects.get(day=yesterday).visitors == 4


def test_failed_flush_loses_nothing(home):
    today = dt.date(2026, 11, 25)
    hit(when=at(today))
    hit(ip="10.9.9.9", when=at(today))
    with mock.patch("portal.visits.services.DailyTotal.objects") as broken:
        broken.filter.side_effect = RuntimeError("database unavailable")
        with pytest.raises(RuntimeError):
            services.visits_flush()
    assert not DailyTotal.objects.exists()
    hit(ip="10.9.9.10", when=at(today))  # counted while the database was away
    services.visits_flush()
    assert DailyTotal.objects.get(day=today).views == 3
    assert DailyVisitor.objects.filter(day=today).count() == 3

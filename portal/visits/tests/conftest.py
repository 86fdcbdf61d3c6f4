"""Fixtures of the visit statistics tests."""

import datetime as dt

import pytest

from portal.core.tests.factories import PHONE
from portal.news.tests.factories import make_article, make_category
from portal.visits import buffer, services

from .factories import at, hit


@pytest.fixture(autouse=True)
def _empty_buffer(db):
    buffer.get_buffer().clear()
    services._salts.clear()
    yield
    buffer.get_buffer().clear()


@pytest.fixture
def report_data(home):
    science = make_category(home, "Khoa học công nghệ")
    awards = make_category(home, "Thi đua khen thưởng")
    popular = make_article(science, '=HYPERLINK("http://x") Bài được đọc nhiều')
    other = make_article(awards, "Bài thi đua")
    day1, day2 = dt.date(2026, 11, 2), dt.date(2026, 11, 3)
    for n in range(6):
        hit(ip=f"10.2.0.{n}", page=popular.pk, when=at(day1), referrer="https://www.google.com/")
    for n in range(2):
        hit(ip=f"10.3.0.{n}", agent=PHONE, page=other.pk, when=at(day2))
    hit(ip="10.3.0.9", page=awards.pk, when=at(day2))
    services.visits_flush()
    services.visits_rollup(today=dt.date(2026, 11, 3))
    return {
        "popular": popular,
        "other": other,
        "science": science,
        "awards": awards,
        "from": dt.date(2026, 11, 1),
        "to": day2,
    }

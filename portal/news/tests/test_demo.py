"""The demo articles: no text tells of a day after the article's own publication date."""

import datetime as dt
import re

from django.utils import timezone

from portal.news import demo
from portal.news.models import ArticlePage

_DATE = re.compile(r"(?<!trước )ngày (?:\d{1,2} đến ngày )?(\d{1,2})/(\d{1,2})/(\d{4})")
_QUARTER = re.compile(r"quý (I|II|III|IV)/(\d{4})")
_QUARTER_END = {"I": (3, 31), "II": (6, 30), "III": (9, 30), "IV": (12, 31)}


def test_demo_dates_agree_with_the_text(home):
    demo._seed_articles(demo._seed_categories(home))
    checked = 0
    for article in ArticlePage.objects.live():
        published = timezone.localtime(article.date).date()
        text = " ".join([article.title, article.summary, article.body_text()])
        for day, month, year in _DATE.findall(text):
            told = dt.date(int(year), int(month), int(day))
            assert told <= published, f"{article.title}: {told} after {published}"
            assert (published - told).days < 60, f"{article.title}: {told} long before {published}"
            checked += 1
        for quarter, year in _QUARTER.findall(text):
            month, day = _QUARTER_END[quarter]
            assert dt.date(int(year), month, day) < published, f"{article.title}: quý {quarter}/{year}"
            checked += 1
        for year in re.findall(r"năm (\d{4})", article.title):
            assert int(year) <= published.year, article.title
    assert checked >= 20

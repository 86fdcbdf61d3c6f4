"""Which articles nginx's micro-cache refreshes with a published or withdrawn article (issue 17)."""

import datetime as dt

from django.utils import timezone

from portal.core.frontcache import urls_for
from portal.news.models import ArticleRelatedLink
from portal.news.selectors import pages_showing_article
from portal.news.tests.factories import make_article, make_category


def _category_with(home, count: int, settings):
    settings.PORTAL_OTHER_ARTICLES = 3
    category = make_category(home, "Tin hoạt động")
    now = timezone.now()
    articles = [
        make_article(category, f"Tin số {i}", date=now - dt.timedelta(days=i)) for i in range(count)
    ]  # articles[0] is the newest
    return category, articles


def _ids(pages):
    return [page.pk for page in pages]


def test_a_new_article_refreshes_the_siblings_that_list_it(home, settings):
    _category, articles = _category_with(home, 8, settings)
    # With 3 other articles shown, the newest 4 are each in someone's "Bài viết khác", and
    # every sibling shows the newest: the newest 4 others are refreshed (the 5th shows it too,
    # but only the newest are bounded in; older copies live at most the cache's lifetime).
    assert _ids(pages_showing_article(articles[0])) == _ids(articles[1:5])
    assert _ids(pages_showing_article(articles[3])) == _ids(articles[0:3] + articles[4:5])


def test_an_old_article_is_in_no_siblings_list(home, settings):
    _category, articles = _category_with(home, 8, settings)
    assert pages_showing_article(articles[6]) == []


def test_a_withdrawn_article_refreshes_the_newest(home, settings):
    _category, articles = _category_with(home, 8, settings)
    articles[6].unpublish()
    articles[6].refresh_from_db()
    # Its place among the newest is unknown once withdrawn: the newest are refreshed.
    assert _ids(pages_showing_article(articles[6])) == _ids(articles[0:4])


def test_articles_naming_it_as_related_are_refreshed(home, settings):
    category, articles = _category_with(home, 8, settings)
    other = make_category(home, "Thông tin KH&CN")
    referrer = make_article(other, "Bài có liên kết", date=timezone.now() - dt.timedelta(days=30))
    ArticleRelatedLink.objects.create(article=referrer, related_page=articles[7])
    ArticleRelatedLink.objects.create(article=articles[1], related_page=articles[0])
    assert _ids(pages_showing_article(articles[7])) == [referrer.pk]
    # A referrer already among the siblings is named once.
    assert _ids(pages_showing_article(articles[0])) == _ids(articles[1:5])


def test_other_pages_show_nothing_more(home):
    assert pages_showing_article(home) == []


def test_the_refresh_list_holds_the_siblings_addresses(home, settings):
    category, articles = _category_with(home, 6, settings)
    urls = urls_for(articles[0])
    for page in [articles[0], category, *articles[1:5]]:
        assert any(url.endswith(page.url_path[len(home.url_path) - 1 :]) for url in urls), page.title
    assert not any(url.endswith(articles[5].url_path[len(home.url_path) - 1 :]) for url in urls)

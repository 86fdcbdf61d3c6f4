"""What makes an uncached page render cheaper (issue 17) changes nothing a visitor sees:
remembered routes lead where Wagtail's routing leads, and forget moved, unpublished or deleted
pages; cached header, menus, sidebar links and footer change as soon as the settings or the
pages they show do; a page made private is private at once, in listings too."""

from __future__ import annotations

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from portal.core.models import SiteIdentity, SiteNavigation
from portal.core.pages import any_view_restriction, forget_view_restrictions, route_memo_key
from portal.news.tests.factories import make_article, make_category


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured.captured_queries)


def test_a_remembered_route_serves_the_same_page_with_fewer_queries(client, settings, category):
    settings.PAGE_CACHE_SECONDS = 0
    sub = make_category(category, "Khoa học địa phương")
    article = make_article(sub, "Hội thảo khoa học về giống chè")
    client.get(article.url)  # the first visit creates the site's read-aloud settings (a cache clear)
    client.get(article.url)
    memo_key = route_memo_key(category.get_parent().pk, article.url.strip("/").split("/"))
    assert caches["pages"].get(memo_key) is not None
    caches["pages"].delete(memo_key)  # forget the memo only
    first, cold = _queries(client, article.url)
    second, warm = _queries(client, article.url)
    assert first.status_code == second.status_code == 200
    assert "Hội thảo khoa học về giống chè" in second.content.decode()
    assert first.context["page"].pk == second.context["page"].pk == article.pk
    assert warm <= cold - 4, (cold, warm)  # two queries per level of the path, less one


def test_sub_routes_of_a_category_still_route_through_the_category(client, settings, category):
    settings.PAGE_CACHE_SECONDS = 0
    make_article(category, "Tin đầu tiên của chuyên mục")
    for _ in range(2):  # the second time from the memo
        feed = client.get(category.url + "rss/")
        assert feed.status_code == 200 and "Tin đầu tiên của chuyên mục" in feed.content.decode()
        index = client.get(category.url)
        assert index.status_code == 200 and index.context["page"].pk == category.pk
    assert client.get(category.url + "khong-co-trang-nay/").status_code == 404


def test_moved_unpublished_and_deleted_pages_are_not_served_from_a_memo(client, settings, home, category):
    settings.PAGE_CACHE_SECONDS = 0
    other = make_category(home, "Chuyển đổi số")
    article = make_article(category, "Bài sẽ được chuyển chuyên mục")
    old_url = article.url
    assert client.get(old_url).status_code == 200
    assert client.get(old_url).status_code == 200  # now from the memo
    article.move(other, pos="last-child")
    article.refresh_from_db()
    moved = client.get(old_url)  # Wagtail's automatic redirect, never the page at its old address
    assert moved.status_code == 301 and moved["Location"] == article.url
    assert client.get(article.url).status_code == 200

    article.unpublish()
    assert client.get(article.url).status_code == 404
    article.save_revision().publish()
    assert client.get(article.url).status_code == 200
    url = article.url
    article.delete()
    assert client.get(url).status_code == 404


def test_a_memo_left_behind_falls_back_to_routing(client, settings, category):
    """Even when nothing emptied the cache (a Redis outage), a memo naming a page that is no
    longer live gives what Wagtail's routing gives."""
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(category, "Bài bị gỡ khi bộ nhớ đệm không xoá được")
    client.get(article.url)  # the first visit creates the site's read-aloud settings (a cache clear)
    assert client.get(article.url).status_code == 200
    assert caches["pages"].get(route_memo_key(category.get_parent().pk, article.url.strip("/").split("/")))
    type(article).objects.filter(pk=article.pk).update(live=False)  # no signal: the memo stays
    assert client.get(article.url).status_code == 404


def test_header_menu_sidebar_and_footer_follow_the_settings_at_once(client, settings, home, category):
    settings.PAGE_CACHE_SECONDS = 0
    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    identity.department_name = "Sở Khoa học và Công nghệ tỉnh Thử Nghiệm"
    identity.address = "Số 1 đường Hùng Vương"
    identity.save()
    nav = SiteNavigation.for_site(site)
    nav.main_menu = [("item", {"title": "Tin hoạt động", "page": category, "link_url": "", "children": []})]
    nav.quick_links = [("link", {"title": "Lịch tiếp công dân", "page": None, "link_url": "/lich-tiep-cong-dan/"})]
    nav.save()
    page = client.get(category.url).content.decode()
    assert "tỉnh Thử Nghiệm" in page and "Số 1 đường Hùng Vương" in page and "Lịch tiếp công dân" in page
    assert client.get(category.url).content.decode().count("tỉnh Thử Nghiệm") == page.count("tỉnh Thử Nghiệm")

    identity.department_name = "Sở Khoa học và Công nghệ tỉnh Đổi Tên"
    identity.address = "Số 2 đường Trần Phú"
    identity.save()
    nav.main_menu = [("item", {"title": "Chuyên mục mới", "page": category, "link_url": "", "children": []})]
    nav.quick_links = [("link", {"title": "Thống kê KH&CN", "page": None, "link_url": "/thong-ke-khcn/"})]
    nav.save()
    page = client.get(category.url).content.decode()
    assert "tỉnh Thử Nghiệm" not in page and "tỉnh Đổi Tên" in page  # header and footer
    assert "Số 2 đường Trần Phú" in page and "Chuyên mục mới" in page  # footer, menu
    assert "Thống kê KH&amp;CN" in page and "Lịch tiếp công dân" not in page  # sidebar quick links
    home_page = client.get(home.url).content.decode()
    assert "Thống kê KH&amp;CN" in home_page  # the home page's own copy of the quick links


def test_the_header_date_is_today(client, settings, category):
    from django.utils import timezone

    settings.PAGE_CACHE_SECONDS = 0
    page = client.get(category.url).content.decode()
    assert f'datetime="{timezone.localdate().isoformat()}"' in page


def test_with_no_restriction_listings_do_not_read_restrictions(client, settings, home, category):
    settings.PAGE_CACHE_SECONDS = 0
    make_article(category, "Tin công khai")
    forget_view_restrictions()
    assert not any_view_restriction()
    with CaptureQueriesContext(connection) as captured:
        client.get(home.url)
    assert not [q for q in captured.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]]


def test_a_page_made_private_is_private_at_once_and_leaves_the_listings(client, home, category):
    public = make_article(category, "Tin vẫn công khai")
    private = make_article(category, "Tin nội bộ của Sở")
    assert client.get(private.url).status_code == 200
    listing = client.get(category.url).content.decode()
    assert "Tin nội bộ của Sở" in listing  # and the category page is now in the page cache
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="mk-2026")
    response = client.get(private.url)
    assert "Tin nội bộ của Sở" not in response.content.decode() or response.status_code != 200
    assert b'name="password"' in response.content  # Wagtail's password form, not the article
    listing = client.get(category.url).content.decode()
    assert "Tin nội bộ của Sở" not in listing and public.title in listing
    assert "Tin nội bộ của Sở" not in client.get(home.url).content.decode()

    PageViewRestriction.objects.filter(page=private).delete()
    assert "Tin nội bộ của Sở" in client.get(private.url).content.decode()


def test_the_remembered_page_is_checked_against_its_row_on_each_use(client, settings, category, monkeypatch):
    """The page object is kept with its route: the next render reads only its row's live flag
    and publication time. A page published again (even when the cache clear was lost) is
    loaded again; so is a page too large to keep."""
    import datetime as dt

    from django.utils import timezone

    from portal.core import pages

    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(category, "Bài giữ trong bộ nhớ đệm")
    table = article._meta.db_table
    # The first visit creates the site's read-aloud settings (a cache clear); the second routes
    # and remembers the route; the third loads the page through it and keeps it.
    for _ in range(3):
        client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        assert "Bài giữ trong bộ nhớ đệm" in client.get(article.url).content.decode()
    sql = [query["sql"] for query in captured.captured_queries]
    assert not any(f'FROM "{table}"' in q and "INNER JOIN" in q for q in sql), sql  # not loaded
    assert any(q.startswith("SELECT 1 FROM wagtailcore_page WHERE id =") for q in sql)

    # Published again with no signal (a lost cache clear): the row's time differs, so reloaded.
    type(article).objects.filter(pk=article.pk).update(
        title="Bài đã sửa và xuất bản lại", last_published_at=timezone.now() + dt.timedelta(seconds=1)
    )
    assert "Bài đã sửa và xuất bản lại" in client.get(article.url).content.decode()
    client.get(article.url)  # kept again
    type(article).objects.filter(pk=article.pk).update(live=False)  # withdrawn, no signal either
    assert client.get(article.url).status_code == 404
    type(article).objects.filter(pk=article.pk).update(live=True)

    monkeypatch.setattr(pages, "PAGE_OBJECT_MAX_BYTES", 10)
    caches["pages"].delete(f"route-page:{article._meta.label_lower}:{article.pk}")
    client.get(article.url)
    assert caches["pages"].get(f"route-page:{article._meta.label_lower}:{article.pk}") is None

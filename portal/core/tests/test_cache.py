"""Anonymous page cache: served from cache, emptied when content changes, never for editors."""

import pytest
from django.contrib.auth import get_user_model

from portal.news.tests.factories import make_article


def test_anonymous_pages_are_cached_and_invalidated_on_publish(client, category):
    first = client.get(category.url)
    assert first.status_code == 200 and "X-Page-Cache" not in first
    second = client.get(category.url)
    assert second["X-Page-Cache"] == "hit"
    make_article(category, "Bài mới đăng sau khi trang đã lưu đệm")
    third = client.get(category.url)
    assert "X-Page-Cache" not in third
    assert "Bài mới đăng sau khi trang đã lưu đệm" in third.content.decode()


def test_unpublish_invalidates(client, article):
    category = article.get_parent()
    client.get(category.url)
    article.unpublish()
    assert article.title not in client.get(category.url).content.decode()


def test_logged_in_users_bypass_the_cache(client, category):
    user = get_user_model().objects.create_superuser("root", "r@example.vn", "x-Secret-123")
    client.get(category.url)
    client.force_login(user)
    response = client.get(category.url)
    assert "X-Page-Cache" not in response


def test_query_strings_and_the_rest_of_the_api_are_not_cached(client, article):
    category = article.get_parent()
    for address in (category.url + "?page=1", f"/api/v1/articles/{article.pk}", "/api/v1/science-tasks?page=1"):
        for _ in range(3):
            assert "X-Page-Cache" not in client.get(address)


@pytest.mark.parametrize("address", ["/tim-kiem/?q=hoi+nghi", "/api/v1/articles?q=hoi+nghi&page_size=5"])
def test_search_and_the_article_list_are_kept_from_their_second_asking(client, category, address):
    """An address with a query string is stored only when asked a second time: one asked once
    leaves a marker, not a page (anyone can make up new ones)."""
    make_article(category, "Hội nghị tổng kết năm")
    first, second = client.get(address), client.get(address)
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    third = client.get(address)
    assert third["X-Page-Cache"] == "hit" and third.content == second.content
    assert "X-Page-Cache" not in client.get(address + "&sort=date")  # another address
    make_article(category, "Hội nghị sơ kết sáu tháng")  # a publish empties the cache
    fresh = client.get(address)
    assert "X-Page-Cache" not in fresh and fresh.content != third.content  # the new article found


def test_addresses_asked_once_leave_a_marker_not_a_page(client, category, rf):
    from django.core.cache import caches
    from django.utils import translation

    from portal.core.middleware import SEEN, _marker, page_key

    addresses = [f"/tim-kiem/?q=tu{n}" for n in range(5)]
    for address in addresses:
        client.get(address)
    with translation.override("vi"):
        keys = [page_key(rf.get(address)) for address in addresses]
    pages = caches["pages"]
    assert all(pages.get(key) is None for key in keys)
    assert all(pages.get(_marker(SEEN, key)) == 1 for key in keys)


def test_api_clients_with_a_token_are_never_served_from_the_cache(client, category):
    address = "/api/v1/articles?page_size=5"
    client.get(address), client.get(address)
    assert client.get(address)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get(address, HTTP_AUTHORIZATION="Bearer abc")


def test_delete_invalidates(client, article):
    category = article.get_parent()
    assert article.title in client.get(category.url).content.decode()
    article.delete()
    assert article.title not in client.get(category.url).content.decode()


def test_a_kept_address_is_stored_again_at_its_first_miss_after_its_expiry(client, category, settings, monkeypatch):
    """The marker outlives the page: a popular search does not need two renders again each
    time its page expires (under load, every request between them would render it)."""
    import time

    monkeypatch.setattr("portal.core.middleware.STALE_LIFETIMES", 0)  # gone when expired
    settings.PAGE_CACHE_SECONDS = 2
    address = "/tim-kiem/?q=hoi+nghi"
    client.get(address), client.get(address)
    assert client.get(address)["X-Page-Cache"] == "hit"
    time.sleep(2.1)  # the page has expired, its marker not
    assert "X-Page-Cache" not in client.get(address)
    assert client.get(address)["X-Page-Cache"] == "hit"


def test_a_page_past_its_time_is_renewed_by_one_request_while_the_others_get_the_old_copy(
    client, category, settings, rf, monkeypatch
):
    """Stale-while-revalidate: at an expiry by time, one request renders the page again and the
    others are answered from the old copy meanwhile (marked stale, max-age 0), instead of all
    rendering it at once. A publish still empties everything: no old copy survives it."""
    import time

    from django.core.cache import caches
    from django.utils import translation

    from portal.core.middleware import RENEW, _marker, page_key

    settings.PAGE_CACHE_SECONDS = 2
    monkeypatch.setattr("portal.core.middleware.STALE_LIFETIMES", 30)  # a slow machine stays inside it
    client.get(category.url)
    assert client.get(category.url)["X-Page-Cache"] == "hit"
    time.sleep(2.1)
    with translation.override("vi"):
        renewal = _marker(RENEW, page_key(rf.get(category.url)))
    caches["pages"].add(renewal, 1, 10)  # another request is renewing it
    stale = client.get(category.url)
    assert stale["X-Page-Cache"] == "stale" and "max-age=0" in stale["Cache-Control"]
    caches["pages"].delete(renewal)
    renewed = client.get(category.url)  # this one renews it
    assert "X-Page-Cache" not in renewed
    assert client.get(category.url)["X-Page-Cache"] == "hit"

    time.sleep(2.1)
    make_article(category, "Bài đăng sau khi trang đã cũ")  # a publish empties the cache
    caches["pages"].add(renewal, 1, 10)
    after = client.get(category.url)
    assert "X-Page-Cache" not in after and "Bài đăng sau khi trang đã cũ" in after.content.decode()

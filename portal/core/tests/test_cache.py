"""Anonymous page cache: served from cache, emptied when content changes, never for editors."""

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


def test_query_strings_and_api_are_not_cached(client, category):
    client.get(category.url + "?page=1")
    assert "X-Page-Cache" not in client.get(category.url + "?page=1")
    client.get("/api/v1/articles")
    assert "X-Page-Cache" not in client.get("/api/v1/articles")


def test_delete_invalidates(client, article):
    category = article.get_parent()
    assert article.title in client.get(category.url).content.decode()
    article.delete()
    assert article.title not in client.get(category.url).content.decode()

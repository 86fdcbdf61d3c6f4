"""The work every request repeats, done once (issue 17): a page-cache hit reads the cache once;
the CSP header is built once per process; the site, its root page and the site settings come
from the memo and follow every change at once; renditions read from the cache are not written
back. Each shortcut gives what the long way gives."""

from __future__ import annotations

from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.core.cache import RenditionCache
from portal.core.models import SiteIdentity
from portal.news.tests.factories import make_article


class _CountingGets:
    def __init__(self, cache):
        self.cache, self.keys = cache, []

    def __enter__(self):
        self.original = self.cache.get

        def get(key, *args, **kwargs):
            self.keys.append(key)
            return self.original(key, *args, **kwargs)

        self.cache.get = get
        return self

    def __exit__(self, *exc):
        del self.cache.get


def test_a_page_cache_hit_reads_the_cache_once_and_counts_down_its_max_age(client, category, settings):
    article = make_article(category, "Bài đọc từ bộ nhớ đệm")
    first = client.get(article.url)
    assert "X-Page-Cache" not in first and first["Cache-Control"] == f"max-age={settings.PAGE_CACHE_SECONDS}"
    with _CountingGets(caches["pages"]) as reads:
        hit = client.get(article.url)
    assert hit["X-Page-Cache"] == "hit" and hit.content == first.content
    assert len(reads.keys) == 1
    assert 0 <= int(hit["Cache-Control"].split("=")[1]) <= settings.PAGE_CACHE_SECONDS


def test_the_csp_header_is_the_librarys_own(client, home, article, settings):
    """Built once per process, the header is what django-csp builds for the same request, for
    the public site and for the admin, and a change of the settings is used at once."""

    def directives(header: str) -> set[str]:
        return set(header.split("; "))

    factory = RequestFactory()
    library = CSPMiddleware(lambda request: HttpResponse())
    request = factory.get(article.url)
    library.process_request(request)
    expected = library.process_response(request, HttpResponse())["Content-Security-Policy"]
    assert directives(client.get(article.url)["Content-Security-Policy"]) == directives(expected)
    admin = directives(build_policy(config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]))
    assert directives(client.get("/admin/login/")["Content-Security-Policy"]) == admin != directives(expected)
    policy = dict(settings.CONTENT_SECURITY_POLICY)
    policy["DIRECTIVES"] = {**policy["DIRECTIVES"], "img-src": ["'self'", "https://anh.example"]}
    settings.CONTENT_SECURITY_POLICY = policy
    settings.PAGE_CACHE_SECONDS = 0
    assert "https://anh.example" in client.get(article.url)["Content-Security-Policy"]


def test_the_site_and_its_settings_come_from_the_memo_and_follow_changes(client, settings, home, category):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(category, "Bài viết đếm truy vấn")
    client.get(article.url)
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(article.url).status_code == 200
    tables = " ".join(query["sql"] for query in captured.captured_queries)
    assert "wagtailcore_site" not in tables and "core_siteidentity" not in tables
    assert "accessibility_readaloudsettings" not in tables
    # A change of a setting is seen at once (the memo is emptied with the page cache).
    identity = SiteIdentity.for_site(Site.objects.get(is_default_site=True))
    identity.department_name = "Sở Khoa học và Công nghệ tỉnh Mẫu"
    identity.save()
    assert "Sở Khoa học và Công nghệ tỉnh Mẫu" in client.get(article.url).content.decode()
    # So is a change of the site: another root page makes the article unreachable there.
    site = Site.objects.get(is_default_site=True)
    site.root_page = category
    site.save()
    assert client.get(article.url).status_code == 404
    assert client.get("/" + article.slug + "/").status_code == 200


class Rendition:
    """What the renditions cache holds: Wagtail's renditions have a filter_spec."""

    filter_spec = "width-480"


def test_renditions_read_from_the_cache_are_not_written_back():
    cache = RenditionCache(
        "", {"OPTIONS": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}, "LOCATION": "thu-renditions"}
    )

    written = []
    original_set_many = cache.primary.set_many
    cache.primary.set_many = lambda data, *a, **k: written.append(sorted(data)) or original_set_many(data, *a, **k)
    cache.set("a", Rendition())
    found = cache.get_many(["a"])
    assert found["a"]._from_cache is True
    assert cache.get("a")._from_cache is True
    cache.set_many({"a": found["a"], "b": Rendition()})
    assert written == [["b"]]  # only the new one
    cache.set("a", found["a"])  # Image.get_rendition's write-back: skipped
    assert cache.get_many(["a", "b"]).keys() == {"a", "b"}

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

from portal.core.layeredcache import RenditionCache
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


def test_hits_are_served_before_django_with_every_header(client, category, settings):
    """The WSGI wrapper (portal/wsgi.py) answers a stored page itself: the same status, body
    and headers (CSP, HSTS, permissions) as Django gave, max-age counted down; a request Django
    must see (a cookie of ours, a query string, a host not allowed, a POST) goes to Django."""
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from portal.core.middleware import PageCacheApplication

    article = make_article(category, "Bài phục vụ trước Django")
    django_calls = []
    handler = WSGIHandler()

    def django_app(environ, start_response):
        django_calls.append(environ["PATH_INFO"])
        return handler(environ, start_response)

    application = PageCacheApplication(django_app)

    def get(path, **extra):
        environ = RequestFactory().get(path, **extra).environ
        answered = {}
        # As Django's test client does: the test's database connection stays open.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            body = b"".join(
                application(environ, lambda status, headers: answered.update(status=status, headers=headers))
            )
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        return answered["status"], dict(answered["headers"]), body

    status, headers, body = get(article.url)
    assert status.startswith("200") and django_calls == [article.url] and "X-Page-Cache" not in headers
    hit_status, hit_headers, hit_body = get(article.url)
    assert django_calls == [article.url]  # not asked again
    assert hit_status == status and hit_body == body and hit_headers["X-Page-Cache"] == "hit"
    for name in ("Content-Security-Policy", "Permissions-Policy", "Content-Type", "X-Content-Type-Options"):
        assert hit_headers[name] == headers[name], name
    assert int(hit_headers["Cache-Control"].split("=")[1]) <= settings.PAGE_CACHE_SECONDS
    get(article.url + "?trang=2")
    get(article.url, HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    get(article.url, HTTP_HOST="khong-duoc-phep.example")
    assert django_calls == [article.url] * 4
    # A search (its query string is its address): stored at its second asking, then served here.
    search = "/tim-kiem/?q=phuc+vu"
    get(search)
    second, third = get(search), get(search)
    assert django_calls[4:] == ["/tim-kiem/"] * 2
    assert third[2] == second[2] and third[1]["X-Page-Cache"] == "hit" and b"Django" in third[2]
    get(search, HTTP_AUTHORIZATION="Bearer abc")
    assert len(django_calls) == 7


def test_static_addresses_are_worked_out_once_per_process(monkeypatch, settings):
    from whitenoise.storage import CompressedManifestStaticFilesStorage

    from portal.core.staticstorage import PortalStaticFilesStorage

    settings.DEBUG = False
    calls = []

    def url(self, name, force=False):
        calls.append(name)
        return f"/static/{name}.abc123"

    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", url)
    storage = PortalStaticFilesStorage()
    assert storage.url("core/portal.css") == storage.url("core/portal.css") == "/static/core/portal.css.abc123"
    assert calls == ["core/portal.css"]
    settings.DEBUG = True  # development: files change under a running server
    storage.url("core/portal.css")
    assert len(calls) == 2

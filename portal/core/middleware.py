"""Whole-page cache for anonymous visitors.

Only GET/HEAD from visitors without a session or CSRF cookie or an Authorization header
(editors always see fresh pages and their user bar), never the admin, the rest of the API or
other dynamic paths. Without a query string, except on QUERY_PAGES (the search page and the
API's article list), whose answers depend on theirs: there the query string is part of the key,
and as anyone can make up new ones, such an answer is stored only when its address is asked
again within SEEN_LIFETIMES × PAGE_CACHE_SECONDS (the first asking leaves a marker of a few
bytes, which outlives the page so that a popular address is stored again at its first miss
after an expiry): what a popular search or a widely used API address costs is one render a
minute, and addresses asked once never fill the cache.
Entries live in the separate "pages" cache, which `portal.core.signals` empties whenever
published content or site settings change, so the short timeout (PAGE_CACHE_SECONDS) is only a
safety net.

The middleware is the outermost one: it stores the response as it leaves Django, every header
added (CSP, HSTS, …), as plain data (status, headers, body, expiry). A hit is then served in one
cache read by `PageCacheApplication`, which wraps the WSGI application (portal/wsgi.py) and
answers before Django's handler and middleware run (they cost two thirds of a hit); behind any
other server the middleware serves hits itself. The key is the scheme, host, path and language:
Django's own cache middleware first reads the list of headers a response varies on, then the page
(two reads); here the only variation a response declares is `Vary: Cookie`, and a request with
our cookies is never served from or stored in this cache. What is stored follows Django's rules
(UpdateCacheMiddleware): status 200, not streamed, no cookie set, no private/no-cache/no-store,
no `Vary: *`. Expires and max-age are set on the way out; a hit's max-age counts down.

A page past its time is kept STALE_LIFETIMES × PAGE_CACHE_SECONDS longer: the first request to
find it so renders it again (it takes a renewal marker), and meanwhile the others get the old
copy ("X-Page-Cache: stale", max-age 0) instead of all rendering it at once. (Content changes
empty the cache, so a stale copy only ever stands for an expiry by time, the safety net.) In
the serving benchmark with synchronous workers, the row where pages expired had its slowest
hundredth at 130-140 ms without it, 67 ms with it (docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.utils.cache import has_vary_header, patch_response_headers
from django.utils.translation import get_language

# /doc-bai/: read-aloud audio answers Range requests itself (a cached whole file would not).
UNCACHED_PREFIXES = (
    "/admin",
    "/django-admin",
    "/api/",
    "/documents/",
    "/tim-kiem",
    "/doc-bai/",
    "/phan-anh-kien-nghi/",
    "/healthz",
    "/readyz",
    "/static/",
    "/media/",
)
# Their answer depends on the query string (words, category, dates, page): see the docstring.
QUERY_PAGES = ("/tim-kiem/", "/api/v1/articles")
MAX_QUERY_STRING = 1000  # longer ones are never stored (the search keeps 200 characters of q)
PAGE = "page-data."  # the prefix of pages and their markers (kept in the shared cache only)
SEEN = PAGE + "seen."  # the marker of a QUERY_PAGES address asked once
SEEN_LIFETIMES = 10
STALE_LIFETIMES = 1  # how long a page past its time may still be served while one request renews it
RENEW = PAGE + "renew."  # the marker of the request renewing a stale page
RENEW_SECONDS = 10  # should that request fail, another renews the page after this
UNSHARED = ("private", "no-cache", "no-store")
MISSED = "portal.page_cache_missed"  # set in the WSGI environ when the fast path looked already
_MAX_AGE = re.compile(r"max-age=\d+")


def _cacheable_address(method: str, query_string: str, path: str) -> bool:
    if method not in ("GET", "HEAD"):
        return False
    if path in QUERY_PAGES:
        return len(query_string) <= MAX_QUERY_STRING
    # Elsewhere listings with filters and page numbers are cheap (their parts are fragments)
    # and numerous: no query string is worth the memory.
    return not query_string and not path.startswith(UNCACHED_PREFIXES)


def is_cacheable_request(request) -> bool:
    if not _cacheable_address(request.method, request.META.get("QUERY_STRING", ""), request.path):
        return False
    if "HTTP_AUTHORIZATION" in request.META:  # an API client with a token: answered for it alone
        return False
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and settings.CSRF_COOKIE_NAME not in request.COOKIES


def page_key(request) -> str | None:
    """The cache key of the request's page, or None when the request's host is not allowed."""
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    query = request.META.get("QUERY_STRING", "")
    address = f"{request.scheme}://{host}{request.path}{'?' + query if query else ''}|{get_language()}"
    return PAGE + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


def _marker(kind: str, key: str) -> str:
    """The key of a marker (SEEN, RENEW) about the page stored under `key`."""
    return kind + key.removeprefix(PAGE)


def cache_key_for(request) -> str | None:
    """The page-cache key of a request the cache may answer, else None."""
    if settings.PAGE_CACHE_SECONDS <= 0 or not is_cacheable_request(request):
        return None
    return page_key(request)


def _replayed(cache, key: str) -> tuple[int, str, list, bytes] | None:
    """Status, reason, headers (max-age counted down) and body of the stored page to answer
    with; None when this request must render the page: nothing stored, or a copy past its time
    that this request renews (the first to take the renewal marker; the others get the copy,
    marked stale)."""
    stored = cache.get(key)
    if not isinstance(stored, tuple):
        return None
    status, reason, headers, body, expires = stored
    if time.time() < expires:
        return status, reason, _counted_down(headers, expires), body
    if cache.add(_marker(RENEW, key), 1, RENEW_SECONDS):
        return None
    stale = [(name, "stale" if name == "X-Page-Cache" else value) for name, value in headers]
    return status, reason, _counted_down(stale, expires), body


def _stored(response, timeout: int) -> tuple:
    headers = [*response.items(), ("X-Page-Cache", "hit")]
    return (response.status_code, response.reason_phrase, headers, response.content, time.time() + timeout)


def _counted_down(headers: list, expires: float) -> list:
    """The stored headers with max-age lowered to what is left until the entry's expiry."""
    left = f"max-age={max(0, int(expires - time.time()))}"
    return [(name, _MAX_AGE.sub(left, value)) if name == "Cache-Control" else (name, value) for name, value in headers]


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key_for(request)
        if key is None:
            return self.get_response(request)
        cache = caches["pages"]
        if not request.META.get(MISSED) and (hit := _replayed(cache, key)):
            status, reason, headers, body = hit
            response = HttpResponse(body, status=status, reason=reason)
            for name, value in headers:
                response[name] = value
            return response
        timeout = settings.PAGE_CACHE_SECONDS
        response = self.get_response(request)
        if self._storable(response) and self._admitted(request, cache, key, timeout):
            patch_response_headers(response, timeout)
            cache.set(key, _stored(response, timeout), timeout * (1 + STALE_LIFETIMES))
        return response

    @staticmethod
    def _admitted(request, cache, key: str, timeout: int) -> bool:
        """Whether to store the page now: always without a query string; with one (QUERY_PAGES)
        only when the address was already asked within SEEN_LIFETIMES × `timeout` (`add`
        writes the marker and says whether it was missing)."""
        if not request.META.get("QUERY_STRING"):
            return True
        return not cache.add(_marker(SEEN, key), 1, timeout * SEEN_LIFETIMES)

    @staticmethod
    def _storable(response) -> bool:
        if response.streaming or response.status_code != 200:
            return False
        if response.cookies or response.has_header("Set-Cookie"):
            return False  # a response that sets a cookie is personal: never share it
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in UNSHARED) and not has_vary_header(response, "*")


class PageCacheApplication:
    """Serves page-cache hits before Django's handler; everything else goes to `application`."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        # The address is checked before a request is built, so other requests pay nothing.
        address = (environ.get("REQUEST_METHOD", ""), environ.get("QUERY_STRING", ""), environ.get("PATH_INFO", ""))
        if _cacheable_address(*address):
            key = cache_key_for(WSGIRequest(environ))
            if key is not None:
                if hit := _replayed(caches["pages"], key):
                    status, reason, headers, body = hit
                    start_response(f"{status} {reason}", headers)
                    return [body]
                environ[MISSED] = True
        return self.application(environ, start_response)

"""Whole-page cache for anonymous visitors.

Only GET/HEAD without a query string from visitors without a session or CSRF cookie (editors
always see fresh pages and their user bar), never the admin, the API or other dynamic paths.
Entries live in the separate "pages" cache, which `portal.core.signals` empties whenever
published content or site settings change, so the short timeout (PAGE_CACHE_SECONDS) is only a
safety net.

One cache read per hit: the key is the scheme, host, path and language. Django's own cache
middleware first reads the list of headers the response varies on, then the page (two reads,
40 % of a hit's time); here the only variation a response declares is `Vary: Cookie`, and a
request with our cookies is never served from or stored in this cache, so the list adds nothing.
The rules for what is stored are Django's (UpdateCacheMiddleware): status 200, not streamed, no
cookie set, no private/no-cache/no-store, no `Vary: *`; Expires and max-age are set on the way
out, and a hit's max-age counts down to its Expires.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import get_max_age, has_vary_header, patch_cache_control, patch_response_headers
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
)
UNSHARED = ("private", "no-cache", "no-store")


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or settings.CSRF_COOKIE_NAME in request.COOKIES:
        return False
    if request.GET:
        # Listings with filters and pages are cheap and numerous: not worth the memory.
        return False
    return not request.path.startswith(UNCACHED_PREFIXES)


def page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.path}|{get_language()}"
    return "page." + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timeout = settings.PAGE_CACHE_SECONDS
        if timeout <= 0 or not is_cacheable_request(request):
            return self.get_response(request)
        cache = caches["pages"]
        key = page_key(request)
        response = cache.get(key)
        if response is not None:
            return self._hit(response)
        response = self.get_response(request)
        if self._storable(response):
            patch_response_headers(response, timeout)
            response.page_cache_expires = time.time() + timeout
            if callable(getattr(response, "render", None)) and not getattr(response, "is_rendered", True):
                response.add_post_render_callback(lambda rendered: cache.set(key, rendered, timeout))
            else:
                cache.set(key, response, timeout)
        return response

    @staticmethod
    def _storable(response) -> bool:
        if response.streaming or response.status_code != 200:
            return False
        if response.cookies or response.has_header("Set-Cookie"):
            return False  # a response that sets a cookie is personal: never share it
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in UNSHARED) and not has_vary_header(response, "*")

    @staticmethod
    def _hit(response):
        expires = getattr(response, "page_cache_expires", None)
        if expires is not None and get_max_age(response) is not None:
            patch_cache_control(response, max_age=max(0, int(expires - time.time())))
        response["X-Page-Cache"] = "hit"
        return response

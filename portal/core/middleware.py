"""Whole-page cache for anonymous visitors.

Django's cache middleware, restricted: only GET/HEAD from visitors without a session or
CSRF cookie (editors always see fresh pages and their user bar), never the admin, the API
or other dynamic paths. Entries live in the separate "pages" cache, which
`portal.core.signals` empties whenever published content or site settings change, so the
short timeout (PAGE_CACHE_SECONDS) is only a safety net.
"""

from django.conf import settings
from django.middleware.cache import CacheMiddleware

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


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or settings.CSRF_COOKIE_NAME in request.COOKIES:
        return False
    if request.GET:
        # Listings with filters and pages are cheap and numerous: not worth the memory.
        return False
    return not request.path.startswith(UNCACHED_PREFIXES)


class AnonymousPageCacheMiddleware(CacheMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response, cache_alias="pages", page_timeout=settings.PAGE_CACHE_SECONDS, key_prefix="")

    def process_request(self, request):
        if settings.PAGE_CACHE_SECONDS <= 0 or not is_cacheable_request(request):
            request._cache_update_cache = False
            return None
        response = super().process_request(request)
        if response is not None:
            response["X-Page-Cache"] = "hit"
        return response

    def process_response(self, request, response):
        if getattr(request, "_cache_update_cache", False) and (response.cookies or response.has_header("Set-Cookie")):
            # A response that sets a cookie is personal: never share it.
            request._cache_update_cache = False
        return super().process_response(request, response)

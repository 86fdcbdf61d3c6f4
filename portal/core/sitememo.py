"""The site of a request and its settings, remembered in the "pages" cache.

Every page view asked the database for the site (joined with its root page), the root page's
specific type, and each site setting the page shows (identity with its emblem, the read-aloud
choice): five queries of an uncached article's thirteen, for rows that change a few times a
year. They are kept in the "pages" cache, which any change of them empties at once
(portal.core.signals: a site saved or deleted, a setting saved, any page published, moved or
deleted); the lifetime only bounds what a Redis outage could leave stale. With several app nodes
the cache is shared, so a change made on one node is seen by all.
"""

from __future__ import annotations

from django.core.cache import caches
from django.http.request import split_domain_port
from wagtail.models import Site

from .requestscope import current, remembered, request_scope

MEMO_SECONDS = 600


def site_key(hostname: str, port) -> str:
    return f"site:{hostname}:{port}"


def find_site(request) -> Site | None:
    """Site.find_for_request through the memo; the site's root page comes with its specific
    type loaded (Wagtail's serve view asks for it)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    key = site_key(hostname, request.get_port())
    cache = caches["pages"]
    site = cache.get(key)
    if site is None:
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018 — loaded now, kept with the site
            cache.set(key, site, MEMO_SECONDS)
    request._wagtail_site = site
    return site


# Views that draw no page of the site: they never ask for it.
SITELESS_PREFIXES = ("/api/", "/healthz", "/readyz", "/static/", "/media/")


class SiteMemoMiddleware:
    """Opens the request's scope (portal.core.requestscope: what is read once per request, the
    layered cache's generation among it) and finds the request's site through the memo before a
    view (Wagtail's serve, a view drawing the site's templates) looks for it; a request that
    reaches no view, or an API or health view, looks nothing up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_scope():
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(SITELESS_PREFIXES):
            find_site(request)
        return None


class MemoSettingMixin:
    """For a Wagtail site setting: `for_site` reads the memo first. `select_related` (Wagtail's
    own attribute) names the relations loaded with it, so they are kept too."""

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        key = f"setting:{cls._meta.label_lower}:{site.pk}"
        cache = caches["pages"]
        found = cache.get(key)
        if found is None:
            found = super().for_site(site)
            cache.set(key, found, MEMO_SECONDS)
        return found


class SiteRootPathsMixin:
    """For page types: Wagtail reads its list of site root paths from the default cache for
    every page object whose address it builds (each keeps its own copy): three reads for an
    article, one per listed page elsewhere. Within a request the list is read once, from the
    "pages" cache (emptied when a site is saved or deleted and when a page is published or
    moved, which is when a root path can change)."""

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        if current() is None:
            return super()._get_site_root_paths(cache_object, **kwargs)
        return remembered(ROOT_PATHS_KEY, _site_root_paths)


ROOT_PATHS_KEY = "site-root-paths"


def _site_root_paths():
    cache = caches["pages"]
    paths = cache.get(ROOT_PATHS_KEY)
    if paths is None:
        paths = Site.get_site_root_paths()
        cache.set(ROOT_PATHS_KEY, paths, MEMO_SECONDS)
    return paths

"""Keeping nginx's micro-cache (deploy/nginx.conf) current after a publish (issue 17).

Wagtail's front-end cache invalidation (wagtail.contrib.frontend_cache) does the bookkeeping:
the URLs go to a task (django-tasks: queued to the worker in production, at once in
development), which hands them to the backend below. Stock nginx has no purge without an extra
module, so the backend *refreshes*: a GET from the loopback carrying `X-Portal-Refresh: 1` makes
nginx skip its stored copy, fetch the page from the portal and store the new one, so the next
visitor gets the new page from the cache at once.

A published or unpublished page refreshes itself, its parents, the home page, the site feed and
the site maps (a new article changes its category's listing, the home page's news and the
feeds), and the pages an app names as showing it (`register_showing`: an article's newest
siblings list it under "Bài viết khác", articles link to it as related). Everything else the
micro-cache holds is at most 10 s old. Configured by
`FRONTEND_CACHE_URL` (for example `https://127.0.0.1`, the local nginx); unset, nothing is sent.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Iterable
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Page

from .localstack import loopback_tls_context

logger = logging.getLogger("portal.cache")

REFRESH_HEADER = "X-Portal-Refresh"
SITE_PATHS = ["/", "/rss/", "/sitemap.xml", "/so-do-cong-thong-tin/"]


class NginxRefreshBackend(BaseBackend):
    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.scheme, self.netloc = location.scheme, location.netloc
        self.timeout = params.get("TIMEOUT", 10)
        # nginx on the loopback answers with the public name's certificate: the address is
        # ours, so the name is not checked there.
        self.context = (
            loopback_tls_context()
            if location.hostname in ("127.0.0.1", "::1", "localhost")
            else ssl.create_default_context()
        )

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        request = Request(
            urlunsplit([self.scheme, self.netloc, parts.path, parts.query, ""]),
            headers={"Host": host, REFRESH_HEADER: "1", "User-Agent": "portal-frontcache"},
        )
        try:
            with urlopen(request, timeout=self.timeout, context=self.context) as response:  # noqa: S310 - our own nginx
                response.read()
        except HTTPError as error:  # a 404 of a page just unpublished is a refresh too
            if error.code >= 500:
                logger.warning("micro-cache refresh of %s: HTTP %d", parts.path, error.code)
        except (URLError, OSError) as error:
            logger.warning("micro-cache refresh of %s failed: %s", parts.path, getattr(error, "reason", error))


# Functions an app registers: given a published or unpublished page, the other pages whose HTML
# shows it besides its parents (portal.news names an article's siblings and referrers).
_showing: list[Callable[[Page], Iterable[Page]]] = []


def register_showing(find: Callable[[Page], Iterable[Page]]) -> None:
    if find not in _showing:
        _showing.append(find)


def configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def urls_for(page) -> list[str]:
    """The page's own addresses, its live parents', the pages registered as showing it, and the
    site's home page, feed and maps."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_page(page)
    for ancestor in page.get_ancestors().live().filter(depth__gt=1):
        batch.add_page(ancestor)
    for find in _showing:
        batch.add_pages(find(page))
    root = page.get_site().root_url if page.get_site() else ""
    if root:
        batch.add_urls([root.rstrip("/") + path for path in SITE_PATHS])
    return list(dict.fromkeys(batch.urls))


def refresh_page(instance, **kwargs) -> None:
    """page_published / page_unpublished: refresh what shows the page, after the commit."""
    from .bulk import active as bulk_active

    if not configured() or bulk_active():  # imports and demo runs: the 10 s lifetime is enough
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = urls_for(instance)
    transaction.on_commit(lambda: purge_urls_from_cache(urls))

"""Shared by every counting beacon (article views, visit statistics), so they agree on who
counts: what a request's User-Agent says about the reader (a person or a robot, which kind of
device) and the 1x1 image that counts readers without JavaScript."""

from __future__ import annotations

import re

from django.http import HttpResponse

# Crawlers, link previews, monitoring and headless browsers do not count as readers.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|bingpreview|facebookexternalhit|zalo.*preview|curl|wget|python-|"
    r"httpclient|java/|go-http|okhttp|headless|lighthouse|pingdom|uptime|monitor|scanner",
    re.IGNORECASE,
)
_TABLET = re.compile(r"ipad|tablet|kindle|silk|playbook|(android(?!.*mobile))", re.IGNORECASE)
_MOBILE = re.compile(r"mobi|iphone|ipod|android|blackberry|opera mini|iemobile|windows phone", re.IGNORECASE)

# 1x1 transparent GIF for the counters inside <noscript>.
PIXEL = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"

DESKTOP, MOBILE, TABLET = "desktop", "mobile", "tablet"


def is_bot(user_agent: str) -> bool:
    """A missing User-Agent is a script, not a browser."""
    return not user_agent or bool(BOT_PATTERN.search(user_agent))


def is_prefetch(headers) -> bool:
    """Speculative loads (link prefetch, prerender) are not readings."""
    purpose = headers.get("Sec-Purpose", "") or headers.get("Purpose", "")
    return "prefetch" in purpose or "prerender" in purpose


def device_class(user_agent: str) -> str:
    """desktop, mobile or tablet; tablets first, since their agents often say "Android"."""
    if _TABLET.search(user_agent or ""):
        return TABLET
    if _MOBILE.search(user_agent or ""):
        return MOBILE
    return DESKTOP


def pixel_response() -> HttpResponse:
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


def client_ip(request) -> str:
    """The reader's address, for hashing and rate limits only (never stored or logged).

    Behind a reverse proxy every request comes from the proxy; settings.TRUSTED_PROXY_COUNT
    (environment TRUSTED_PROXIES, 1 behind the nginx in deploy/) says how many proxies append to
    X-Forwarded-For, so the address they saw is taken from the right end, where a client cannot
    forge it.
    """
    from django.conf import settings

    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        hops = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(hops) >= count:
            return hops[-count]
    return request.META.get("REMOTE_ADDR", "")


def from_this_site(request) -> bool:
    """False when a browser says the request was made by a page of another site (its Origin,
    or its Referer when it sends no Origin, names another host): such a page may post a form
    on its visitor's behalf without a CSRF token. Requests that name no origin (other
    programs, privacy settings) are not refused for it."""
    from urllib.parse import urlsplit

    origin = request.headers.get("Origin")
    if origin == "null":  # a sandboxed frame or a file: never one of our pages
        return False
    source = origin or request.headers.get("Referer")
    if not source:
        return True
    return urlsplit(source).netloc.lower() == request.get_host().lower()

"""Absolute addresses of this site, for what leaves the browser's context (e-mails, feeds,
exports): built from BASE_URL, the address the operator configured, never from a request's
Host header (which a client chooses)."""

from django.conf import settings


def site_url(path: str = "/") -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")

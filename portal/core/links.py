"""Absolute addresses of this site, from one place: BASE_URL, the address the operator
configured, never a request's Host header (which a client chooses).

Everything that leaves the browser's context goes through here: e-mails, feeds, the XML
sitemap, canonical and Open Graph addresses, share links, robots.txt and security.txt. The
default Wagtail site is set to the same host and port by setup_portal (portal/home/setup.py).
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from wagtail import hooks


def site_url(path: str = "/") -> str:
    """BASE_URL joined with a path of this site; an address that is already absolute (a
    rendition on a file host, say) is returned as it is."""
    if urlsplit(path).scheme:
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def page_url(page) -> str:
    """A Wagtail page's absolute address under BASE_URL."""
    parts = page.get_url_parts()
    if parts is None:
        return ""
    return site_url(parts[2])


def base_url_host_and_port() -> tuple[str, int]:
    """Host name and port of BASE_URL (the scheme's default port where it names none)."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return (address.hostname or "localhost"), (address.port or (443 if address.scheme == "https" else 80))


@dataclass(frozen=True)
class PublicAddress:
    """A public page that is not a Wagtail page (the petition form, the glossary, …), for the
    HTML and XML site maps. Apps list theirs through the ``portal_public_addresses`` hook."""

    title: str
    path: str
    in_xml_sitemap: bool = True  # False for what robots.txt keeps robots out of (search)
    in_html_sitemap: bool = True  # False for single entries (one Hỏi đáp answer): their list is there
    lastmod: object = None  # a datetime, for /sitemap.xml


def public_addresses() -> list[PublicAddress]:
    found: list[PublicAddress] = []
    for addresses in hooks.get_hooks("portal_public_addresses"):
        found.extend(addresses())
    return found

"""Checks of the menus and links of Cài đặt → Menu và liên kết (SiteNavigation).

A link to an address of this site that leads nowhere is still saved (a department may prepare
its menu before the page exists), but it is never silent: the settings form shows the broken
links above the fields (`BrokenLinksPanel`) and the report Báo cáo → Liên kết hỏng lists them
for every site. Addresses on other sites are not fetched (the admin contacts no third party).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import Panel
from wagtail.models import Page


@dataclass(frozen=True)
class BrokenLink:
    section: str  # "Menu chính", "Liên kết nhanh", …
    title: str
    address: str
    reason: str


def _sections(nav) -> Iterator[tuple[str, object]]:
    """(section label, link value) for every link of the settings, sub-menus included."""
    for item in nav.main_menu:
        yield _("Main menu"), item.value
        for child in item.value.get("children") or []:
            yield _("Sub-menu of “%(title)s”") % {"title": item.value.get("title")}, child
    for link in nav.quick_links:
        yield _("Quick links"), link.value
    for link in nav.site_links:
        yield _("Site links"), link.value


def _page_at(site, path: str) -> bool:
    """A live page of `site` answers `path` (itself, or a routable page above it)."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    parts = [part for part in path.strip("/").split("/") if part]
    for depth in range(len(parts), -1, -1):
        url_path = site.root_page.url_path + "".join(f"{part}/" for part in parts[:depth])
        page = Page.objects.live().filter(url_path=url_path).first()
        if page is not None:  # the nearest live page: the one asked for, or one that routes below it
            return depth == len(parts) or isinstance(page.specific, RoutablePageMixin)
    return False


def _redirected(site, path: str) -> bool:
    from wagtail.contrib.redirects.models import Redirect

    return Redirect.get_for_site(site).filter(old_path=Redirect.normalise_path(path)).exists()


def link_problem(value, site) -> str | None:
    """Why the link would not work for a visitor, or None. Links to other sites are trusted."""
    page, address = value.get("page"), (value.get("link_url") or "").strip()
    if page is not None:
        return None if page.live else _("The chosen page is not published.")
    if not address:
        return _("The chosen page no longer exists.")
    if not address.startswith("/") or address.startswith("//"):
        return None
    path = urlsplit(address).path or "/"
    try:
        match = resolve(path)
    except Resolver404:
        return _("No page of this site has this address.")
    if match.url_name != "wagtail_serve":
        return None  # a page of an app (search, petitions, …)
    if _page_at(site, path) or _redirected(site, path):
        return None
    return _("No published page of this site has this address.")


def broken_links(nav) -> list[BrokenLink]:
    site = nav.site
    found = []
    for section, value in _sections(nav):
        reason = link_problem(value, site)
        if reason:
            found.append(BrokenLink(str(section), value.get("title") or "", value.url() or "", reason))
    return found


class BrokenLinksPanel(Panel):
    """A warning at the top of the settings form, listing the links that lead nowhere (shown
    only when there are some)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", gettext_lazy("Broken links"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "core/admin/broken_links_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.broken = broken_links(self.instance) if getattr(self.instance, "pk", None) else []

        def is_shown(self):
            return bool(self.broken)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["broken"] = self.broken
            return context

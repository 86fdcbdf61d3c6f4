"""/sitemap.xml: the live public pages and the apps' other public addresses, every location
under BASE_URL (portal.core.links)."""

from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap

from .links import public_addresses, site_url


class PageSitemap(Sitemap):
    """Wagtail's page sitemap with locations taken from BASE_URL rather than the Site record."""

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            parts = urlsplit(url["location"])
            url["location"] = site_url(parts.path + (f"?{parts.query}" if parts.query else ""))
        return urls


class AddressSitemap(Sitemap):
    """The public addresses the apps list (portal_public_addresses), but not those kept from
    robots."""

    def items(self):
        return [address for address in public_addresses() if address.in_xml_sitemap]

    def _urls(self, page, protocol, domain):
        self.latest_lastmod = None
        return [
            {
                "item": item,
                "location": site_url(item.path),
                "lastmod": item.lastmod,
                "changefreq": None,
                "priority": None,
            }
            for item in self.paginator.page(page).object_list
        ]


SITEMAPS = {"pages": PageSitemap, "services": AddressSitemap}

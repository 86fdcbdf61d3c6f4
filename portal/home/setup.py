"""Bring a fresh database to a usable portal: a home page served by the default site and
the editorial roles. Safe to run any number of times."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from portal.core.links import base_url_host_and_port
from portal.core.models import SiteIdentity, SiteNavigation
from portal.core.roles import roles_setup

from .models import HomePage


def _default_site(home: HomePage) -> Site:
    """The default Wagtail site answers at BASE_URL's host and port and serves our home page.

    Wagtail builds every page's full address (sitemap, page.full_url) from this record, so it
    follows the configured address each time setup_portal runs; left at Wagtail's localhost:80
    it made links to http://localhost/ (see portal.core.links)."""
    hostname, port = base_url_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="")
    if (site.root_page_id, site.hostname, site.port) != (home.pk, hostname, port):
        site.root_page, site.hostname, site.port = home, hostname, port
        site.save()
    return site


@transaction.atomic
def portal_setup() -> HomePage:
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        if root is None:  # a flushed database (Wagtail's migrations normally create it)
            root = Page.add_root(
                instance=Page(title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page))
            )
        # Wagtail's migrations leave a placeholder "Welcome" page; ours replaces it.
        placeholder = root.get_children().filter(content_type__model="page", slug="home").first()
        if placeholder is not None:
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        home = HomePage(title=_("Home page"), slug="home")
        root.add_child(instance=home)
        home.save_revision().publish()
    site = _default_site(home)
    SiteIdentity.for_site(site)
    SiteNavigation.for_site(site)
    roles_setup(root_page=home)
    # Apps add their own first-run data (the abbreviation glossary, …) through this hook.
    for setup in hooks.get_hooks("portal_setup"):
        setup(home)
    return home

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("portal_public_addresses")
def search_address():
    from portal.core.links import PublicAddress

    return [PublicAddress(_("Search"), reverse("search"), in_xml_sitemap=False)]  # robots.txt: Disallow

"""setup_portal brings the default Wagtail site to the configured address."""

from wagtail.models import Site

from portal.home.setup import portal_setup


def test_the_default_site_answers_at_base_url(db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sokhcn.example.vn"
    home = portal_setup()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_page_id) == ("sokhcn.example.vn", 443, home.pk)
    assert home.full_url == "https://sokhcn.example.vn/"  # was http://localhost/ from Wagtail's record
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    portal_setup()  # run again after BASE_URL changed: it follows
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"
    assert Site.objects.count() == 1

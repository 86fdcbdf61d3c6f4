"""Favicon and touch icon from the department's emblem (issue 16, item 18)."""

from PIL import Image as PILImage

from portal.core.demo import demo_image
from portal.core.models import SiteIdentity


def _identity(home):
    from wagtail.models import Site

    return SiteIdentity.for_site(Site.objects.get(is_default_site=True))


def test_without_an_emblem_the_built_in_icon_is_served(client, home):
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"].endswith("/core/favicon.svg")
    assert "max-age=86400" in response["Cache-Control"]
    page = client.get("/").content.decode()
    assert 'rel="icon"' in page and "favicon.svg" in page and "apple-touch-icon" not in page
    assert client.head("/favicon.ico").status_code == 302 and client.head("/robots.txt").status_code == 200
    assert client.post("/favicon.ico").status_code == 405


def test_the_emblem_becomes_the_favicon_and_the_touch_icon(client, home):
    identity = _identity(home)
    identity.emblem = demo_image("Biểu trưng", 0, emblem=True)
    identity.save()
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and "fill-32x32" in response["Location"]
    rendition = identity.emblem.get_rendition("fill-32x32|format-png")
    with rendition.file.open() as handle:
        assert PILImage.open(handle).size == (32, 32)
    page = client.get("/").content.decode()
    assert f'<link rel="icon" href="{rendition.url}" sizes="32x32" type="image/png">' in page
    touch = identity.emblem.get_rendition("fill-180x180|format-png")
    assert f'<link rel="apple-touch-icon" href="{touch.url}">' in page


def test_the_icons_are_looked_up_once_per_emblem(home, django_assert_num_queries):
    from django.core.cache import cache

    from portal.core.icons import site_icons

    cache.clear()
    identity = _identity(home)
    identity.emblem = demo_image("Biểu trưng", 0, emblem=True)
    identity.save()
    first = site_icons(identity)
    with django_assert_num_queries(0):
        assert site_icons(identity) == first  # from the cache
    identity.emblem = demo_image("Biểu trưng mới", 1, emblem=True)
    identity.save()
    assert site_icons(identity) != first  # a new emblem is a new key

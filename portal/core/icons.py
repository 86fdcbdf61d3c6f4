"""The site's icons (favicon, touch icon) drawn from the emblem in the identity settings.

A department that uploads its emblem gets it in the browser tab, in bookmarks and on a phone's
home screen, without making icon files; a site with no emblem yet shows a neutral built-in
icon. The renditions are square PNGs made by Wagtail (`fill-…|format-png`)."""

from __future__ import annotations

from django.templatetags.static import static

SIZES = {"icon": "fill-32x32|format-png", "touch": "fill-180x180|format-png"}
DEFAULT_ICON = "core/favicon.svg"


CACHE_SECONDS = 3600


def site_icons(identity) -> dict[str, str]:
    """Addresses of the icon and the touch icon; the built-in icon where there is no emblem (or
    its file cannot be read). Both renditions come in one lookup, kept in the cache per emblem
    file (a new emblem has another file, hence another key) with the pages, so a page rendered
    outside the page cache does not query for them."""
    from django.core.cache import caches

    cache = caches["pages"]  # emptied with the pages; the key names the emblem's file anyway
    emblem = getattr(identity, "emblem", None)
    if emblem is None:
        return {"icon": static(DEFAULT_ICON), "touch": ""}
    key = f"site-icons:{emblem.pk}:{emblem.file_hash or emblem.file.name}"
    found = cache.get(key)
    if found is None:
        try:
            renditions = emblem.get_renditions(*SIZES.values())
            found = {name: renditions[spec].url for name, spec in SIZES.items()}
        except (OSError, ValueError):
            return {"icon": static(DEFAULT_ICON), "touch": ""}  # unreadable: the built-in icon, not a broken page
        cache.set(key, found, CACHE_SECONDS)
    return found

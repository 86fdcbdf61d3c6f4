"""The site's icons (favicon, touch icon) drawn from the emblem in the identity settings.

A department that uploads its emblem gets it in the browser tab, in bookmarks and on a phone's
home screen, without making icon files; a site with no emblem yet shows a neutral built-in
icon. The renditions are square PNGs made by Wagtail (`fill-…|format-png`)."""

from __future__ import annotations

from django.templatetags.static import static

SIZES = {"icon": "fill-32x32|format-png", "touch": "fill-180x180|format-png"}
DEFAULT_ICON = "core/favicon.svg"


def site_icons(identity) -> dict[str, str]:
    """Addresses of the icon and the touch icon; the built-in icon where there is no emblem (or
    its file cannot be read)."""
    emblem = getattr(identity, "emblem", None)
    if emblem is not None:
        try:
            return {name: emblem.get_rendition(spec).url for name, spec in SIZES.items()}
        except (OSError, ValueError):
            pass  # a missing or unreadable file: the built-in icon rather than a broken page
    return {"icon": static(DEFAULT_ICON), "touch": ""}

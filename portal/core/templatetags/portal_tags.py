"""Site-wide template tags: sidebar widgets registered by other apps, page helpers."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()

SIDEBAR_HOOK = "portal_sidebar_widgets"
FOOTER_HOOK = "portal_footer_widgets"


@register.simple_tag(takes_context=True)
def sidebar_widgets(context):
    """HTML of every widget registered with @hooks.register("portal_sidebar_widgets").

    Each hook is a function (request) -> str of safe HTML or "" to show nothing. This is the
    place reserved for the citizen petition (PAKN) counters, which the feedback app adds.
    """
    request = context.get("request")
    parts = [fn(request) for fn in hooks.get_hooks(SIDEBAR_HOOK)]
    return mark_safe("".join(part for part in parts if part))


@register.simple_tag(takes_context=True)
def footer_widgets(context):
    """HTML of every block registered with @hooks.register("portal_footer_widgets"): functions
    (request, page) -> safe HTML or "", where page is the Wagtail page shown, if any. The visit
    counters (Đang truy cập / Hôm nay / Tháng này / Tổng) come from the visits app this way."""
    request, page = context.get("request"), context.get("page")
    parts = [fn(request, page) for fn in hooks.get_hooks(FOOTER_HOOK)]
    return mark_safe("".join(part for part in parts if part))


@register.simple_tag(takes_context=True)
def this_page_address(context):
    """The absolute address of the page being shown, under BASE_URL (printed at the foot of a
    printed page). Public addresses carry no personal data (forms post it)."""
    from portal.core.links import site_url

    request = context.get("request")
    return site_url(request.get_full_path()) if request else site_url("/")


@register.inclusion_tag("includes/maintenance_notice.html")
def maintenance_notice():
    """The planned interruption announced today, if any (portal.core.maintenance)."""
    from portal.core.maintenance import current_window

    return {"window": current_window()}


@register.inclusion_tag("includes/site_icons.html", takes_context=True)
def site_icon_links(context):
    """<link> tags of the favicon and the touch icon drawn from the emblem (portal.core.icons)."""
    from portal.core.icons import site_icons
    from portal.core.models import SiteIdentity

    request = context.get("request")
    return {"icons": site_icons(SiteIdentity.for_request(request)) if request else {}}


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def ld_json(value):
    """A schema.org JSON-LD block; <, > and & are escaped so the data cannot close the script."""
    import json

    data = json.dumps(value, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{data}</script>')


@lru_cache(maxsize=8)
def _script_text(name: str) -> str:
    text = open(finders.find(name), encoding="utf-8").read()  # noqa: SIM115 - read once, cached
    if "</" in text:
        raise ValueError(f"{name} cannot be inlined: it contains '</'")
    return text


@register.simple_tag
def inline_script(name: str):
    """<script> with the static file's text, for the few lines that must run before the page
    is drawn without a request; allowed by the CSP through its hash (settings.INLINE_SCRIPTS),
    so only files listed there can be inlined."""
    if name not in settings.INLINE_SCRIPTS:
        raise ValueError(f"{name} is not in settings.INLINE_SCRIPTS (the CSP would block it)")
    return mark_safe(f"<script>{_script_text(name)}</script>")  # noqa: S308 - our own static file

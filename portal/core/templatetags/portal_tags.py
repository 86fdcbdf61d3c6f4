"""Site-wide template tags: sidebar widgets registered by other apps, page helpers."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()

SIDEBAR_HOOK = "portal_sidebar_widgets"


@register.simple_tag(takes_context=True)
def sidebar_widgets(context):
    """HTML of every widget registered with @hooks.register("portal_sidebar_widgets").

    Each hook is a function (request) -> str of safe HTML or "" to show nothing. This is the
    place reserved for the citizen petition (PAKN) counters, which the feedback app adds.
    """
    request = context.get("request")
    parts = [fn(request) for fn in hooks.get_hooks(SIDEBAR_HOOK)]
    return mark_safe("".join(part for part in parts if part))


@register.simple_tag
def page_title_parts(*parts):
    return format_html_join(" – ", "{}", ((p,) for p in parts if p))

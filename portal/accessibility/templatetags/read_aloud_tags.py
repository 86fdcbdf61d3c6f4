"""The "Đọc bài viết" player of an article page (shown only when read-aloud is on)."""

from django import template

from ..models import ReadAloudSettings

register = template.Library()


@register.inclusion_tag("accessibility/read_aloud_player.html", takes_context=True)
def read_aloud_player(context, page):
    request = context.get("request")
    # for_request keeps the setting on the request: no extra query when other parts ask too.
    choice = ReadAloudSettings.for_request(request) if request is not None else None
    return {"page": page, "enabled": choice.enabled if choice else True}

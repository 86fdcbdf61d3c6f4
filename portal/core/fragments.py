"""Small widgets drawn from a few plain values (the sidebar's petition counters, the footer's
visit counters and satisfaction question): the same values give the same HTML, so each process
keeps the last few hundred it drew instead of drawing them on every page (~1 ms of an uncached
page's ~10; docs/benchmarks.md).

Only for templates that read nothing but the values given and the active language: not the
request, the time, the user or the database. The values are str, int, bool, None, or dicts of
those. With DEBUG on (the development server, where templates change on disk) nothing is kept.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

PLAIN = (str, int, bool, type(None))


def render_plain(template_name: str, **values) -> str:
    """render_to_string(template_name, values), remembered for these values and language."""
    if settings.DEBUG:
        return render_to_string(template_name, values)
    key = tuple(sorted((name, _frozen(value)) for name, value in values.items()))
    return _render(template_name, translation.get_language(), key)


def _frozen(value):
    if isinstance(value, dict):
        items = tuple(sorted(value.items()))
        if all(isinstance(v, PLAIN) for _k, v in items):
            return ("dict", items)
    elif isinstance(value, PLAIN):
        return ("plain", value)
    raise TypeError(f"render_plain takes plain values only, not {type(value).__name__}")


@lru_cache(maxsize=512)
def _render(template_name: str, language: str | None, key: tuple) -> str:
    context = {name: dict(value) if kind == "dict" else value for name, (kind, value) in key}
    with translation.override(language):
        return render_to_string(template_name, context)


def forget() -> None:
    """Drop what was kept (tests that change templates or settings)."""
    _render.cache_clear()


FRAGMENT_SECONDS = 600  # a bound only: the "pages" cache is emptied by every change of content


def fragment_seconds(request) -> int:
    """How long a page's own `{% cache %}` fragments are kept: never for a preview (a draft's
    fields, or an unsaved page's, must not be kept nor become the public copy)."""
    return 0 if getattr(request, "is_preview", False) else FRAGMENT_SECONDS

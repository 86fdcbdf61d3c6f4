"""Trợ giúp → Hướng dẫn biên tập: the editors' guide in Vietnamese, docs/editors-guide.md shown
in the admin (Markdown through markdown-it-py, then nh3: the page shows what the file says and
nothing it could smuggle in)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import nh3
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

GUIDE = Path(settings.BASE_DIR) / "docs" / "editors-guide.md"


@lru_cache(maxsize=1)
def _guide_html(mtime: float) -> str:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": False}).enable("table").render(GUIDE.read_text(encoding="utf-8"))
    return nh3.clean(html)


def editors_guide(request):
    html = _guide_html(GUIDE.stat().st_mtime) if GUIDE.exists() else ""
    return TemplateResponse(request, "core/admin/editors_guide.html", {"guide": mark_safe(html)})

"""Charts drawn on the server as SVG, with nothing loaded from elsewhere and no script: a
horizontal bar chart with its <title> and <desc> (read by screen readers through
role="img" and aria-labelledby), colours from currentColor so it follows the high-contrast mode
and prints in black, and the numbers written beside the bars. The data table always goes beside
the chart in the page: the chart is a picture of the table, never the only copy."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from . import formats

ROW_HEIGHT = 26
LABEL_WIDTH = 190
BAR_WIDTH = 330
VALUE_WIDTH = 120


def bar_chart(*, key: str, title: str, description: str, labels: Sequence[str], values: Sequence[float]) -> SafeString:
    """An SVG bar chart of `values` (not negative), one row per label. `key` makes the ids of
    its title and description unique in the page."""
    top = max([*values, 0]) or 1
    height = ROW_HEIGHT * len(labels) + 8
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    rows = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 4 + index * ROW_HEIGHT
        length = round(BAR_WIDTH * value / top, 1)
        rows.append(
            (
                LABEL_WIDTH - 8, y + 17, str(label)[:34],
                LABEL_WIDTH, y + 4, length,
                LABEL_WIDTH + length + 6, y + 17, formats.number(value),
            )
        )  # fmt: skip
    body = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end">{}</text>'
        '<rect class="chart-bar" x="{}" y="{}" width="{}" height="18"></rect>'
        '<text x="{}" y="{}">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-labelledby="{k}-title {k}-desc" font-size="13" fill="currentColor">'
        '<title id="{k}-title">{t}</title><desc id="{k}-desc">{d}</desc>{body}</svg>',
        w=width,
        h=height,
        k=key,
        t=title,
        d=description,
        body=body,
    )

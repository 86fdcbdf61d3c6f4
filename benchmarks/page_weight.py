"""The weight of a page as a phone on a slow line receives it (issue 17): the HTML and every
stylesheet and script it loads for the screen, each gzip-compressed (level 6, as nginx's
`gzip_comp_level` 5–6 and whitenoise's .gz files give), with what slows the first paint:
scripts in <head> that wait for a request, images without width/height (the page jumps),
images below the first one without loading="lazy", and whether the featured image offers
responsive sizes (srcset). Used by `make bench` (benchmarks/run.py) and by the budget test
(benchmarks/test_page_weight.py). Budget: 60 KB compressed."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass, field

BUDGET_BYTES = 60 * 1024


@dataclass
class Weight:
    html: int
    css: dict[str, int] = field(default_factory=dict)
    js: dict[str, int] = field(default_factory=dict)
    blocking_scripts: list[str] = field(default_factory=list)
    images_without_size: list[str] = field(default_factory=list)
    eager_images_below: list[str] = field(default_factory=list)
    featured_srcset: bool = False

    @property
    def total(self) -> int:
        return self.html + sum(self.css.values()) + sum(self.js.values())


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _attr(tag: str, name: str) -> str | None:
    found = re.search(rf'\b{name}="([^"]*)"', tag)
    return found.group(1) if found else None


def measure(html: str, read_static: Callable[[str], bytes], *, featured_class: str = "article-figure") -> Weight:
    """`read_static(url)` gives the bytes of a /static/ address the page names."""
    weight = Weight(html=compressed(html.encode()))
    head = html.split("</head>", 1)[0]
    for tag in re.findall(r"<link\b[^>]*>", html):
        if _attr(tag, "rel") == "stylesheet" and _attr(tag, "media") in (None, "all", "screen"):
            weight.css[_attr(tag, "href")] = compressed(read_static(_attr(tag, "href")))
    for tag in re.findall(r"<script\b[^>]*>", html):
        src = _attr(tag, "src")
        if src:
            weight.js[src] = compressed(read_static(src))
            if tag in head and " defer" not in tag and " async" not in tag and 'type="module"' not in tag:
                weight.blocking_scripts.append(src)
    images = [tag for tag in re.findall(r"<img\b[^>]*>", html) if "beacon-pixel" not in tag]
    main = html.split('id="main"', 1)[-1]
    content_images = [tag for tag in re.findall(r"<img\b[^>]*>", main) if "beacon-pixel" not in tag]
    for tag in images:
        if not (_attr(tag, "width") and _attr(tag, "height")):
            weight.images_without_size.append(_attr(tag, "src") or "?")
    for tag in content_images[1:]:  # the first picture of the content is what the reader sees first
        if _attr(tag, "loading") != "lazy":
            weight.eager_images_below.append(_attr(tag, "src") or "?")
    featured = re.search(rf'class="{featured_class}">\s*(<img\b[^>]*>)', html)
    weight.featured_srcset = bool(featured and _attr(featured.group(1), "srcset"))
    return weight


def report(label: str, weight: Weight) -> str:
    kb = 1024
    lines = [
        f"{label}: {weight.total / kb:.1f} KB compressed (budget {BUDGET_BYTES / kb:.0f} KB): "
        f"HTML {weight.html / kb:.1f}, CSS {sum(weight.css.values()) / kb:.1f} ({len(weight.css)} files), "
        f"JS {sum(weight.js.values()) / kb:.1f} ({len(weight.js)} files)",
        f"  scripts waiting in <head>: {len(weight.blocking_scripts)}; images without width/height: "
        f"{len(weight.images_without_size)}; eager images below the first: {len(weight.eager_images_below)}; "
        f"featured image srcset: {'yes' if weight.featured_srcset else 'no'}",
    ]
    return "\n".join(lines)

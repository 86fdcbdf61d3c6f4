"""Turn article HTML from an old portal into safe article body blocks.

Two steps. First nh3 (the maintained Rust sanitiser) keeps only an allow-list of tags and
attributes: scripts, styles, event handlers, javascript: URLs and iframes from hosts not in
IFRAME_HOSTS cannot survive it. Then the clean HTML is split into our StreamField blocks:
tables become table blocks, block quotes quote blocks, allow-listed iframes external-video
blocks, local images image blocks; the rest is grouped into rich-text paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from typing import Any

import nh3

from .blocks import iframe_host_allowed

ALLOWED_TAGS = {
    "p",
    "br",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ul",
    "ol",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "img",
    "iframe",
    "figure",
    "figcaption",
    "sup",
    "sub",
    "hr",
    "div",
    "span",
    "section",
    "article",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "iframe": {"src", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}
# Tags that only wrap others: their children are handled as if they stood at the top.
TRANSPARENT = {"div", "section", "article", "span", "tbody", "thead", "tfoot"}
INLINE = {"b", "strong", "i", "em", "u", "a", "sup", "sub", "br", "span"}
HEADING_MAP = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
VOID = {"br", "hr", "img"}


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if tag == "iframe" and attribute == "src" and not iframe_host_allowed(value):
        return None
    return value


def sanitize(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        attribute_filter=_filter_attribute,
        link_rel=None,
        strip_comments=True,
    )


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        out = []
        for child in self.children:
            if isinstance(child, str):
                out.append(child)
            elif child.tag == "br":
                out.append("\n")
            else:
                out.append(child.text())
        return "".join(out)

    def find_all(self, tag: str) -> list[Node]:
        found = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    found.append(child)
                found.extend(child.find_all(tag))
        return found


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def to_html(node: Node | str) -> str:
    if isinstance(node, str):
        return escape(node, quote=False)
    tag = HEADING_MAP.get(node.tag, node.tag)
    if tag in ("span", "u", "div", "section", "article", "figure", "figcaption", "caption"):
        return "".join(to_html(c) for c in node.children)
    if tag == "strong":
        tag = "b"
    elif tag == "em":
        tag = "i"
    if tag in ("img", "iframe"):
        return ""
    attrs = "".join(f' {k}="{escape(v)}"' for k, v in node.attrs.items() if k in ALLOWED_ATTRIBUTES.get(tag, ()))
    if tag in VOID:
        return f"<{tag}{attrs}/>" if tag != "hr" else "<hr/>"
    inner = "".join(to_html(c) for c in node.children)
    return f"<{tag}{attrs}>{inner}</{tag}>"


ImageResolver = Callable[[str, str], Any]


@dataclass
class Conversion:
    blocks: list[tuple[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def first_text(self) -> str:
        for block_type, value in self.blocks:
            if block_type == "paragraph":
                return parse(value).text().strip()
        return ""


class _Converter:
    def __init__(self, resolve_image: ImageResolver | None, default_alt: str) -> None:
        self.resolve_image = resolve_image
        self.default_alt = default_alt
        self.result = Conversion()
        self.inline_buffer: list[str] = []
        self.paragraph_buffer: list[str] = []

    # -- output helpers -------------------------------------------------------------
    def flush_inline(self) -> None:
        html = "".join(self.inline_buffer).strip()
        self.inline_buffer = []
        if html and parse(html).text().strip():
            self.paragraph_buffer.append(f"<p>{html}</p>")

    def flush_paragraphs(self) -> None:
        self.flush_inline()
        if self.paragraph_buffer:
            self.result.blocks.append(("paragraph", "".join(self.paragraph_buffer)))
            self.paragraph_buffer = []

    def emit(self, block_type: str, value: Any) -> None:
        self.flush_paragraphs()
        self.result.blocks.append((block_type, value))

    # -- walking --------------------------------------------------------------------
    def walk(self, nodes: list[Node | str]) -> None:
        for node in nodes:
            if isinstance(node, str):
                if node.strip() or self.inline_buffer:
                    self.inline_buffer.append(escape(node, quote=False))
                continue
            tag = node.tag
            if tag in INLINE and tag != "span" and not node.find_all("img") and not node.find_all("iframe"):
                self.inline_buffer.append(to_html(node))
            elif tag in TRANSPARENT or tag == "span":
                self.walk(node.children)
            elif tag == "table":
                self.table(node)
            elif tag == "blockquote":
                text = node.text().strip()
                if text:
                    self.emit("quote", {"text": text, "attribution": ""})
            elif tag == "iframe":
                self.iframe(node)
            elif tag == "img":
                self.image(node, caption="")
            elif tag == "figure":
                self.figure(node)
            elif tag in ("p", "li") and (node.find_all("img") or node.find_all("iframe")):
                # A paragraph that carries an image: text first, then the image on its own.
                self.flush_inline()
                self.walk(node.children)
                self.flush_inline()
            elif tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "hr"):
                self.flush_inline()
                html = to_html(node)
                if tag == "hr" or parse(html).text().strip():
                    self.paragraph_buffer.append(html)
            elif tag == "caption" or tag == "figcaption":
                self.inline_buffer.append(to_html(node))
            else:
                self.walk(node.children)
        # leave buffers for the caller to flush

    def table(self, node: Node) -> None:
        rows = []
        header = False
        for index, tr in enumerate(node.find_all("tr")):
            cells = [c for c in tr.children if isinstance(c, Node) and c.tag in ("td", "th")]
            if index == 0 and cells and all(c.tag == "th" for c in cells):
                header = True
            rows.append([" ".join(c.text().split()) for c in cells])
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        captions = node.find_all("caption")
        self.emit(
            "table",
            {
                "data": rows,
                "first_row_is_table_header": header,
                "first_col_is_header": False,
                "table_caption": " ".join(captions[0].text().split()) if captions else "",
            },
        )

    def iframe(self, node: Node) -> None:
        src = node.attrs.get("src", "")
        if src and iframe_host_allowed(src):
            self.emit("external_video", {"url": src, "title": node.attrs.get("title") or self.default_alt})
        else:
            self.result.warnings.append("iframe")

    def image(self, node: Node, caption: str) -> None:
        src = node.attrs.get("src", "")
        image = self.resolve_image(src, caption) if (self.resolve_image and src) else None
        if image is None:
            self.result.warnings.append(f"image:{src}")
            return
        alt = (node.attrs.get("alt") or caption or node.attrs.get("title") or self.default_alt).strip()
        self.emit("image", {"image": image, "alt_text": alt[:250], "caption": caption[:300]})

    def figure(self, node: Node) -> None:
        captions = node.find_all("figcaption")
        caption = " ".join(captions[0].text().split()) if captions else ""
        images = node.find_all("img")
        for img in images:
            self.image(img, caption=caption)
        if not images and caption:
            self.inline_buffer.append(escape(caption, quote=False))
        for iframe in node.find_all("iframe"):
            self.iframe(iframe)


def html_to_blocks(html: str, *, resolve_image: ImageResolver | None = None, default_alt: str = "") -> Conversion:
    """Sanitise legacy HTML and split it into (block_type, value) pairs for ArticleBodyBlock."""
    converter = _Converter(resolve_image, default_alt)
    converter.walk(parse(sanitize(html)).children)
    converter.flush_paragraphs()
    return converter.result

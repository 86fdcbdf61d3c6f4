"""What a page offers to be read aloud, as a narrow interface between content apps and the
read-aloud code: a page type that can be read defines `read_aloud_parts()` returning `Part`s
in reading order, and the speech code knows nothing else about it (no model, no block type)."""

from __future__ import annotations

from dataclasses import dataclass

TITLE, SUMMARY, BODY, CAPTION = "title", "summary", "body", "caption"


@dataclass(frozen=True)
class Part:
    kind: str  # TITLE, SUMMARY, BODY or CAPTION
    text: str  # plain text, or HTML when `html` (paragraphs are read one block at a time)
    html: bool = False
    announce: str = ""  # said before it: "Ảnh: ", "Bảng: "


def is_readable(page) -> bool:
    return callable(getattr(page, "read_aloud_parts", None))

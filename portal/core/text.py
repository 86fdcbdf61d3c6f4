"""Text folding for Vietnamese: the same key for "Đà Nẵng", "da nang" and "DA NANG".

Unicode NFD separates most Vietnamese marks into combining characters, but "đ"/"Đ" are
letters of their own (U+0111/U+0110) with no decomposition, so they are mapped explicitly.
"""

import html as html_lib
import re
import unicodedata

from django.utils.html import strip_tags

_SPACES = re.compile(r"\s+")


def _combining_marks() -> re.Pattern:
    """Every combining character of the Basic Multilingual Plane, as one character class (the
    regular expression engine looks a character up in a bitmap, where a loop in Python over
    unicodedata.combining cost three times as much for a Vietnamese summary)."""
    ranges: list[list[int]] = []
    for code in range(0x10000):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile("[" + "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges) + "]+")


_COMBINING = _combining_marks()


def fold(text: str) -> str:
    """Lowercase, drop diacritics, map đ→d and collapse whitespace."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "d"))
    stripped = _COMBINING.sub("", decomposed)
    if not stripped.isascii() and max(stripped) > "\uffff":  # marks beyond the BMP: rare
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return " ".join(stripped.split()).lower()


_AMPERSAND = re.compile(r"(?<=\w)&(?=\w)")


def fold_for_search(text: str) -> str:
    """fold() with abbreviations written with "&" joined ("KH&CN" → "khcn"): the form both the
    search index and the query use, so "KH&CN" and "khcn" find each other."""
    return _AMPERSAND.sub("", fold(text))


def slugify_vi(text: str, max_length: int = 80) -> str:
    """A URL slug from Vietnamese text: "Tin hoạt động" → "tin-hoat-dong"."""
    folded = fold(text)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return slug[:max_length].rstrip("-") or "muc"


class _FoldedCharacters(dict):
    """str.translate's table for fold_aligned: a code point → its folded character, worked out
    on first use and kept for the first MAX_KEPT characters seen (a text of every character
    there is cannot grow it without end). translate folds a 5,400-character text in 175 µs,
    a Python loop over its characters took 394 µs (an uncached search page folds ~6,000)."""

    MAX_KEPT = 8192

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = fold(ch)[:1] or ch  # whitespace folds to "" and is kept as is
        if len(self) < self.MAX_KEPT:
            self[code] = folded
        return folded


_FOLDED_CHARACTERS = _FoldedCharacters()


def fold_aligned(text: str) -> str:
    """Like fold() but keeps one output character per input character (no whitespace
    collapsing), so a match found in the folded text has the same position in the original."""
    return text.translate(_FOLDED_CHARACTERS)


# Tags that end a line of text when a page is drawn: their text must not run into the next.
_BLOCK_TAGS = re.compile(
    r"<\s*/?\s*(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|figure|figcaption|hr)\b[^>]*>",
    re.IGNORECASE,
)


def html_text(html: str) -> str:
    """Plain text of an HTML fragment with blocks kept apart: "<p>sáng tạo.</p><p>Tài liệu</p>"
    gives "sáng tạo. Tài liệu", not "sáng tạo.Tài liệu" (as strip_tags alone would)."""
    if not html:
        return ""
    spaced = _BLOCK_TAGS.sub(" ", str(html))
    return _SPACES.sub(" ", html_lib.unescape(strip_tags(spaced))).strip()

"""What "Đọc bài viết" reads: the title, the summary and the body of an article, as sentences.

Each sentence keeps the text as shown on the page (the player finds it there to highlight it)
and the text to speak (normalised; image captions announced as "Ảnh: …").
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass

from bs4 import BeautifulSoup

from portal.core.readable import Part

from .normalize import Normalizer

# A full stop after these is not the end of a sentence.
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:TP|Tp|TS|ThS|Ths|PGS|GS|KS|BS|CN|Th\.S|v\.v|Q|P|St|tr|Đ/c|đ/c|ông|bà|Mr|Mrs|Dr|No|[A-ZĐ]))\.$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])([\"”’)\]]*)\s+(?=[\"“‘(\[]?[\w])")
BLOCK_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dd", "dt", "figcaption")


@dataclass(frozen=True)
class Sentence:
    text: str  # as shown
    spoken: str  # as read
    kind: str = "body"  # title, summary, body, caption


def split_sentences(text: str) -> list[str]:
    """Sentences of one paragraph. Breaks after . ! ? … followed by a space and a new word,
    except after abbreviations and initials ("TP. Hà Nội", "PGS. Nguyễn", "Nguyễn Văn A. và")."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return []
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.end(1)].rstrip()
        last_word = candidate.rsplit(" ", 1)[-1]
        if _NO_BREAK_AFTER.search(last_word) or re.fullmatch(r"\d+\.", candidate):
            continue
        sentences.append(candidate)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _html_blocks(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    blocks = []
    for element in soup.find_all(BLOCK_TAGS):
        if element.find_parent(BLOCK_TAGS):
            continue  # its text is read with the outer block
        text = element.get_text(" ", strip=True)
        text = re.sub(r"\s+([,.;:!?])", r"\1", text)
        if text:
            blocks.append(text)
    if not blocks:
        text = soup.get_text(" ", strip=True)
        if text:
            blocks.append(text)
    return blocks


def page_script(parts: list[Part], normalizer: Normalizer) -> list[Sentence]:
    """The sentences of a page's readable parts (portal.core.readable) in reading order."""
    out: list[Sentence] = []

    def add(text: str, kind: str, prefix: str = "") -> None:
        for sentence in split_sentences(text):
            spoken = normalizer(sentence)
            if spoken:
                out.append(Sentence(sentence, (prefix + spoken) if prefix else spoken, kind))
            prefix = ""

    for part in parts:
        if part.html:
            for text in _html_blocks(part.text):
                add(text, part.kind)
        else:
            add(part.text, part.kind, part.announce)
    return out


def article_script(page, normalizer: Normalizer) -> list[Sentence]:
    """The sentences of any readable page (one with read_aloud_parts())."""
    return page_script(page.read_aloud_parts(), normalizer)


def script_hash(sentences: list[Sentence], engine_label: str, speed: int) -> str:
    payload = json.dumps([[s.spoken, s.kind] for s in sentences] + [engine_label, speed], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def script_json(sentences: list[Sentence]) -> list[dict]:
    return [asdict(s) for s in sentences]

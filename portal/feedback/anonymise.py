"""Removing personal data from a petition before its question and answer are published in
Hỏi đáp (Nghị định 356/2025/NĐ-CP, Điều 3: name, address, phone and identity numbers are basic
personal data; publishing them needs the person's consent — Luật Bảo vệ dữ liệu cá nhân
91/2025/QH15, Điều 9 —, which the form does not ask for)."""

from __future__ import annotations

import re

_PHONE_IN_TEXT = re.compile(r"(?:\+84|\b0)(?:[\s.\-]?\d){8,10}\b")
_EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_ID_IN_TEXT = re.compile(r"\b\d{9}(?:\d{3})?\b")  # CMND (9) / CCCD (12) numbers


# Other people's names in a petition ("hàng xóm là ông Trần Văn Bình"): a run of capitalised
# words that starts with a common family name, or follows a kinship word. Not after a word
# that makes it a place or an institution ("đường Lê Lợi", "Trường Nguyễn Du").
_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đào trương lâm mai "
    "trịnh cao lưu tạ tô hà chu thái quách kiều lương mạc triệu vương đoàn tăng doãn khổng lại".split()
)
_KINSHIP = frozenset("ông bà anh chị em cô chú bác cháu cụ dì cậu mợ thím".split())
_PLACE_BEFORE = frozenset(
    "đường phố phường xã quận huyện tỉnh thành thị trấn thôn làng xóm ấp bản ngõ ngách hẻm kiệt "
    "cầu chợ sông núi đảo trường viện đền chùa nhà công ty tổ hội giải".split()
)
_ORG_FIRST = frozenset(
    "sở ủy ban phòng trung tâm chi cục công ty hội nhà trường viện bệnh cục bộ tổng đoàn hợp "
    "quỹ tỉnh huyện xã thành phố quận phường văn giám chủ phó trưởng".split()
)
_KEEP_NAMES = frozenset({"hồ chí minh"})
_TOKEN = re.compile(r"[^\W\d_]+")


def _other_names(text: str) -> list[tuple[int, int]]:
    """Spans of likely personal names in `text` (see the sets above)."""
    tokens = list(_TOKEN.finditer(text))
    spans, i = [], 0
    while i < len(tokens):
        j = i
        # A run: capitalised words (not all-capital abbreviations) one space apart.
        while (
            j < len(tokens)
            and tokens[j].group()[0].isupper()
            and not (tokens[j].group().isupper() and len(tokens[j].group()) > 1)
            and (j == i or text[tokens[j - 1].end() : tokens[j].start()] == " ")
        ):
            j += 1
        if j == i:
            i += 1
            continue
        words = [t.group().lower() for t in tokens[i:j]]
        before = (
            tokens[i - 1].group().lower() if i and text[tokens[i - 1].end() : tokens[i].start()].strip() == "" else ""
        )
        name = " ".join(words)
        first = i
        if words[0] in _KINSHIP and len(words) >= 2:  # "Anh Tuấn nói…" at the start of a sentence
            before, words, first = words[0], words[1:], i + 1
            name = " ".join(words)
        if before not in _PLACE_BEFORE and words[0] not in _ORG_FIRST and name not in _KEEP_NAMES and len(words) <= 4:
            if (words[0] in _SURNAMES and len(words) >= 2) or before in _KINSHIP:
                spans.append((tokens[first].start(), tokens[j - 1].end()))
        i = j
    return spans


def anonymise(text: str, petition) -> str:
    """The petition's text without its author's name, address, phone, e-mail or identity
    numbers (basic personal data, Nghị định 356/2025/NĐ-CP, Điều 3), nor other people's
    names as far as they can be recognised (see _other_names); the publisher still reads and
    edits the result before it is published."""
    out = text or ""
    for start, end in reversed(_other_names(out)):
        out = out[:start] + "[…]" + out[end:]
    for value in sorted({petition.full_name, petition.address} - {""}, key=len, reverse=True):
        out = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", "[…]", out, flags=re.IGNORECASE)
    given = petition.full_name.split()[-1:]  # "Hoa" of "Nguyễn Thị Hoa", only as a capitalised word
    if given and len(given[0]) >= 2:
        out = re.sub(rf"(?<!\w){re.escape(given[0])}(?!\w)", "[…]", out)
    out = _EMAIL_IN_TEXT.sub("[…]", out)
    out = _PHONE_IN_TEXT.sub("[…]", out)
    return _ID_IN_TEXT.sub("[…]", out)

"""Read-aloud rules: addresses, e-mail and web addresses, phone numbers. Mixed into Normalizer."""

from __future__ import annotations

import re

from .lexicon import PHONE_LABELS, spell
from .numbers import (
    digits_words,
    integer_words,
)


class AddressRules:
    def _addresses(self, text: str) -> str:
        def email(m):
            user, host = m.group(1), m.group(2)
            return f" {self._address_part(user)} a còng {self._address_part(host)} "

        text = re.sub(r"\b([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)\b", email, text)

        def url(m):
            address = re.sub(r"^(?:https?|ftp)://", "", m.group(0), flags=re.I).rstrip("/")
            return " " + self._address_part(address) + " "

        return re.sub(
            r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"“”()]+[^\s<>\"“”().,;:!?]"
            r"|\b[\w-]+(?:\.[\w-]+)*\.(?:gov|com|edu|org|net|info)(?:\.vn)?(?:/[^\s<>\"“”()]*[^\s<>\"“”().,;:!?])?"
            r"|\b[\w-]+(?:\.[\w-]+)*\.vn\b(?:/[^\s<>\"“”()]*[^\s<>\"“”().,;:!?])?",
            url,
            text,
            flags=re.I,
        )

    def _address_part(self, address: str) -> str:
        names = {
            ".": "chấm",
            "/": "gạch chéo",
            "-": "gạch ngang",
            "_": "gạch dưới",
            "@": "a còng",
            ":": "hai chấm",
            "?": "hỏi",
            "=": "bằng",
            "&": "và",
            "#": "thăng",
            "+": "cộng",
            "~": "ngã",
        }
        words = []
        for piece in re.findall(r"\d+|[^\W\d_]+|[^\w\s]|_", address):
            if piece in names:
                words.append(names[piece])
            elif piece.isdigit():
                words.append(integer_words(piece) if len(piece) <= 4 else digits_words(piece))
            elif piece.lower() == "www":
                words.append("vê kép vê kép vê kép")
            elif re.search(r"[aeiouyăâêôơư]", piece.lower()) and len(piece) > 2:
                words.append(piece.lower())
            else:
                words.append(spell(piece))
        return " ".join(words)

    def _phones(self, text: str) -> str:
        """Phone numbers digit by digit: with a label (điện thoại, hotline, …), in the national
        format (0 and 10 or 11 digits), the toll-free and service ranges 1800/1900 (8 or 10
        digits), and the short service numbers after "tổng đài" or "gọi" (1022, 113)."""

        def read(m):
            raw = m.group("number")
            digits = re.sub(r"\D", "", raw)
            plus = raw.lstrip().startswith("+")
            service = digits.startswith(("1800", "1900")) and len(digits) in (8, 10)
            label = (m.group("label") or "").strip().lower()
            short = bool(label) and bool(re.match(r"(tổng đài|hotline|đường dây nóng|đầu số)", label))
            if label.startswith("gọi") and not re.search(r"(số|tổng đài|đường dây nóng)$", label):
                # "gọi 113", "gọi 1022" are service numbers; "kêu gọi 300 doanh nghiệp" is not
                short = bool(re.fullmatch(r"11\d|10\d\d", digits)) or len(digits) >= 8
            elif label.startswith("gọi"):
                short = True
            if short and re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw.strip()):
                return m.group(0)  # "gọi 1.000 lượt" is a quantity
            if label.startswith("gọi") and not short:
                return m.group(0)
            if not (plus or service or label or len(digits) in (10, 11) and digits.startswith("0")):
                return m.group(0)
            if label and len(digits) < (3 if short else 6):
                return m.group(0)
            spoken = ("cộng " if plus else "") + digits_words(digits)
            label = m.group("label") or ""
            label = re.sub(r"(?i)\b(sđt|đt|dđ|tel)\b", lambda w: PHONE_LABELS[w.group(1).lower()], label)
            return label + spoken + m.group("tail")

        label = (
            r"(?P<label>\b(?i:(?:số\s+)?(?:điện thoại|đt|sđt|dđ|di động|tel|fax|hotline|đường dây nóng|"
            r"tổng đài|đầu số|gọi(?:\s+ngay)?(?:\s+(?:đến|tới|vào))?(?:\s+(?:số|tổng đài|đường dây nóng))?)\s*(?:[:.]\s*)?))?"
        )
        return re.sub(
            label + r"(?<![\w.,/])(?P<number>\+?\(?\d{2,4}\)?(?:[ .\-]?\d{1,4}){1,4})(?P<tail>(?![\w/]|[.,]\d))",
            read,
            text,
        )

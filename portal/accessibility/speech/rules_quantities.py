"""Read-aloud rules: numbers with their units, ranges, fractions, leftover digits and symbols. Mixed into Normalizer."""

from __future__ import annotations

import re

from .lexicon import NUMBER_START, PER, UNITS
from .numbers import (
    decimal_words,
    digits_words,
    integer_words,
    number_words,
)

# Amounts of money: "per" after them is said "một" ("500.000 đồng/người" is "năm trăm nghìn
# đồng một người", as a reader says it), not "trên" as after a measure ("tấn/ha").
MONEY = ("đồng", "đ", "VNĐ", "VND", "USD", "EUR", "€", "trđ")


class QuantityRules:
    def _fractions(self, text: str) -> str:
        def read(m):
            if "," in m.group(1):
                return f"{self._number(m.group(1))} trên {integer_words(m.group(2))}"
            top, bottom = int(m.group(1)), int(m.group(2))
            if bottom == 0:
                return m.group(0)
            if top < bottom <= 10:
                return f"{number_words(top)} phần {'tư' if bottom == 4 else number_words(bottom)}"
            return f"{integer_words(m.group(1))} trên {integer_words(m.group(2))}"

        return re.sub(NUMBER_START + r"(\d+(?:,\d+)?)/(\d+)(?![\d/]|[.,]\d)", read, text)

    def _number(self, written: str) -> str:
        if "," in written:
            integer, fraction = written.split(",", 1)
            return decimal_words(integer, fraction)
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", written):
            return integer_words(written)
        if len(written) >= 9:  # undotted long numbers are codes (tax, account, ID numbers)
            return digits_words(written)
        return integer_words(written)

    def _unit_words(self, unit: str | None, per: str | None) -> str:
        if not unit:
            return ""
        words = " " + UNITS[unit]
        if per:
            words += (" một " if unit in MONEY else " trên ") + PER[per]
        return words

    def _per_money(self, text: str) -> str:
        """ "đồng/người/khóa", "USD/tấn", "đ/kWh": each unit after the slash with "một"."""

        def read(m):
            units = [u for u in m.group(2).split("/") if u]
            return m.group(1) + "".join(" một " + PER.get(u) if u in PER else " một " + UNITS.get(u, u) for u in units)

        money = "|".join(re.escape(word) for word in sorted(MONEY, key=len, reverse=True))
        amount = r"((?:\d|\b(?:nghìn|ngàn|triệu|tỷ))\s?(?:" + money + r"))"  # never "đ/c" (đồng chí)
        return re.sub(amount + r"((?:\s?/\s?[^\W\d_]+)+)(?![\w²³])", read, text)

    def _ranges(self, text: str) -> str:
        def read(m):
            first_unit = self._unit_words(m.group(2), None)
            return (
                f"{self._number(m.group(1))}{first_unit} đến {self._number(m.group(3))}"
                f"{self._unit_words(m.group(4), m.group(5))}"
            )

        return self._range.sub(read, text)

    def _quantities(self, text: str) -> str:
        def read(m):
            unit = m.group(3) or ""
            sign = "âm " if m.group(1) == "−" or (m.group(1) == "-" and unit.startswith(("°", "º", "%"))) else ""
            keep = m.group(1) if m.group(1) and not sign else ""
            return f"{keep} {sign}{self._number(m.group(2))}{self._unit_words(m.group(3), m.group(4))} "

        text = re.sub(r"(?<=\d)\s?[x×]\s?(?=\d)", " nhân ", text)
        text = re.sub(r"(?<![\w])\$\s?(" + self._number_re + r")", lambda m: f"{self._number(m.group(1))} đô la", text)
        text = self._per_money(text)
        text = re.sub(
            r"(?<=\w)\s?/\s?(" + self._per + r")(?![\w²³])((?:/[^\W\d_]+)*)",
            lambda m: " trên " + PER[m.group(1)] + "".join(" trên " + w for w in m.group(2).split("/") if w),
            text,
        )
        return self._quantity.sub(read, text)

    def _leftover_digits(self, text: str) -> str:
        # Digits inside words and codes (H5N1, 5G, COVID-19, 4.0): each run in words.
        def read(m):
            written = m.group(0)
            if "." in written:
                return " " + " chấm ".join(self._number(p) for p in written.split(".")) + " "
            return " " + self._number(written) + " "

        return re.sub(r"\d+(?:\.\d+)*(?:,\d+)?", read, text)

    def _symbols(self, text: str) -> str:
        text = re.sub(r"[\"“”„«»‹›]", " ", text)
        text = re.sub(r"(?<!\w)['‘’]|['‘’](?!\w)", " ", text)
        text = re.sub(r"\s*[(\[{]\s*", ", ", text)
        text = re.sub(r"\s*[)\]}]", ", ", text)
        replacements = [
            (r"\s*&\s*", " và "),
            (r"\s*≥\s*", " lớn hơn hoặc bằng "),
            (r"\s*≤\s*", " nhỏ hơn hoặc bằng "),
            (r"\s+>\s+", " lớn hơn "),
            (r"\s+<\s+", " nhỏ hơn "),
            (r"\s*=\s*", " bằng "),
            (r"\s*±\s*", " cộng trừ "),
            (r"\s*×\s*", " nhân "),
            (r"(?<=\s)\+(?=\s)", " cộng "),
            (r"(?<!\w)~\s*", " khoảng "),
            (r"[№#]\s*", " số "),
            (r"§\s*", " điều "),
            (r"@", " a còng "),
            (r"…|\.{3,}", "... "),
            (r"\s+[-–—]+\s+|\s*[–—]+\s*", ", "),
            (r"(?<=\w)/(?=\w)", " hoặc "),
            (r"\s*/\s*", " "),
            (r"[*•·■▪►|_]", " "),
            (r"(?<=\w)-|-(?=\w)", " "),
        ]
        for pattern, words in replacements:
            text = re.sub(pattern, words, text)
        return text

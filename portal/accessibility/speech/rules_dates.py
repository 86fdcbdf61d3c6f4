"""Read-aloud rules: dates, times, quarters, months, Roman numerals and ordinals. Mixed into Normalizer."""

from __future__ import annotations

import re

from .lexicon import DATE_TRIGGERS, NUMBER_START
from .numbers import (
    MONTHS,
    number_words,
    ordinal_words,
    rank_words,
    roman_value,
)


class DateRules:
    def _period_ranges(self, text: str) -> str:
        """Months or quarters sharing one year: "tháng 6-8/2025" is "tháng sáu đến tháng tám năm
        hai nghìn không trăm hai mươi lăm", "quý I-II/2026" "quý một đến quý hai năm …"."""

        def months(m):
            first, last = int(m.group(2)), int(m.group(3))
            if not (1 <= first <= 12 and 1 <= last <= 12 and first != last):  # "tháng 12-3": across the new year
                return m.group(0)
            words = f"{m.group(1)} {MONTHS[first]} đến tháng {MONTHS[last]}"
            return words + (f" năm {number_words(int(m.group(4)))}" if m.group(4) else "")

        def quarters(m):
            first, last = (roman_value(q) if not q.isdigit() else int(q) for q in (m.group(2), m.group(3)))
            if not (first and last and 1 <= first < last <= 4):
                return m.group(0)
            words = f"{m.group(1)} {number_words(first)} đến quý {number_words(last)}"
            return words + (f" năm {number_words(int(m.group(4)))}" if m.group(4) else "")

        year = r"(?:\s*/\s*((?:19|20)\d\d))?(?![\w/])"
        text = re.sub(r"(?i:\b(tháng))\s+0?(\d{1,2})\s*[-–]\s*0?(\d{1,2})" + year, months, text)
        return re.sub(r"(?i:\b(quý))\s+([IV]+|\d)\s*[-–]\s*([IV]+|\d)" + year, quarters, text)

    def _quarters(self, text: str) -> str:
        def quarter(m):
            value = roman_value(m.group(2)) if not m.group(2).isdigit() else int(m.group(2))
            if not value or value > 4:
                return m.group(0)
            words = f"{m.group(1)} {number_words(value)}"
            if m.group(3):
                words += f" năm {number_words(int(m.group(3)))}"
            return words

        return re.sub(r"(?i:\b(quý))\s+([IV]+|\d)(?:\s*/\s*((?:19|20)\d\d))?(?![\w/])", quarter, text)

    def _dates(self, text: str) -> str:
        def day_month_year(day, month, year):
            words = f"{number_words(day)} tháng {MONTHS[month]}"
            if year is not None:
                words += f" năm {number_words(year)}"
            return words

        def prefix(before: str) -> str:
            tail = before.rstrip().lower()
            # "ngày 10/4", "sáng 25/3": the day is already announced.
            return "" if re.search(r"(ngày|mùng|mồng|hôm|sáng|trưa|chiều|tối|đêm)$", tail) else "ngày "

        def full(m):
            day, month = int(m.group("d")), int(m.group("m"))
            year = int(m.group("y")) if m.group("y") else None
            first = int(m.group("d0")) if m.group("d0") else None
            if not (1 <= day <= 31 and 1 <= month <= 12) or (first is not None and not 1 <= first <= 31):
                return m.group(0)
            if year is None and (m.group("sep") != "/" or not self._date_context(text, m.start())):
                return m.group(0)
            lead = prefix(text[: m.start()])
            if first is not None:
                return f"{lead}{number_words(first)} đến {day_month_year(day, month, year)}"
            return lead + day_month_year(day, month, year)

        text = re.sub(
            NUMBER_START + r"(?:(?P<d0>\d{1,2})\s*[-–]\s*)?(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})"
            r"(?:(?P=sep)(?P<y>(?:1[89]|2\d)\d\d))?(?![\d/]|[.,]\d)",
            full,
            text,
        )

        def month_year(m):
            month, year = int(m.group("m")), int(m.group("y"))
            if not 1 <= month <= 12:
                return m.group(0)
            lead = "" if re.search(r"tháng\s*$", text[: m.start()], re.I) else "tháng "
            return f"{lead}{MONTHS[month]} năm {number_words(year)}"

        return re.sub(NUMBER_START + r"(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])", month_year, text)

    def _date_context(self, text: str, start: int) -> bool:
        before = text[:start].rstrip().lower()
        if re.search(r"\d{1,2}/\d{1,2}(?:/\d{4})?\s*(?:[-–,;]|và|đến|hoặc)$", before):
            return True  # "30/4 - 1/5", "ngày 2/9 và 3/9"
        return bool(re.search(r"(?:^|\W)(" + "|".join(DATE_TRIGGERS) + r")$", before))

    def _times(self, text: str) -> str:
        def clock(hours: str, minutes: str | None, seconds: str | None = None) -> str | None:
            h = int(hours)
            mi = int(minutes) if minutes else 0
            if h > 24 or mi > 59:
                return None
            words = number_words(h) + " giờ"
            if mi:
                words += " " + number_words(mi) + " phút"
            if seconds and int(seconds):
                words += " " + number_words(int(seconds)) + " giây"
            return words

        one = r"(\d{1,2})(?:\s?[hg]\s?(\d{2})?(?:'|’|p\b|\s?phút)?|:(\d{2})(?::(\d{2}))?)"

        def read(m):
            first = clock(m.group(1), m.group(2) or m.group(3), m.group(4))
            if first is None:
                return m.group(0)
            if m.group(5) is None:
                return first
            second = clock(m.group(5), m.group(6) or m.group(7), m.group(8))
            return m.group(0) if second is None else f"{first} đến {second}"

        return re.sub(NUMBER_START + one + r"(?:\s*[-–]\s*" + one + r")?(?![\w:])", read, text)

    def _romans(self, text: str) -> str:
        def read(m):
            value = roman_value(m.group(2))
            if value is None:
                return m.group(0)
            trigger = m.group(1)
            low = trigger.lower()
            if low.endswith("thứ"):
                spoken = ordinal_words(value)
            elif low in ("hạng", "giải"):
                spoken = rank_words(value)
            else:
                spoken = number_words(value)
            return f"{trigger} {spoken}"

        text = self._roman.sub(read, text)

        # A numeral standing alone (XXI, XIII): only I, V and X, two letters or more, and not
        # an abbreviation of the glossary.
        def alone(m):
            token = m.group(0)
            if token in self.abbreviations:
                return token
            value = roman_value(token)
            return number_words(value) if value else token

        return re.sub(r"(?<![\w&.-])[IVX]{2,}(?![\w&-])", alone, text)

    def _ordinals(self, text: str) -> str:
        def read(m):
            value = int(m.group(2))
            low = m.group(1).lower()
            spoken = ordinal_words(value) if low.endswith("thứ") else rank_words(value)
            return f"{m.group(1)} {spoken}"

        return re.sub(r"(?i:\b(thứ|hạng|giải))\s+0*(\d{1,3})(?![\w/:]|[.,]\d)", read, text)

    def _months(self, text: str) -> str:
        return re.sub(
            r"(?i:\b(tháng))\s+0?(\d{1,2})(?![\w.,/])",
            lambda m: f"{m.group(1)} {MONTHS[int(m.group(2))]}" if 1 <= int(m.group(2)) <= 12 else m.group(0),
            text,
        )

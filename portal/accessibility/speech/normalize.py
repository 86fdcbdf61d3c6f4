"""Written Vietnamese → what a reader says, for speech synthesis.

"Nghị định 224/2026/NĐ-CP ngày 15/04/2026" becomes "Nghị định số hai trăm hai mươi tư năm hai
nghìn không trăm hai mươi sáu của Chính phủ ngày mười lăm tháng tư năm hai nghìn không trăm hai
mươi sáu". The rules run in a fixed order, most specific first (addresses and document symbols
before dates, dates before plain numbers), each turning digits and symbols into words so that
later rules no longer see them.

`Normalizer(abbreviations)` takes the glossary as a mapping; `normalize(text)` uses the
portal's glossary (falling back to the starter list when the database is not there).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from portal.glossary.selectors import glossary_entries, seed_entries

from .numbers import (
    DIGITS,
    MONTHS,
    decimal_words,
    digits_words,
    integer_words,
    number_words,
    ordinal_words,
    rank_words,
    roman_value,
)

UPPER = "A-ZĐÀ-ỸẠ-Ỹ"
LETTER = r"[^\W\d_]"
_N = r"(?<![\w.,/])"  # a number starts here (not inside a word, a decimal or a symbol)

LETTER_NAMES = {
    "a": "a",
    "ă": "á",
    "â": "ớ",
    "b": "bê",
    "c": "xê",
    "d": "dê",
    "đ": "đê",
    "e": "e",
    "ê": "ê",
    "f": "ép",
    "g": "giê",
    "h": "hát",
    "i": "i",
    "j": "gi",
    "k": "ca",
    "l": "lờ",
    "m": "mờ",
    "n": "nờ",
    "o": "o",
    "ô": "ô",
    "ơ": "ơ",
    "p": "pê",
    "q": "quy",
    "r": "rờ",
    "s": "ét",
    "t": "tê",
    "u": "u",
    "ư": "ư",
    "v": "vê",
    "w": "vê kép",
    "x": "ích",
    "y": "i dài",
    "z": "dét",
}

# Document types in symbols such as 224/2026/NĐ-CP and the issuing bodies after them.
DOC_TYPES = {
    "NĐ": "nghị định",
    "QĐ": "quyết định",
    "TT": "thông tư",
    "TTLT": "thông tư liên tịch",
    "NQ": "nghị quyết",
    "NQLT": "nghị quyết liên tịch",
    "CT": "chỉ thị",
    "KH": "kế hoạch",
    "TB": "thông báo",
    "BC": "báo cáo",
    "TTr": "tờ trình",
    "HD": "hướng dẫn",
    "CV": "công văn",
    "CĐ": "công điện",
    "KL": "kết luận",
    "QC": "quy chế",
    "QyĐ": "quy định",
    "QyC": "quy chế",
    "GP": "giấy phép",
    "GCN": "giấy chứng nhận",
    "BB": "biên bản",
    "HĐ": "hợp đồng",
    "CTr": "chương trình",
    "ĐA": "đề án",
    "PL": "pháp lệnh",
    "L": "lệnh",
    "SL": "sắc lệnh",
}
ISSUERS = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "TW": "Trung ương",
    "QCVN": "quy chuẩn kỹ thuật quốc gia",
    "R&D": "nghiên cứu và phát triển",
    "TU": "Tỉnh ủy",
    "CTN": "Chủ tịch nước",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "QH": "Quốc hội",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "SKHCN": "Sở Khoa học và Công nghệ",
    "BTC": "Bộ Tài chính",
    "BNV": "Bộ Nội vụ",
    "BTP": "Bộ Tư pháp",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BLĐTBXH": "Bộ Lao động – Thương binh và Xã hội",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BCT": "Bộ Công Thương",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BNG": "Bộ Ngoại giao",
    "NHNN": "Ngân hàng Nhà nước",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán Nhà nước",
    "SNV": "Sở Nội vụ",
    "STC": "Sở Tài chính",
    "STP": "Sở Tư pháp",
    "SYT": "Sở Y tế",
    "SGDĐT": "Sở Giáo dục và Đào tạo",
    "STNMT": "Sở Tài nguyên và Môi trường",
    "SKHĐT": "Sở Kế hoạch và Đầu tư",
    "SCT": "Sở Công Thương",
    "SXD": "Sở Xây dựng",
    "HĐTĐKT": "Hội đồng Thi đua – Khen thưởng",
    "BTĐKT": "Ban Thi đua – Khen thưởng",
    "BCĐ": "Ban Chỉ đạo",
    "BTCTW": "Ban Tổ chức Trung ương",
    "VP": "Văn phòng",
}
# Said in full when the glossary does not say otherwise.
SPOKEN = {
    "v.v.": "vân vân",
    "v.v": "vân vân",
    "V/v": "về việc",
    "v/v": "về việc",
    "Th.S": "thạc sĩ",
    "TP.": "thành phố",
    "Tp.": "thành phố",
    "TP": "thành phố",
    "BS": "bác sĩ",
    "Đ/c": "đồng chí",
    "đ/c": "đồng chí",
    "Cty": "công ty",
    "SĐT": "số điện thoại",
    "STT": "số thứ tự",
    "CN": "Chủ nhật",
    "TW": "Trung ương",
    "QCVN": "quy chuẩn kỹ thuật quốc gia",
    "R&D": "nghiên cứu và phát triển",
    "TTXVN": "Thông tấn xã Việt Nam",
    "ThS": "thạc sĩ",
    "TS": "tiến sĩ",
    "PGS": "phó giáo sư",
    "GS": "giáo sư",
    "KS": "kỹ sư",
    "TSKH": "tiến sĩ khoa học",
    "USD": "đô la Mỹ",
    "VNĐ": "đồng",
    "VND": "đồng",
    "KH&CN": "khoa học và công nghệ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "PAKN": "phản ánh, kiến nghị",
    "TTHC": "thủ tục hành chính",
    "CSTĐ": "chiến sĩ thi đua",
}
PHONE_LABELS = {"sđt": "số điện thoại", "đt": "điện thoại", "dđ": "di động", "tel": "điện thoại"}
TITLES = ("PGS", "GS", "TSKH", "TS", "ThS", "Ths", "KS", "BS", "CN", "NCS", "KTS", "LS")

UNITS = {
    "km2": "ki lô mét vuông",
    "km²": "ki lô mét vuông",
    "m2": "mét vuông",
    "m²": "mét vuông",
    "cm2": "xăng ti mét vuông",
    "cm²": "xăng ti mét vuông",
    "m3": "mét khối",
    "m³": "mét khối",
    "km": "ki lô mét",
    "cm": "xăng ti mét",
    "mm": "mi li mét",
    "nm": "na nô mét",
    "µm": "mi crô mét",
    "m": "mét",
    "ha": "héc ta",
    "kg": "ki lô gam",
    "mg": "mi li gam",
    "µg": "mi crô gam",
    "g": "gam",
    "ml": "mi li lít",
    "kWh": "ki lô oát giờ",
    "MWh": "mê ga oát giờ",
    "GWh": "gi ga oát giờ",
    "kWp": "ki lô oát đỉnh",
    "MWp": "mê ga oát đỉnh",
    "kW": "ki lô oát",
    "MW": "mê ga oát",
    "GW": "gi ga oát",
    "kV": "ki lô vôn",
    "mA": "mi li am pe",
    "°C": "độ xê",
    "ºC": "độ xê",
    "°F": "độ ép",
    "°": "độ",
    "Hz": "héc",
    "kHz": "ki lô héc",
    "kVA": "ki lô vôn am pe",
    "MVA": "mê ga vôn am pe",
    "MHz": "mê ga héc",
    "GHz": "gi ga héc",
    "KB": "ki lô bai",
    "MB": "mê ga bai",
    "GB": "gi ga bai",
    "TB": "tê ra bai",
    "Mbps": "mê ga bít trên giây",
    "ppm": "phần triệu",
    "dB": "đề xi ben",
    "h": "giờ",
    "ph": "phút",
    "tr": "triệu",
    "trđ": "triệu đồng",
    "tỷ": "tỷ",
    "triệu": "triệu",
    "nghìn": "nghìn",
    "ngàn": "ngàn",
    "%": "phần trăm",
    "‰": "phần nghìn",
    "đ": "đồng",
    "VNĐ": "đồng",
    "VND": "đồng",
    "đồng": "đồng",
    "USD": "đô la Mỹ",
    "EUR": "ơ rô",
    "€": "ơ rô",
}
# Units that may also stand after a slash ("người/km2", "m3/ngày đêm").
PER = {
    "km2": "ki lô mét vuông",
    "km²": "ki lô mét vuông",
    "m2": "mét vuông",
    "ha": "héc ta",
    "h": "giờ",
    "giờ": "giờ",
    "s": "giây",
    "ngày": "ngày",
    "năm": "năm",
    "tháng": "tháng",
    "người": "người",
    "tấn": "tấn",
    "kg": "ki lô gam",
    "km": "ki lô mét",
    "m": "mét",
}

ROMAN_TRIGGERS = (
    "thế kỷ",
    "thế kỉ",
    "khóa",
    "khoá",
    "quý",
    "phần",
    "chương",
    "mục",
    "đại hội",
    "lần thứ",
    "thứ",
    "hạng",
    "loại",
    "giải",
    "kỳ",
    "kì",
    "tập",
    "giai đoạn",
    "cấp",
    "nhóm",
    "vùng",
    "khu vực",
    "phụ lục",
    "đợt",
    "lớp",
    "bậc",
    "tiết",
    "bài",
    "hội nghị trung ương",
    "trung ương",
    "điều",
    "khoản",
)
DATE_TRIGGERS = (
    "ngày",
    "mùng",
    "mồng",
    "hôm",
    "sáng",
    "trưa",
    "chiều",
    "tối",
    "đêm",
    "từ",
    "đến",
    "tới",
    "và",
    "hoặc",
    "trước",
    "sau",
    "qua",
    "nay",
    "hết",
    "cho",
)


def spell(code: str) -> str:
    """Letters one by one with their Vietnamese names, digits in words: "KGVX" → "ca giê vê ích"."""
    out = []
    for run in re.findall(r"\d+|[^\W\d_]", code):
        out.append(integer_words(run) if run.isdigit() else LETTER_NAMES.get(run.lower(), run))
    return " ".join(out)


def is_initialism(short: str, full: str) -> bool:
    """Whether `short` is built from the syllables of `full`, in order, each syllable giving
    nothing or some of its letters starting with its first one: UBND ← Ủy ban nhân dân,
    TTg ← Thủ tướng, KH&CN ← khoa học và công nghệ; not PCI ← chỉ số năng lực cạnh tranh."""
    from portal.core.text import fold

    letters = "".join(c for c in fold(short) if c.isalnum())
    syllables = [w for w in re.split(r"[^a-z0-9]+", fold(full)) if w]
    if not letters or not syllables:
        return False

    @cache
    def match(i: int, j: int) -> bool:
        if i == len(letters):
            return True
        if j == len(syllables):
            return False
        if match(i, j + 1):  # this syllable gives nothing ("và", "của")
            return True
        syllable = syllables[j]
        if syllable[0] != letters[i]:
            return False
        # the first letter, then optionally more letters of the same syllable, in order
        k, pos = i + 1, 1
        if match(k, j + 1):
            return True
        while k < len(letters):
            found = syllable.find(letters[k], pos)
            if found < 0:
                return False
            k, pos = k + 1, found + 1
            if match(k, j + 1):
                return True
        return False

    return match(0, 0)


def _word_pattern(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


class Normalizer:
    """One compiled set of rules for a glossary (abbreviation → full form)."""

    def __init__(self, abbreviations: dict[str, str] | None = None):
        # Glossary entries are said in full only when the abbreviation is made of the full
        # form's syllables (UBND, KH&CN, TTg); acronyms said as words or letters (ISO, ASEAN,
        # GDP, OCOP) stay, as a news reader keeps them. SPOKEN entries always apply unless
        # the glossary redefines them.
        merged = dict(SPOKEN)
        for short, full in (abbreviations or {}).items():
            if short in SPOKEN or is_initialism(short, full):
                merged[short] = full
        self.abbreviations = merged
        self._abbr = re.compile(r"(?<![\w&.])(" + _word_pattern(merged) + r")(?![\w&])") if merged else None
        self._unit = _word_pattern(UNITS)
        self._per = _word_pattern(PER)
        number = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
        self._number_re = number
        self._quantity = re.compile(
            _N + r"([-−–]?)(" + number + r")(?:\s?(" + self._unit + r")(?:/(" + self._per + r"))?)?(?![\w²³]|[.,]\d)"
        )
        self._range = re.compile(
            _N
            + r"("
            + number
            + r")\s?("
            + self._unit
            + r")?\s*[-–—]\s*("
            + number
            + r")(?:\s?("
            + self._unit
            + r")(?:/("
            + self._per
            + r"))?)?(?![\w²³/])"
        )
        roman_triggers = _word_pattern(ROMAN_TRIGGERS)
        self._roman = re.compile(r"(?i:\b(" + roman_triggers + r"))\s+([IVX]+|[IVXL]{2,})\b(?!['’]\w)")

    # -- rules, in order -------------------------------------------------------------------

    def __call__(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
        text = re.sub(r"[\u200b\ufeff]", "", text)
        for rule in (
            self._addresses,
            self._document_symbols,
            self._phones,
            self._quarters,
            self._dates,
            self._times,
            self._romans,
            self._ordinals,
            self._months,
            self._fractions,
            self._ranges,
            self._quantities,
            self._titles,
            self._abbreviations,
            self._leftover_digits,
            self._symbols,
            self._tidy,
        ):
            text = rule(text)
        return text

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

    def _document_symbols(self, text: str) -> str:
        part = r"[A-ZĐ][A-Za-zĐđ&]*\d*"
        pattern = re.compile(
            r"(?P<before>(?i:\b(?P<said>[^\W\d_]+(?:\s[^\W\d_]+)?)\s+)?)(?P<so>(?i:số)\s*)?"
            r"(?P<number>\d+[a-z]?)(?:/(?P<year>(?:19|20)\d\d))?(?P<sep>[/-])(?P<code>"
            + part
            + r"(?:[-–/]"
            + part
            + r")*)(?![\w/])"
        )

        def read(m):
            if m.group("sep") == "-" and (m.group("year") or "/" not in m.group("code")):
                return m.group(0)  # "57-NQ/TW" is a party document; "5-KH" is not a symbol
            code_parts = re.split(r"[-–/]", m.group("code"))
            kind = DOC_TYPES.get(code_parts[0])
            if kind is None and len(code_parts) == 1 and not re.match(r"[A-ZĐ]+\d*$", code_parts[0]):
                return m.group(0)
            issuers = code_parts[1:] if kind else code_parts
            said = (m.group("said") or "").lower()
            words = [m.group("before").rstrip()] if m.group("before") else []
            if kind and not (said.endswith(kind) or said.endswith(kind.split()[-1])):
                words.append(kind)
            number = m.group("number")
            digits, suffix = re.match(r"(\d+)([a-z]?)", number).groups()
            has_so = bool(m.group("so")) or said.endswith("số")
            words.append(("" if has_so else "số ") + integer_words(digits) + (" " + spell(suffix) if suffix else ""))
            if m.group("so"):
                words[-1] = m.group("so").strip() + " " + words[-1]
            if m.group("year"):
                words.append("năm " + number_words(int(m.group("year"))))
            names = [self._issuer(code) for code in issuers]
            following = re.split(r"[.;!?\n]", m.string[m.end() : m.end() + 80])[0]
            if re.search(r"\bcủa\s+[" + UPPER + r"]", following):
                names = []  # "… NĐ-CP ngày … của Chính phủ": the issuer is said once, not twice
            if names:
                joint = code_parts[0] in ("TTLT", "NQLT")
                words.append("của " + (" và ".join(names) if joint else " ".join(names)))
            return " ".join(w for w in words if w) + " "

        return pattern.sub(read, text)

    def _issuer(self, code: str) -> str:
        m = re.match(r"(.*?)(\d+)$", code)
        term = ""
        if m and m.group(1) in ("QH", "UBTVQH"):
            code, term = m.group(1), " khóa " + number_words(int(m.group(2)))
        if code in ISSUERS:
            return ISSUERS[code] + term
        if code in self.abbreviations:
            return self.abbreviations[code] + term
        return spell(code) + term

    def _phones(self, text: str) -> str:
        def read(m):
            raw = m.group("number")
            digits = re.sub(r"\D", "", raw)
            plus = raw.lstrip().startswith("+")
            if not plus and not (m.group("label") or len(digits) in (10, 11) and digits.startswith("0")):
                return m.group(0)
            if m.group("label") and len(digits) < 6:
                return m.group(0)
            spoken = ("cộng " if plus else "") + digits_words(digits)
            label = m.group("label") or ""
            label = re.sub(r"(?i)\b(sđt|đt|dđ|tel)\b", lambda w: PHONE_LABELS[w.group(1).lower()], label)
            return label + spoken + m.group("tail")

        label = r"(?P<label>\b(?i:(?:số\s+)?(?:điện thoại|đt|sđt|dđ|di động|tel|fax|hotline|đường dây nóng)\s*(?:[:.]\s*)?))?"
        return re.sub(
            label + r"(?<![\w.,/])(?P<number>\+?\(?\d{2,4}\)?(?:[ .\-]?\d{1,4}){1,4})(?P<tail>(?![\w/]|[.,]\d))",
            read,
            text,
        )

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
            _N + r"(?:(?P<d0>\d{1,2})\s*[-–]\s*)?(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})"
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

        return re.sub(_N + r"(?P<m>\d{1,2})/(?P<y>(?:19|20)\d\d)(?![\d/])", month_year, text)

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

        return re.sub(_N + one + r"(?:\s*[-–]\s*" + one + r")?(?![\w:])", read, text)

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

    def _months(self, text: str) -> str:
        return re.sub(
            r"(?i:\b(tháng))\s+0?(\d{1,2})(?![\w.,/])",
            lambda m: f"{m.group(1)} {MONTHS[int(m.group(2))]}" if 1 <= int(m.group(2)) <= 12 else m.group(0),
            text,
        )

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

        return re.sub(_N + r"(\d+(?:,\d+)?)/(\d+)(?![\d/]|[.,]\d)", read, text)

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
            words += " trên " + PER[per]
        return words

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
        text = re.sub(
            r"(?<=\w)\s?/\s?(" + self._per + r")(?![\w²³])((?:/[^\W\d_]+)*)",
            lambda m: " trên " + PER[m.group(1)] + "".join(" trên " + w for w in m.group(2).split("/") if w),
            text,
        )
        return self._quantity.sub(read, text)

    def _titles(self, text: str) -> str:
        titles = _word_pattern(TITLES)
        return re.sub(r"(?<![\w.])(" + titles + r")\.(?=\s*(?:" + titles + r"|[" + UPPER + r"]))", r"\1 ", text)

    def _abbreviations(self, text: str) -> str:
        if self._abbr is not None:
            text = self._abbr.sub(lambda m: " " + self.abbreviations[m.group(1)] + " ", text)
        return text

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

    def _tidy(self, text: str) -> str:
        text = re.sub(r"\s+", " ", text)
        text = re.sub(r"\s+([,.;:!?])", r"\1", text)
        text = re.sub(r",(?:\s*,)+", ",", text)
        text = re.sub(r",\s*([.;:!?])", r"\1", text)
        text = re.sub(r"([,;:])(?=\w)", r"\1 ", text)
        text = re.sub(r"^[\s,;:]+", "", text)
        text = re.sub(r"[\s,]+$", "", text)
        return text.strip()


@lru_cache(maxsize=4)
def _normalizer_for(entries: tuple[tuple[str, str], ...]) -> Normalizer:
    return Normalizer(dict(entries))


def portal_normalizer() -> Normalizer:
    """The normaliser for this site's glossary; the starter list when the database is not set
    up (the command works before `migrate`) or the glossary is empty."""
    from django.db import DatabaseError

    try:
        entries = tuple((e.abbreviation, e.full_form) for e in glossary_entries())
    except DatabaseError:
        entries = ()
    if not entries:
        entries = tuple(seed_entries().items())
    return _normalizer_for(entries)


def normalize(text: str) -> str:
    return portal_normalizer()(text)


__all__ = ["DIGITS", "Normalizer", "normalize", "portal_normalizer", "spell"]

"""The read-aloud lexicon: how a Vietnamese news reader says letters, document types and
issuers, abbreviations, units and the words that announce a date or a Roman numeral. Each
entry is listed once: an issuer that is also a common abbreviation (UBND, TW, QCVN…) is in
SPOKEN only, and the document rules fall back to it."""

from __future__ import annotations

import re
from functools import cache

from .numbers import integer_words

UPPER = "A-ZĐÀ-ỸẠ-Ỹ"
LETTER = r"[^\W\d_]"
NUMBER_START = r"(?<![\w.,/])"  # a number starts here (not inside a word, a decimal or a symbol)

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
# Issuers said in full after a document symbol; those that are common abbreviations too
# (UBND, HĐND, TW, QCVN, R&D) are in SPOKEN, which the document rules read next.
ISSUERS = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
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


def word_pattern(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))

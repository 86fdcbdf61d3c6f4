"""Vietnamese number words, the way a northern news reader says them: 21 "hai mươi mốt",
24 "hai mươi tư", 15 "mười lăm", 105 "một trăm linh năm", 2015 "hai nghìn không trăm mười lăm",
1.000.000 "một triệu"."""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu")
MONTHS = {
    1: "một",
    2: "hai",
    3: "ba",
    4: "tư",
    5: "năm",
    6: "sáu",
    7: "bảy",
    8: "tám",
    9: "chín",
    10: "mười",
    11: "mười một",
    12: "mười hai",
}
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _tens_and_units(n: int) -> str:
    """0 < n < 100."""
    tens, units = divmod(n, 10)
    if tens == 0:
        return DIGITS[units]
    if tens == 1:
        head = "mười"
        tail = {0: "", 5: "lăm"}.get(units, DIGITS[units])
    else:
        head = DIGITS[tens] + " mươi"
        tail = {0: "", 1: "mốt", 4: "tư", 5: "lăm"}.get(units, DIGITS[units])
    return f"{head} {tail}".strip()


def _hundreds(n: int, full: bool) -> str:
    """0 <= n < 1000; `full` reads the hundreds even when zero (a group after a larger one:
    1.005 "một nghìn không trăm linh năm")."""
    hundreds, rest = divmod(n, 100)
    words = []
    if hundreds or full:
        words.append(DIGITS[hundreds] + " trăm")
    if rest:
        if words and rest < 10:
            words.append("linh " + DIGITS[rest])
        else:
            words.append(_tens_and_units(rest))
    return " ".join(words)


def number_words(n: int) -> str:
    """Any non-negative integer in words."""
    if n < 0:
        return "âm " + number_words(-n)
    if n == 0:
        return "không"
    if n >= 10**9:
        high, low = divmod(n, 10**9)
        words = number_words(high) + " tỷ"
        if low:
            words += " " + _below_billion(low, full=True)
        return words
    return _below_billion(n, full=False)


def _below_billion(n: int, full: bool) -> str:
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            continue
        leading = index == len(groups) - 1 and not full
        part = _hundreds(group, full=not leading)
        words.append(f"{part} {SCALES[index]}".strip())
    return " ".join(words)


def digits_words(text: str) -> str:
    """Digit by digit: "0210" → "không hai một không"."""
    return " ".join(DIGITS[int(c)] for c in text if c.isdigit())


def integer_words(text: str) -> str:
    """A written integer ("1.500", "02", "2015") in words; leading zeros of a count are not
    said ("02 Huân chương" → "hai")."""
    digits = text.replace(".", "").replace(" ", "")
    return number_words(int(digits))


def decimal_words(integer: str, fraction: str) -> str:
    """ "2,5" → "hai phẩy năm"; "3,14" → "ba phẩy mười bốn"; "0,05" → "không phẩy không năm"."""
    head = integer_words(integer)
    if fraction.startswith("0") or len(fraction) > 3:
        tail = digits_words(fraction)
    else:
        tail = number_words(int(fraction))
    return f"{head} phẩy {tail}"


def roman_value(text: str) -> int | None:
    """The value of a well-formed Roman numeral (I–MMMCMXCIX), else None."""
    if not text or any(c not in ROMAN_VALUES for c in text):
        return None
    total = 0
    for i, c in enumerate(text):
        value = ROMAN_VALUES[c]
        if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    if not 0 < total < 4000 or to_roman(total) != text:
        return None
    return total


def to_roman(n: int) -> str:
    out = []
    for value, symbol in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)


def ordinal_words(n: int) -> str:
    """After "thứ": 1 "nhất", 4 "tư", otherwise the number ("thứ hai", "thứ mười")."""
    return {1: "nhất", 4: "tư"}.get(n, number_words(n))


def rank_words(n: int) -> str:
    """Prize and medal classes: "giải nhất", "hạng nhì", "hạng ba", "giải tư"."""
    return {1: "nhất", 2: "nhì", 4: "tư"}.get(n, number_words(n))

"""Read-aloud rules: symbols of legal documents (224/2026/NĐ-CP) and their issuers. Mixed into Normalizer."""

from __future__ import annotations

import re

from .lexicon import DOC_TYPES, ISSUERS, UPPER, spell
from .numbers import (
    integer_words,
    number_words,
)


class DocumentRules:
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
            # "UBND tỉnh ban hành Quyết định số 15/QĐ-UBND": named earlier in the sentence.
            before = re.split(r"[.;!?\n]", m.string[max(0, m.start() - 200) : m.start()])[-1]
            joint = code_parts[0] in ("TTLT", "NQLT")
            if names and not joint and self._named_in(before, issuers[0], names[0]):
                names = []  # its drafting unit after it (UBND-KGVX) goes unsaid with it
            elif joint:
                names = [
                    name for code, name in zip(issuers, names, strict=False) if not self._named_in(before, code, name)
                ]
            if names:
                words.append("của " + (" và ".join(names) if joint else " ".join(names)))
            return " ".join(w for w in words if w) + " "

        return pattern.sub(read, text)

    def _named_in(self, sentence: str, code: str, name: str) -> bool:
        """Whether the issuer of a symbol is already said in `sentence` (by its abbreviation,
        its full name, or an abbreviation of the glossary that reads as its name)."""
        from portal.core.text import fold

        if not sentence.strip():
            return False
        if re.search(r"(?<![\w&])" + re.escape(code) + r"(?![\w&])", sentence):
            return True
        said = fold(self._abbreviations(sentence))
        return bool(re.search(r"\b" + re.escape(fold(name)) + r"\b", said))

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

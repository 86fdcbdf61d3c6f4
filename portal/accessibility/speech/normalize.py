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
from functools import lru_cache

from portal.glossary.selectors import glossary_entries, seed_entries

from .lexicon import NUMBER_START, PER, ROMAN_TRIGGERS, SPOKEN, TITLES, UNITS, UPPER, is_initialism, spell, word_pattern
from .numbers import (
    DIGITS,
)
from .rules_dates import DateRules
from .rules_documents import DocumentRules
from .rules_places import AddressRules
from .rules_quantities import QuantityRules


class Normalizer(AddressRules, DocumentRules, DateRules, QuantityRules):
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
        self._abbr = re.compile(r"(?<![\w&.])(" + word_pattern(merged) + r")(?![\w&])") if merged else None
        self._unit = word_pattern(UNITS)
        self._per = word_pattern(PER)
        number = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
        self._number_re = number
        self._quantity = re.compile(
            NUMBER_START
            + r"([-−–]?)("
            + number
            + r")(?:\s?("
            + self._unit
            + r")(?:/("
            + self._per
            + r"))?)?(?![\w²³]|[.,]\d)"
        )
        self._range = re.compile(
            NUMBER_START
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
        roman_triggers = word_pattern(ROMAN_TRIGGERS)
        self._roman = re.compile(r"(?i:\b(" + roman_triggers + r"))\s+([IVX]+|[IVXL]{2,})\b(?!['’]\w)")

    # -- rules, in order -------------------------------------------------------------------

    def __call__(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
        text = re.sub(r"[\u200b\ufeff]", "", text)
        for rule in (
            self._addresses,
            self._document_symbols,
            self._phones,
            self._period_ranges,
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

    def _titles(self, text: str) -> str:
        titles = word_pattern(TITLES)
        return re.sub(r"(?<![\w.])(" + titles + r")\.(?=\s*(?:" + titles + r"|[" + UPPER + r"]))", r"\1 ", text)

    def _abbreviations(self, text: str) -> str:
        text = self._joined_abbreviations(text)
        if self._abbr is not None:
            text = self._abbr.sub(lambda m: " " + self.abbreviations[m.group(1)] + " ", text)
        return text

    def _joined_abbreviations(self, text: str) -> str:
        """Glossary entries glued by "&" ("PAKN&TTHC", "KH&CN&ĐMST"): each entry in full, joined
        by "và". Read from the left, the longest entry first (KH&CN before KH)."""

        def read(m):
            parts, spoken, i = m.group(0).split("&"), [], 0
            while i < len(parts):
                for j in range(len(parts), i, -1):
                    entry = "&".join(parts[i:j])
                    if entry in self.abbreviations:
                        spoken.append(self.abbreviations[entry])
                        i = j
                        break
                else:
                    return m.group(0)  # a part the glossary does not know: left as it is
            return " " + " và ".join(spoken) + " " if len(spoken) > 1 else m.group(0)

        return re.sub(r"(?<![\w&.])[^\W\d_]+(?:&[^\W\d_]+){1,}(?![\w&])", read, text)

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

"""Reading a spreadsheet that people fill in by hand, for the imports (glossary, S&T tasks…):
CSV (UTF-8 with or without BOM; comma, semicolon or tab) or XLSX (first sheet), a header row
whose names match ignoring case, diacritics, spaces and punctuation ("Mã số", "ma so", "MÃ_SỐ"),
then one record per row, numbered as a spreadsheet shows them (header = 1). Also the one
summary every import ends with."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .reports import FORMULA_STARTS
from .text import fold

XLSX_MAGIC = b"PK\x03\x04"
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


class TableFileError(Exception):
    """The file as a whole cannot be read; the message is for the person importing."""


class RowInvalid(ValueError):
    """One row cannot be imported; the message (in Vietnamese) says why."""


def cell_text(value) -> str:
    """A cell as the text a person typed: None is empty, a whole number read from XLSX as a
    float loses its ".0", spaces at the ends go, and the quote an export puts before a cell a
    spreadsheet would run as a formula (portal.core.reports.safe_cell) is taken off again."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in FORMULA_STARTS:
        text = text[1:]
    return text


def header_key(name) -> str:
    """ "Mã số" → "maso", "budget_province" → "budgetprovince": the key a header name or a
    label is matched by."""
    return _NOT_ALNUM.sub("", fold(str(name or "")))


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    # (row number, record's key, outcome) of the first rows, for a preview.
    outcomes: list[tuple[int, str, str]] = field(default_factory=list)
    preview_rows = 1000

    def summary(self) -> str:
        return _("Imported %(created)d, updated %(updated)d, unchanged %(unchanged)d, errors %(errors)d.") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": len(self.errors),
        }

    def count(self, outcome: str, *, line: int = 0, key: str = "") -> None:
        """One row that was "created", "updated" or "unchanged"."""
        setattr(self, outcome, getattr(self, outcome) + 1)
        if len(self.outcomes) < self.preview_rows:
            self.outcomes.append((line, key, outcome))


def _csv_records(data: bytes) -> Iterator[list]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise TableFileError(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def _xlsx_records(data: bytes) -> Iterator[list]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # a damaged or disguised file: openpyxl raises many kinds
        raise TableFileError(_("The file is not a readable XLSX workbook.")) from None
    try:
        if not book.worksheets:
            raise TableFileError(_("The file is empty."))
        for row in book.worksheets[0].iter_rows(values_only=True):
            yield list(row)
    finally:
        book.close()


def count_rows(data: bytes, *, filename: str) -> int:
    """How many rows below the header are not blank (what an import would go through); read
    without checking the columns. TableFileError when the file is not readable."""
    records = _xlsx_records(data) if is_xlsx(filename, data) else _csv_records(data)
    next(records, None)
    return sum(1 for values in records if not _blank(values))


def _blank(values: list) -> bool:
    return not any(str(value).strip() for value in values if value is not None)


def is_xlsx(filename: str, data: bytes) -> bool:
    return filename.lower().endswith(".xlsx") or data[:4] == XLSX_MAGIC


def table_rows(
    data: bytes,
    *,
    filename: str,
    columns: dict[str, Sequence[str]],
    required: Sequence[str],
    missing_message: str = "",
) -> Iterator[tuple[int, dict]]:
    """(row number, {column: value}) for every row that is not blank. `columns` maps each
    column to the header names it is known by; a value is a str for CSV, and whatever the
    cell holds (str, int, float, datetime, None) for XLSX. TableFileError when the file is not
    readable or the header lacks a `required` column (`missing_message`, by default the list of
    the required columns)."""
    keys = {header_key(alias): name for name, aliases in columns.items() for alias in (name, *aliases)}
    records = _xlsx_records(data) if is_xlsx(filename, data) else _csv_records(data)
    header = next(records, None)
    if not header or not any(str(cell or "").strip() for cell in header):
        raise TableFileError(_("The file is empty."))
    names = [keys.get(header_key(cell)) for cell in header]
    if any(name not in names for name in required):
        raise TableFileError(
            missing_message
            or _("The first row must name the columns: %(columns)s (or their Vietnamese names).")
            % {"columns": ", ".join(required)}
        )
    for number, values in enumerate(records, start=2):
        if _blank(values):
            continue
        yield number, {name: values[i] if i < len(values) else None for i, name in enumerate(names) if name}

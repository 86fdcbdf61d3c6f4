"""Writes on the abbreviation glossary: CSV import (admin and command share it), CSV export,
first-time seeding."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.core.bulk import bulk_publishing
from portal.core.reports import csv_text
from portal.core.tabular import ImportResult, TableFileError, table_rows

from .models import Abbreviation
from .selectors import SEED_FILE, glossary_changed

logger = logging.getLogger("portal.glossary")

MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
# Header names accepted for each column (English, as exported, or Vietnamese).
COLUMNS = {
    "abbreviation": ["Từ viết tắt"],
    "full_form": ["Nghĩa đầy đủ"],
    "note": ["Ghi chú"],
}
EXPORT_HEADER = ["abbreviation", "full_form", "note"]

GlossaryFileError = TableFileError


def _rows(data: bytes):
    if len(data) > MAX_IMPORT_BYTES:
        raise GlossaryFileError(_("The file is larger than 2 MB."))
    rows = table_rows(
        data,
        filename="glossary.csv",
        columns=COLUMNS,
        required=["abbreviation", "full_form"],
        missing_message=_(
            "The first row must name the columns: abbreviation, full_form, note (or: Từ viết tắt, Nghĩa đầy đủ, Ghi chú)."
        ),
    )
    for number, row in rows:
        yield number, {name: "" if value is None else str(value) for name, value in row.items()}


def glossary_import(data: bytes, *, dry_run: bool = False, user=None) -> ImportResult:
    """Add or update entries by abbreviation. Each line is checked like the admin form checks
    it; a bad line is reported with its number and skipped, the others are imported. With
    dry_run nothing is written. The page cache is cleared once, after the import commits."""
    with bulk_publishing():
        return _glossary_import(data, dry_run=dry_run, user=user)


@transaction.atomic
def _glossary_import(data: bytes, *, dry_run: bool, user) -> ImportResult:
    result = ImportResult()
    existing = {a.abbreviation: a for a in Abbreviation.objects.all()}
    seen: set[str] = set()
    for number, row in _rows(data):
        if number > MAX_IMPORT_ROWS + 1:
            result.errors.append((number, _("Too many lines: at most %(n)d are read.") % {"n": MAX_IMPORT_ROWS}))
            break
        entry = existing.get(" ".join(row.get("abbreviation", "").split())) or Abbreviation()
        before = (entry.abbreviation, entry.full_form, entry.note)
        entry.abbreviation = row.get("abbreviation", "")
        entry.full_form = row.get("full_form", "")
        entry.note = row.get("note", "")
        try:
            entry.full_clean(validate_unique=False)
        except ValidationError as error:
            messages = [f"{msg}" for msgs in error.message_dict.values() for msg in msgs]
            result.errors.append((number, " ".join(messages)))
            continue
        if entry.abbreviation in seen:
            result.errors.append((number, _("%(abbr)s appears twice in the file.") % {"abbr": entry.abbreviation}))
            continue
        seen.add(entry.abbreviation)
        if entry.pk and before == (entry.abbreviation, entry.full_form, entry.note):
            result.count("unchanged", line=number, key=entry.abbreviation)
            continue
        created = entry.pk is None
        if not dry_run:
            entry.save()
            log(entry, "wagtail.create" if created else "wagtail.edit", user=user)
            existing[entry.abbreviation] = entry
        result.count("created" if created else "updated", line=number, key=entry.abbreviation)
    if not dry_run:
        transaction.on_commit(glossary_changed)
        glossary_changed()
    logger.info("glossary import%s: %s", " (dry run)" if dry_run else "", result.summary())
    return result


def glossary_export_csv() -> str:
    """The whole glossary as CSV (UTF-8, the same columns the import reads; the one formula
    guard of portal.core.reports)."""
    rows = Abbreviation.objects.order_by("abbreviation").values_list("abbreviation", "full_form", "note")
    return csv_text(EXPORT_HEADER, rows)


def glossary_seed() -> int:
    """Fill an empty glossary with the starter list shipped with the portal (133 common
    public-administration abbreviations). Never touches a glossary that has entries, so a
    department's edits and deletions stay."""
    if Abbreviation.objects.exists():
        return 0
    return glossary_import(SEED_FILE.read_bytes()).created


# -- Read-aloud recordings ---------------------------------------------------------------------

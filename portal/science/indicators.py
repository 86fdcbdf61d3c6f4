"""The S&T indicators file: `manage.py import_science_indicators`, the admin's import with a
preview, and the export in the same columns (which imports back unchanged).

One value per row: the indicator (its address name or its title, matched ignoring case and
diacritics), the year, the category of its breakdown (empty when there is none), the value and
an optional note. A row naming an indicator that does not exist yet creates it when the row also
gives its unit and source. A row for an existing indicator may repeat its unit; a different unit
is refused (a figure in "người" is not one in "tổ chức"). Values are read as Vietnamese write
them: "1.250" is one thousand two hundred and fifty, "2,5" two and a half."""

from __future__ import annotations

import logging
import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.core import params
from portal.core.bulk import bulk_publishing
from portal.core.reports import csv_text
from portal.core.tabular import ImportResult, RowInvalid, TableFileError, cell_text, header_key, table_rows
from portal.core.text import fold

from .models import Indicator, IndicatorValue

logger = logging.getLogger("portal.science")

COLUMNS = [
    ("indicator", "Chỉ tiêu"),
    ("year", "Năm"),
    ("category", "Phân loại"),
    ("value", "Giá trị"),
    ("unit", "Đơn vị"),
    ("source", "Nguồn"),
    ("note", "Ghi chú"),
]
HEADER = [name for name, _label in COLUMNS]
REQUIRED = ["indicator", "year", "value"]
MAX_VALUE = Decimal("9999999999999999.99")
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:[.,]\d+)?$")


def _text(value) -> str:
    """The cell as typed (portal.core.tabular.cell_text), inner runs of spaces made one."""
    return " ".join(cell_text(value).split())


def parse_value(value) -> Decimal:
    """12, 12.5 (a number cell); "1.250", "1.250,5", "2,5", "2.5", "1 250"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = _text(value).replace(" ", "")
        if _GROUPED.match(text):
            text = text.replace(".", "").replace(",", ".")
        elif _PLAIN.match(text):
            text = text.replace(",", ".")
        else:
            raise RowInvalid(_("Value: “%(value)s” is not a number.") % {"value": _text(value)})
        try:
            number = Decimal(text)
        except InvalidOperation:  # pragma: no cover - the patterns above admit only numbers
            raise RowInvalid(_("Value: “%(value)s” is not a number.") % {"value": _text(value)}) from None
    if number < 0 or number > MAX_VALUE:
        raise RowInvalid(_("Value: the number must be between 0 and 10^16."))
    return number.quantize(Decimal("0.01"))


def parse_year(value) -> int:
    text = _text(value)
    if not text.isascii() or not text.isdigit() or not params.YEARS[0] <= int(text) <= params.YEARS[1]:
        raise RowInvalid(_("Year: “%(value)s” is not a year between 1900 and 2100.") % {"value": text})
    return int(text)


class Indicators:
    """The indicators by every name a row may give them: the address name and the title,
    folded. New ones join as rows create them."""

    def __init__(self):
        self.by_key: dict[str, Indicator] = {}
        for indicator in Indicator.objects.all():
            self.add(indicator)

    def add(self, indicator: Indicator) -> None:
        self.by_key[header_key(indicator.slug)] = indicator
        self.by_key[header_key(indicator.title)] = indicator

    def find(self, name: str) -> Indicator | None:
        return self.by_key.get(header_key(name))


def _new_indicator(name: str, unit: str, source: str, known: Indicators) -> Indicator:
    if not unit or not source:
        raise RowInvalid(
            _("There is no indicator “%(name)s”: to create it, give its unit and its source in this row.")
            % {"name": name}
        )
    base = slugify(fold(name))[:50] or "chi-tieu"
    slug, n = base, 1
    while known.find(slug) is not None or Indicator.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    indicator = Indicator(slug=slug, title=name[:255], unit=unit[:60], source=source[:255])
    try:
        indicator.full_clean()
    except ValidationError as error:
        raise RowInvalid(" ".join(m for ms in error.message_dict.values() for m in ms)) from None
    return indicator


def import_row(raw: dict, known: Indicators, *, user=None, dry_run: bool = False) -> tuple[str, str]:
    """(outcome, key) of one row: "created", "updated" or "unchanged"; RowInvalid otherwise."""
    name = _text(raw.get("indicator"))
    if not name:
        raise RowInvalid(_("Indicator: this column is required."))
    year = parse_year(raw.get("year"))
    value = parse_value(raw.get("value"))
    category = _text(raw.get("category"))[:120]
    note = _text(raw.get("note"))[:255]
    unit, source = _text(raw.get("unit")), _text(raw.get("source"))
    indicator = known.find(name)
    if indicator is None:
        indicator = _new_indicator(name, unit, source, known)
    elif unit and header_key(unit) != header_key(indicator.unit):
        raise RowInvalid(
            _("The indicator “%(name)s” is counted in “%(unit)s”, not in “%(given)s”.")
            % {"name": indicator.title, "unit": indicator.unit, "given": unit}
        )
    key = f"{indicator.slug} · {year}" + (f" · {category}" if category else "")
    existing = (
        IndicatorValue.objects.filter(indicator=indicator, year=year, category=category).first()
        if indicator.pk
        else None
    )
    if existing is not None and existing.value == value and existing.note == note:
        return "unchanged", key
    outcome = "updated" if existing is not None else "created"
    if dry_run:
        if indicator.pk is None:
            known.add(indicator)  # later rows of the same new indicator find it
        return outcome, key
    with transaction.atomic():
        if indicator.pk is None:
            indicator.save()
            known.add(indicator)
            log(indicator, "wagtail.create", user=user)
        if existing is None:
            IndicatorValue.objects.create(indicator=indicator, year=year, category=category, value=value, note=note)
        else:
            existing.value, existing.note = value, note
            existing.save(update_fields=["value", "note"])
        indicator.save(update_fields=["updated_at"])
        log(indicator, "portal.science.indicator_import", user=user, data={"year": year, "category": category})
    return outcome, key


def import_indicators(data: bytes, *, filename: str, user=None, dry_run: bool = False) -> ImportResult:
    """Every row in its own transaction: a bad row is reported with its row number and the
    others land. With dry_run nothing is written (the admin's preview)."""
    rows = table_rows(
        data,
        filename=filename,
        columns={name: [label] for name, label in COLUMNS},
        required=REQUIRED,
    )
    known = Indicators()
    result = ImportResult()
    with bulk_publishing():
        for number, raw in rows:
            try:
                outcome, key = import_row(raw, known, user=user, dry_run=dry_run)
            except RowInvalid as error:
                result.errors.append((number, str(error)))
            else:
                result.count(outcome, line=number, key=key)
    logger.info("science indicators import%s: %s", " (dry run)" if dry_run else "", result.summary())
    return result


def _plain(value: Decimal) -> str:
    """2.50 → "2,5", 1250.00 → "1250": a value as the import reads it back."""
    text = f"{value.normalize():f}" if value != value.to_integral_value() else str(int(value))
    return text.replace(".", ",")


EXPORT_HEADER = [label for _name, label in COLUMNS]


def export_rows():
    """Every value of every indicator in the import's columns."""
    values = IndicatorValue.objects.select_related("indicator").order_by(
        "indicator__order", "indicator__title", "year", "sort_order", "pk"
    )
    for v in values.iterator(chunk_size=2000):
        yield [v.indicator.slug, v.year, v.category, _plain(v.value), v.indicator.unit, v.indicator.source, v.note]


def export_csv() -> str:
    return csv_text(EXPORT_HEADER, export_rows())


__all__ = ["TableFileError", "import_indicators", "export_csv", "export_rows", "EXPORT_HEADER", "HEADER"]

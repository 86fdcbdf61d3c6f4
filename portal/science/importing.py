"""The S&T task file (import and export share its columns): `manage.py import_science_tasks`,
the admin's import with a preview, and the CSV export of the API and the admin, which imports
back unchanged.

A value is read the way people write it in a spreadsheet: labels ignoring case, diacritics and
spacing ("dang thuc hien", "ĐANG THỰC HIỆN", "in_progress"), dates as dd/mm/yyyy or ISO (or a
date cell), amounts as "1.250.000.000", "1250000000", "1,25 tỷ" or "850 triệu"."""

from __future__ import annotations

import datetime as dt
import logging
import re
from decimal import Decimal, InvalidOperation

from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext as _

from portal.core import params
from portal.core.bulk import bulk_publishing
from portal.core.tabular import ImportResult, RowInvalid, TableFileError, cell_text, header_key, table_rows
from portal.core.text import fold

from . import services
from .models import Field, Kind, Level, Rating, Task, TaskStatus

logger = logging.getLogger("portal.science")

# (column, Vietnamese header), in the order of the file.
COLUMNS = [
    ("code", "Mã số"),
    ("title", "Tên nhiệm vụ"),
    ("kind", "Loại"),
    ("level", "Cấp"),
    ("field", "Lĩnh vực"),
    ("host", "Cơ quan chủ trì"),
    ("investigator", "Chủ nhiệm"),
    ("start", "Bắt đầu"),
    ("end", "Kết thúc"),
    ("budget_province", "Kinh phí ngân sách tỉnh"),
    ("budget_other", "Kinh phí khác"),
    ("status", "Trạng thái"),
    ("rating", "Xếp loại"),
    ("accepted_on", "Ngày nghiệm thu"),
    ("summary", "Tóm tắt"),
    ("results", "Kết quả"),
    ("application", "Địa chỉ ứng dụng"),
    ("registration_number", "Số đăng ký kết quả"),
    ("registration_date", "Ngày đăng ký"),
]
HEADER = [name for name, _label in COLUMNS]
REQUIRED = ["code", "title", "kind", "level", "field", "host", "investigator", "start", "end"]
CHOICES: dict[str, type[TextChoices]] = {
    "kind": Kind,
    "level": Level,
    "field": Field,
    "status": TaskStatus,
    "rating": Rating,
}
DATES = ("start", "end", "accepted_on", "registration_date")
AMOUNTS = ("budget_province", "budget_other")
UNITS = {"ty": 10**9, "trieu": 10**6, "nghin": 10**3, "ngan": 10**3, "dong": 1, "d": 1, "vnd": 1}
_AMOUNT = re.compile(r"^(?P<number>\d[\d.,\s]*?)\s*(?P<unit>[a-z]*)$")
_GROUPED = re.compile(r"^\d{1,3}(?:[.,\s]\d{3})+$")
MAX_AMOUNT = 2**63 - 1


def _label_keys(choices: type[TextChoices]) -> dict[str, str]:
    keys = {}
    for value, label in choices.choices:
        keys[header_key(value)] = value
        for language in ("en", "vi"):
            with translation.override(language):
                keys[header_key(str(label))] = value
    return keys


def parse_date(value, column: str) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return params.date_param(cell_text(value))
    except params.BadParameter:
        raise RowInvalid(
            _("%(column)s: “%(value)s” is not a date (dd/mm/yyyy).") % {"column": column, "value": cell_text(value)}
        ) from None


def parse_amount(value, column: str) -> int:
    """VND as a whole number: 1250000000, "1.250.000.000", "1 250 000 000", "1,25 tỷ"."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = " ".join(cell_text(value).split())
        if not text:
            return 0
        match = _AMOUNT.match(fold(text))
        if match is None or match["unit"] not in {"", *UNITS}:
            raise RowInvalid(_("%(column)s: “%(value)s” is not an amount in VND.") % {"column": column, "value": text})
        digits, unit = match["number"].strip(), UNITS.get(match["unit"], 1)
        try:
            if unit == 1 or _GROUPED.match(digits):
                if not (digits.isdigit() or _GROUPED.match(digits)):
                    raise InvalidOperation
                number = Decimal(re.sub(r"[.,\s]", "", digits)) * unit
            else:  # "1,25 tỷ", "1.5 triệu": a decimal fraction of the unit
                number = Decimal(digits.replace(" ", "").replace(",", ".")) * unit
        except InvalidOperation:
            raise RowInvalid(
                _("%(column)s: “%(value)s” is not an amount in VND.") % {"column": column, "value": text}
            ) from None
    if number < 0 or number != number.to_integral_value() or number > MAX_AMOUNT:
        raise RowInvalid(_("%(column)s: the amount must be a whole number of đồng, not negative.") % {"column": column})
    return int(number)


def parse_row(raw: dict, labels: dict[str, dict[str, str]]) -> dict:
    """The values of one row, ready for services.science_task_import_row; RowInvalid with every
    problem of the row when one is not readable."""
    names = dict(COLUMNS)
    values, problems, unreadable = {}, [], set()
    for column in HEADER:
        if column not in raw:
            continue
        value = raw[column]
        try:
            if column in DATES:
                values[column] = parse_date(value, names[column])
            elif column in AMOUNTS:
                values[column] = parse_amount(value, names[column])
            elif column in CHOICES:
                text = cell_text(value)
                if not text:
                    if column in ("kind", "level", "field"):
                        raise RowInvalid(_("%(column)s is missing.") % {"column": names[column]})
                    if column == "status":
                        continue  # a new task is proposed; an existing one keeps its status
                    values[column] = ""
                    continue
                found = labels[column].get(header_key(text))
                if found is None:
                    raise RowInvalid(
                        _("%(column)s: “%(value)s” is not one of the known values.")
                        % {"column": names[column], "value": text}
                    )
                values[column] = found
            else:
                values[column] = cell_text(value) if column != "code" else " ".join(cell_text(value).split())
        except RowInvalid as problem:
            problems.append(str(problem))
            unreadable.add(column)
    if not values.get("code"):
        problems.insert(0, _("The code (Mã số) is missing."))
    for column in ("start", "end"):
        if values.get(column) is None and column not in unreadable:
            problems.append(_("%(column)s is missing.") % {"column": names[column]})
    if problems:
        raise RowInvalid(" ".join(problems))
    return values


def import_tasks(data: bytes, *, filename: str, user=None, dry_run: bool = False) -> ImportResult:
    """Import every row of the file in its own transaction: a bad row is reported with its row
    number and the others land. With dry_run nothing is written (the admin's preview)."""
    rows = table_rows(
        data,
        filename=filename,
        columns={name: [label] for name, label in COLUMNS},
        required=REQUIRED,
    )
    labels = {column: _label_keys(choices) for column, choices in CHOICES.items()}
    result = ImportResult()
    with bulk_publishing():
        for number, raw in rows:
            try:
                values = parse_row(raw, labels)
                outcome = services.science_task_import_row(values, user=user, dry_run=dry_run)
                result.count(outcome, line=number, key=values["code"])
            except (RowInvalid, services.TaskActionError) as error:
                result.errors.append((number, str(error)))
    logger.info("science import%s: %s", " (dry run)" if dry_run else "", result.summary())
    return result


def export_row(task: Task) -> list:
    """One task as a row of the file (the labels in Vietnamese, dates dd/mm/yyyy)."""
    with translation.override("vi"):
        return [
            task.code,
            task.title,
            task.get_kind_display(),
            task.get_level_display(),
            task.get_field_display(),
            task.host.name,
            task.investigator,
            task.start,
            task.end,
            task.budget_province,
            task.budget_other,
            str(task.get_status_display()),
            task.get_rating_display() if task.rating else "",
            task.accepted_on,
            task.summary,
            task.results,
            task.application,
            task.registration_number,
            task.registration_date,
        ]


__all__ = ["TableFileError", "import_tasks", "export_row", "HEADER"]

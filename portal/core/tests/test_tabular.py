"""Counting a table's rows before an import: blank rows skipped, CSV and XLSX alike."""

import io

import pytest
from openpyxl import Workbook

from portal.core.tabular import TableFileError, count_rows


def test_rows_below_the_header_that_are_not_blank():
    data = "\ufeffa;b\n1;2\n;\n\n3;\n".encode()
    assert count_rows(data, filename="t.csv") == 2
    assert count_rows(b"a,b\n", filename="t.csv") == 0


def test_xlsx_rows():
    book = Workbook()
    sheet = book.active
    for row in (["a", "b"], [1, None], [None, None], [None, "x"]):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    assert count_rows(buffer.getvalue(), filename="t.xlsx") == 2


def test_unreadable_files():
    with pytest.raises(TableFileError):
        count_rows(b"\xff\xfe\x00bad", filename="t.csv")
    with pytest.raises(TableFileError):
        count_rows(b"PK\x03\x04 not a workbook", filename="t.xlsx")

"""Vietnamese date formats for everything staff and citizens type and read: dd/mm/yyyy.

Django's own ``vi`` format file sets no input formats, so forms fell back to Django's defaults,
which read "02/12/2026" as 12 February (month first): a date picked as 2 December in Wagtail's
picker (which writes ``WAGTAIL_DATETIME_FORMAT``, %d/%m/%Y) was saved as 12 February. Wagtail
requires its display formats to be among the input formats of the active language; they come
first here. The week starts on Monday (Thứ Hai).
"""

DATE_FORMAT = "d/m/Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
YEAR_MONTH_FORMAT = r"\t\há\n\g n/Y"
MONTH_DAY_FORMAT = "d/m"
FIRST_DAY_OF_WEEK = 1

# Day first, always; ISO (yyyy-mm-dd) is accepted too, as browsers' own date fields send it.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%Hh%M", "%Hh"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%d-%m-%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d",
]

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3

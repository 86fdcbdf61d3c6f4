import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import timezone

from portal.core import formats
from portal.core.text import fold, slugify_vi

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    "value, expected",
    [
        (dt.date(2015, 4, 15), "Thứ Tư, 15/04/2015"),
        (dt.date(2024, 12, 31), "Thứ Ba, 31/12/2024"),
        (dt.date(2026, 11, 22), "Chủ Nhật, 22/11/2026"),
        (dt.date(2026, 11, 21), "Thứ Bảy, 21/11/2026"),
    ],
)
def test_full_date(value, expected):
    assert formats.full_date(value) == expected


def test_full_date_uses_site_time_zone():
    # 20:00 UTC on Tuesday 14 April is already Wednesday 15 April in Việt Nam.
    utc = dt.datetime(2015, 4, 14, 20, 0, tzinfo=dt.UTC)
    assert formats.full_date(utc) == "Thứ Tư, 15/04/2015"


def test_article_date_has_no_leading_zeros():
    assert formats.article_date(dt.datetime(2015, 4, 10, 9, 0, tzinfo=HCM)) == "Ngày 10/4/2015"
    assert formats.article_date(dt.date(2024, 12, 31)) == "Ngày 31/12/2024"


@pytest.mark.parametrize("time, expected", [(dt.time(8, 30), "8h30"), (dt.time(14, 5), "14h05"), (dt.time(9, 0), "9h")])
def test_short_time(time, expected):
    assert formats.short_time(time) == expected


@pytest.mark.parametrize(
    "value, expected", [(1431, "1.431"), (115, "115"), (1234567, "1.234.567"), (2.5, "2,5"), (0, "0"), (None, "")]
)
def test_number(value, expected):
    assert formats.number(value) == expected


def test_template_filters():
    out = Template("{% load vi_format %}{{ d|vi_article_date }} {{ n|vi_number }}").render(
        Context({"d": dt.datetime(2015, 4, 10, 8, 0, tzinfo=HCM), "n": 1431})
    )
    assert out == "Ngày 10/4/2015 1.431"


def test_today_tag_matches_local_date():
    out = Template("{% load vi_format %}{% vi_today %}").render(Context())
    assert out.endswith(timezone.localtime().strftime("%d/%m/%Y"))
    assert out.startswith(("Thứ", "Chủ Nhật"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Đà Nẵng", "da nang"),
        ("HỘI NGHỊ ĐIỂN HÌNH", "hoi nghi dien hinh"),
        ("Khoa học  và\tCông nghệ", "khoa hoc va cong nghe"),
        ("thi đua – khen thưởng", "thi dua – khen thuong"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


def test_fold_is_the_definition_on_any_text():
    """fold() strips marks with one regular expression; it must equal the plain definition
    (NFD, drop every combining character, đ→d, collapse whitespace, lowercase) on any text:
    the grapheme joiner U+034F (not combining, among the marks), marks beyond the BMP, the
    Unicode spaces, dotted İ."""
    import random
    import unicodedata

    def definition(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.translate(str.maketrans({"đ": "d", "Đ": "d"})))
        kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        return " ".join(kept.split()).lower()

    rng = random.Random(17)
    special = [0x20, 0xA0, 0x2003, 0x3000, 0x0A, 0x1E, 0x1F, 0x85, 0x34F, 0x130, 0x110, 0x111, 0x1D165, 0x1E00]
    for _ in range(3000):
        text = "".join(
            chr(
                rng.choice(
                    [rng.randrange(0x20, 0x2FFFF), rng.randrange(0x20, 0x3000), rng.randrange(0x300, 0x370)]
                    + [rng.choice(special)]
                )
            )
            for _ in range(24)
        )
        assert fold(text) == definition(text), repr(text)


def test_slugify_vi():
    assert slugify_vi("Tin hoạt động của Sở KH&CN") == "tin-hoat-dong-cua-so-kh-cn"
    assert slugify_vi("!!!") == "muc"

"""Reading the glossary (selectors.py): the seed file, marking the first occurrence of each
abbreviation, the expansions the site search uses."""

import csv
import io

import pytest

from portal.glossary import services
from portal.glossary.models import Abbreviation
from portal.glossary.selectors import abbreviate_html, search_expansions

from .factories import ENTRIES


def test_seed_file_is_clean(empty_glossary):
    """Every shipped line passes the same checks as the admin form; no duplicates."""
    rows = list(csv.DictReader(io.StringIO(services.SEED_FILE.read_text("utf-8"))))
    result = services.glossary_import(services.SEED_FILE.read_bytes(), dry_run=True)
    assert result.errors == []
    assert result.created == len(rows) >= 80


# --------------------------------------------------------------------------- <abbr> marking
def test_first_occurrence_of_each_abbreviation_is_marked():
    html = "<p>Sở KH&amp;CN và UBND tỉnh.</p><p>UBND tỉnh giao Sở KH&amp;CN.</p>"
    out = abbreviate_html(html, ENTRIES)
    assert out == (
        '<p>Sở <abbr title="khoa học và công nghệ">KH&amp;CN</abbr> và <abbr title="Ủy ban nhân dân">UBND</abbr> tỉnh.</p>'
        "<p>UBND tỉnh giao Sở KH&amp;CN.</p>"
    )


@pytest.mark.parametrize(
    "html, expected",
    [
        # links, code and existing abbreviations are left alone; the next occurrence is marked
        ('<a href="/ubnd">UBND</a> UBND', '<a href="/ubnd">UBND</a> <abbr title="Ủy ban nhân dân">UBND</abbr>'),
        ("<code>UBND</code>", "<code>UBND</code>"),
        ('<abbr title="x">UBND</abbr>', '<abbr title="x">UBND</abbr>'),
        # attributes are never touched
        ('<img alt="UBND tỉnh" src="/a.jpg">', '<img alt="UBND tỉnh" src="/a.jpg">'),
        # case-sensitive, whole words only
        ("ubnd, UBNDX, XUBND", "ubnd, UBNDX, XUBND"),
        # the longer entry wins
        ("Danh hiệu CSTĐCS", 'Danh hiệu <abbr title="chiến sĩ thi đua cơ sở">CSTĐCS</abbr>'),
        # titles are escaped; a symbol inside a longer one is not split
        (
            "Nghị định 13/2023/NĐ-CP và NĐ-CP",
            'Nghị định 13/2023/NĐ-CP và <abbr title="nghị định của &quot;Chính phủ&quot;">NĐ-CP</abbr>',
        ),
        ("&lt;UBND&gt;", '&lt;<abbr title="Ủy ban nhân dân">UBND</abbr>&gt;'),
    ],
)
def test_marking_rules(html, expected):
    assert abbreviate_html(html, ENTRIES) == expected


# --------------------------------------------------------------------------- search
def test_search_follows_the_glossary(home):
    from portal.search.query import parse_query

    assert "dhkh" not in search_expansions()
    Abbreviation.objects.create(abbreviation="ĐHKH", full_form="Đại học Khoa học")
    assert search_expansions()["dhkh"] == (("dai", "hoc", "khoa", "hoc"),)
    groups = parse_query("đại học khoa học Thái Nguyên").groups
    assert [a.words for a in groups[0]] == [["dai", "hoc", "khoa", "hoc"], ["dhkh"]]

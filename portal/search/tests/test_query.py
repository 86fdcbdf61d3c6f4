"""The query language (query.py): quotes, prefixes and abbreviations both ways."""

import pytest

from portal.news.search import search_articles

from .factories import titles


def test_parse_query_groups_quotes_prefixes_and_abbreviations(home):
    """Abbreviations come from the glossary (seeded by portal_setup); KH&CN and KHCN both
    fold to "khcn", so both full forms are searched."""
    from portal.search.query import parse_query

    parsed = parse_query('"Hội nghị" KH&CN nghiê*')
    assert [[a.words for a in g] for g in parsed.groups] == [
        [["hoi", "nghi"]],
        [["khcn"], ["khoa", "hoc", "va", "cong", "nghe"], ["khoa", "hoc", "cong", "nghe"]],
        [["nghie"]],
    ]
    assert parsed.groups[-1][0].prefix is True
    full = parse_query("khoa hoc va cong nghe tinh")
    assert [[a.words for a in g] for g in full.groups] == [
        [["khoa", "hoc", "va", "cong", "nghe"], ["khcn"]],
        [["tinh"]],
    ]
    assert not parse_query("  ?! ")


@pytest.mark.parametrize("query", ["khcn", "KH&CN", "khoa học và công nghệ", "khoa hoc va cong nghe"])
def test_abbreviations_work_both_ways(abbreviations, query):
    found = titles(search_articles(query=query))
    assert abbreviations["long"].title in found and abbreviations["short"].title in found


def test_abbreviation_with_other_words(abbreviations):
    assert titles(search_articles(query="so kh&cn")) == [abbreviations["short"].title]


def test_ubnd_finds_the_full_form(abbreviations):
    assert titles(search_articles(query="UBND tinh")) == [abbreviations["ubnd"].title]


def test_postgresql_phrases_are_written_as_word_pairs():
    """On PostgreSQL a phrase is the AND of its neighbouring word pairs, lexemes the index
    stores (news migration 0004), so the GIN index decides it without reading the vectors."""
    from portal.search.query import Alternative, ParsedQuery, tsquery_literal, word_pairs

    assert word_pairs(["khoa", "hoc", "va"]) == ["khoa hoc", "hoc va"]
    parsed = ParsedQuery(
        groups=[
            [Alternative(["khcn"]), Alternative(["khoa", "hoc", "va", "cong", "nghe"])],
            [Alternative(["2025"])],
            [Alternative(["cong", "nghe"], prefix=True)],
        ],
        phrase=[],
    )
    assert tsquery_literal(parsed) == (
        "('khcn' | ('khoa hoc' & 'hoc va' & 'va cong' & 'cong nghe')) & ('2025') & (('cong' <-> 'nghe':*))"
    )
    # A word the pairs' split (a-z, 0-9) would cut differently: no literal, `<->` instead.
    for odd in ("ab_c", "μm", "quy'"):
        assert tsquery_literal(ParsedQuery(groups=[[Alternative(["don", odd])]], phrase=[])) is None

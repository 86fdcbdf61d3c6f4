""" "Did you mean" (suggest.py)."""

from portal.news.search import search_articles

from .factories import titles


def test_suggestion_corrects_a_typo_and_restores_diacritics(corpus):
    from portal.search.suggest import suggest_query

    assert titles(search_articles(query="hoi nhgi dien hinh")) == []
    assert suggest_query("hoi nhgi dien hinh") == "hội nghị điển hình"
    assert suggest_query("tiet kiem dienn") == "tiết kiệm điện"
    assert suggest_query("hội nghị") is None  # nothing to correct

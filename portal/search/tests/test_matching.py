"""Matching and ranking through the registered sources: case and diacritics ignored, đ = d, exact
diacritics first, syllables together first, date sort, prefixes, phrases, candidate filters, the
index following publishing, the reindex command, external engines, broad queries."""

import pytest

from portal.news.search import search_articles
from portal.news.tests.factories import make_article

from .factories import titles


@pytest.mark.parametrize(
    "query", ["hoi nghi dien hinh", "HỘI NGHỊ ĐIỂN HÌNH", "Hoi Nghi Điển hình", "hội nghị điển hình"]
)
def test_matching_ignores_case_and_diacritics(corpus, query):
    assert corpus["hoi_nghi"].title in titles(search_articles(query=query))


def test_d_and_dstroke_are_the_same_letter(corpus):
    assert corpus["dien"].title in titles(search_articles(query="DIEN"))
    assert corpus["dien"].title in titles(search_articles(query="đIệN"))


def test_exact_diacritics_rank_first(corpus):
    ranked = titles(search_articles(query="điện"))
    assert ranked.index(corpus["dien"].title) < ranked.index(corpus["dien_dan"].title)
    ranked = titles(search_articles(query="diễn"))
    assert ranked.index(corpus["dien_dan"].title) < ranked.index(corpus["dien"].title)


def test_syllables_typed_together_rank_above_scattered_ones(corpus):
    ranked = titles(search_articles(query="dien hinh"))
    assert ranked[0] == corpus["hoi_nghi"].title


def test_sort_by_date(corpus):
    ranked = titles(search_articles(query="dien", sort="date"))
    dates = {a.title: a.date for a in (corpus["dien"], corpus["dien_dan"], corpus["split"])}
    assert [t for t in ranked if t in dates] == sorted(
        (t for t in ranked if t in dates), key=lambda t: dates[t], reverse=True
    )


def test_empty_query_finds_nothing(corpus):
    assert list(search_articles(query="  ")) == []


def test_prefix_query_with_star(corpus):
    assert corpus["hoi_nghi"].title in titles(search_articles(query="hoi ngh*"))
    assert titles(search_articles(query="hoi ngh")) == []


def test_quoted_phrase_needs_adjacent_words(corpus):
    assert titles(search_articles(query='"dien hinh"')) == [corpus["hoi_nghi"].title]
    # Without quotes the scattered syllables still match, after the real phrase.
    ranked = titles(search_articles(query="mo hinh dien"))
    assert corpus["split"].title in ranked


def test_results_respect_candidate_filters(corpus):
    from portal.news.selectors import live_articles

    only_other = live_articles().descendant_of(corpus["other"])
    assert titles(search_articles(query="dien", articles=only_other)) == [corpus["hoi_nghi"].title]


def test_unpublished_article_leaves_results(corpus):
    corpus["dien"].unpublish()
    assert corpus["dien"].title not in titles(search_articles(query="tiet kiem dien"))


def test_public_index_follows_publishing(corpus, category):
    from portal.news.models import ArticleSearchText

    article = corpus["dien"]
    assert ArticleSearchText.objects.get(page_id=article.pk).text.startswith("tiet kiem dien trong co quan")
    # A revision is indexed as published; tags count too.
    page = article.get_latest_revision_as_object()
    page.summary = "Lắp đặt pin năng lượng mặt trời."
    page.tags.add("Điện mặt trời áp mái")
    page.save_revision().publish()
    assert titles(search_articles(query="pin nang luong")) == [article.title]
    assert titles(search_articles(query="ap mai")) == [article.title]
    assert titles(search_articles(query="su dung dien tiet kiem")) == []  # the old summary is gone
    article.refresh_from_db()
    article.unpublish()
    assert not ArticleSearchText.objects.filter(page_id=article.pk).exists()
    corpus["split"].delete()
    assert not ArticleSearchText.objects.filter(page_id=corpus["split"].pk).exists()
    assert titles(search_articles(query="mo hinh tron* che")) == []


def test_reindex_command_and_setup_fill_an_empty_index(corpus):
    from io import StringIO

    from django.core.management import call_command

    from portal.home.setup import portal_setup
    from portal.news.models import ArticleSearchText

    ArticleSearchText.objects.all().delete()
    assert titles(search_articles(query="dien dan")) == []
    portal_setup()  # what `make run` runs on an upgraded database
    assert ArticleSearchText.objects.count() == 4
    assert titles(search_articles(query="dien dan")) == [corpus["dien_dan"].title]
    ArticleSearchText.objects.filter(page_id=corpus["dien_dan"].pk).update(text="hong")
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "4 bài viết" in out.getvalue()
    assert titles(search_articles(query="dien dan")) == [corpus["dien_dan"].title]


def test_synthetic_articles_are_searchable(home, settings):
    from portal.news.synthetic import seed_synthetic

    report = seed_synthetic(articles=30, categories=2, batch_size=7)
    assert report.articles == 30
    results = search_articles(query="so khoa hoc va cong nghe")
    assert results.count() > 0
    page = results[0:5]
    assert all(a.live and a.url for a in page)


def test_engine_path_for_external_backends_gives_the_same_matches(corpus, monkeypatch):
    """With Elasticsearch/OpenSearch configured the engine ranks; simulated here with the
    database backend through Wagtail's own search API."""
    from portal.news import search

    direct = sorted(titles(search_articles(query="dien hinh")))
    monkeypatch.setattr(search, "uses_database_index", lambda: False)
    via_engine = search_articles(query="dien hinh")
    assert isinstance(via_engine.index_query, search.EngineQuery)
    assert sorted(titles(via_engine)) == direct
    assert titles(search_articles(query="dien hinh", sort="date"))[0] == corpus["split"].title


def test_broad_unfiltered_search_ranks_the_newest_matches_only(home, category, settings):
    from portal.news.selectors import live_articles

    old = make_article(category, "Tập huấn an toàn bức xạ lần một")
    make_article(category, "Tập huấn an toàn bức xạ lần hai")
    make_article(category, "Tập huấn an toàn bức xạ lần ba")
    settings.SEARCH_BROAD_LIMIT = 2
    broad = titles(search_articles(query="an toan buc xa"))
    narrowed = titles(search_articles(query="an toan buc xa", articles=live_articles()))
    assert len(broad) == 2 and old.title not in broad
    assert old.title in narrowed and len(narrowed) == 3

"""Search: diacritic-insensitive matching, ranking, filters, highlighting, API parity."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from portal.core.text import fold, fold_aligned
from portal.news.search import highlight, search_articles
from portal.news.tests.factories import make_article, make_category

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def corpus(home, category):
    other = make_category(home, "Thi đua – Khen thưởng")
    return {
        "dien": make_article(
            category,
            "Tiết kiệm điện trong cơ quan nhà nước",
            summary="Sử dụng điện tiết kiệm, hiệu quả.",
            date=dt.datetime(2024, 5, 1, tzinfo=HCM),
        ),
        "dien_dan": make_article(
            category,
            "Diễn đàn khởi nghiệp đổi mới sáng tạo",
            summary="Diễn đàn thường niên của tỉnh.",
            date=dt.datetime(2025, 5, 1, tzinfo=HCM),
        ),
        "hoi_nghi": make_article(
            other,
            "Hội nghị điển hình tiên tiến",
            summary="Biểu dương điển hình tiên tiến giai đoạn 2020–2025.",
            date=dt.datetime(2023, 4, 10, tzinfo=HCM),
        ),
        "split": make_article(
            category,
            "Mô hình trồng chè",
            summary="Diện tích mô hình đạt 20 ha, mô hình được nhân rộng.",
            date=dt.datetime(2025, 9, 1, tzinfo=HCM),
        ),
        "other": other,
    }


def titles(results):
    return [a.title for a in results[:20]]


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


def test_fold_aligned_keeps_positions():
    text = "Hội nghị  Điển hình"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text) == "hoi nghi  dien hinh"
    assert fold(text) == "hoi nghi dien hinh"


def test_highlight_marks_matches_and_escapes(category):
    article = make_article(category, "Hội nghị <b>điển hình</b>", summary="Biểu dương điển hình & tiên tiến.")
    marked = highlight(article, "dien hinh")
    assert marked.title == "Hội nghị &lt;b&gt;<mark>điển</mark> <mark>hình</mark>&lt;/b&gt;"
    assert "<mark>điển</mark> <mark>hình</mark> &amp; tiên tiến" in marked.snippet


def test_search_page(client, corpus):
    html = client.get("/tim-kiem/?q=hoi+nghi+dien+hinh").content.decode()
    assert "<mark>Hội</mark> <mark>nghị</mark> <mark>điển</mark> <mark>hình</mark>" in html
    assert "Ngày 10/4/2023" in html and 'name="robots" content="noindex"' in html
    filtered = client.get(f"/tim-kiem/?q=dien&category={corpus['other'].slug}").content.decode()
    assert "Hội nghị" in filtered and "Tiết kiệm" not in filtered
    dated = client.get("/tim-kiem/?q=dien&from=2025-01-01&to=2025-12-31").content.decode()
    assert "đàn khởi nghiệp" in dated and "Tiết kiệm" not in dated
    none = client.get("/tim-kiem/?q=khongcotu").content.decode()
    assert "Không tìm thấy kết quả nào" in none
    assert client.get("/tim-kiem/?q=dien&page=999&sort=bad&from=xx").status_code == 200


def test_api_q_matches_page_ranking(client, corpus):
    data = client.get("/api/v1/articles?q=điện").json()
    assert [i["title"] for i in data["items"]] == titles(search_articles(query="điện"))
    assert data["count"] == len(data["items"])
    assert client.get("/api/v1/articles?q=" + "x" * 201).status_code == 422


# ----------------------------------------------------------------- query syntax and abbreviations
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


@pytest.fixture
def abbreviations(home, category):
    return {
        "short": make_article(category, "Sở KH&CN tổ chức tập huấn", summary="Tập huấn nghiệp vụ."),
        "long": make_article(
            category, "Ứng dụng khoa học và công nghệ vào sản xuất", summary="Chuyển giao cho nông dân."
        ),
        "ubnd": make_article(category, "Ủy ban nhân dân tỉnh ban hành kế hoạch", summary="Kế hoạch năm."),
    }


@pytest.mark.parametrize("query", ["khcn", "KH&CN", "khoa học và công nghệ", "khoa hoc va cong nghe"])
def test_abbreviations_work_both_ways(abbreviations, query):
    found = titles(search_articles(query=query))
    assert abbreviations["long"].title in found and abbreviations["short"].title in found


def test_abbreviation_with_other_words(abbreviations):
    assert titles(search_articles(query="so kh&cn")) == [abbreviations["short"].title]


def test_ubnd_finds_the_full_form(abbreviations):
    assert titles(search_articles(query="UBND tinh")) == [abbreviations["ubnd"].title]


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


# ------------------------------------------------------------------------ suggestions
def test_suggestion_corrects_a_typo_and_restores_diacritics(corpus):
    from portal.search.suggest import suggest_query

    assert titles(search_articles(query="hoi nhgi dien hinh")) == []
    assert suggest_query("hoi nhgi dien hinh") == "hội nghị điển hình"
    assert suggest_query("tiet kiem dienn") == "tiết kiệm điện"
    assert suggest_query("hội nghị") is None  # nothing to correct


def test_no_results_page_links_the_suggestion(client, corpus):
    response = client.get("/tim-kiem/", {"q": "hoi nhgi dien hinh"})
    html = response.content.decode()
    assert "hội nghị điển hình" in html
    assert "?q=h%E1%BB%99i+ngh%E1%BB%8B" in html


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


def test_broad_search_says_when_more_match_than_are_shown(client, home, category, settings):
    for n in ("một", "hai", "ba"):
        make_article(category, f"Tập huấn an toàn bức xạ lần {n}")
    settings.SEARCH_BROAD_LIMIT = 2
    results = search_articles(query="an toan buc xa")
    assert results.count() == 2 and results.capped
    assert not search_articles(query="an toan buc xa lan mot").capped
    html = client.get("/tim-kiem/", {"q": "an toan buc xa"}).content.decode()
    assert "Tìm thấy hơn 2 kết quả" in html and "chọn chuyên mục hoặc khoảng thời gian" in html
    narrowed = client.get("/tim-kiem/", {"q": "an toan buc xa", "category": category.slug}).content.decode()
    assert "3 kết quả" in narrowed and "hơn" not in narrowed
    data = client.get("/api/v1/articles", {"q": "an toan buc xa"}).json()
    assert data["count"] == 2 and data["count_capped"] is True
    data = client.get("/api/v1/articles", {"q": "an toan buc xa", "category": category.slug}).json()
    assert data["count"] == 3 and data["count_capped"] is False


def test_results_show_their_category(client, corpus):
    html = client.get("/tim-kiem/", {"q": "hoi nghi dien hinh"}).content.decode()
    assert '<span class="search-hit-section">Thi đua – Khen thưởng</span>' in html


def test_highlight_marks_whole_words_unless_a_prefix_was_asked(category):
    article = make_article(category, "Hồ sơ ứng dụng công nghệ sinh học", summary="Hỏi về hồ sơ.")
    marked = highlight(article, "ho so")
    assert marked.title == "<mark>Hồ</mark> <mark>sơ</mark> ứng dụng công nghệ sinh học"
    assert marked.snippet == "Hỏi về <mark>hồ</mark> <mark>sơ</mark>."
    assert highlight(article, "ho* so").snippet == "<mark>Hỏ</mark>i về <mark>hồ</mark> <mark>sơ</mark>."

"""The search page and API (views.py): results, the API's parity with the page, the suggestion
link, the "more than N" message, each result's category."""

from portal.news.search import search_articles
from portal.news.tests.factories import make_article

from .factories import titles


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


def test_no_results_page_links_the_suggestion(client, corpus):
    response = client.get("/tim-kiem/", {"q": "hoi nhgi dien hinh"})
    html = response.content.decode()
    assert "hội nghị điển hình" in html
    assert "?q=h%E1%BB%99i+ngh%E1%BB%8B" in html


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

"""GET /api/v1/articles, /api/v1/articles/{id} and the view endpoint (through the one page-view
pipeline: counted by the visit statistics, stored in the article's counter at the flush)."""

import datetime as dt
from zoneinfo import ZoneInfo

from portal.news.selectors import article_view_count
from portal.news.services import article_view_count_set_minimum
from portal.news.tests.factories import make_article, make_category
from portal.visits.services import visits_flush

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


def test_list_newest_first_with_fields(client, category):
    old = make_article(category, "Bài cũ", date=dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM), summary="Cũ")
    new = make_article(category, "Bài mới", date=dt.datetime(2024, 12, 31, tzinfo=HCM))
    make_article(category, "Bản nháp", publish=False)
    article_view_count_set_minimum(article_id=old.pk, count=115)
    data = client.get("/api/v1/articles").json()
    assert data["count"] == 2
    assert [i["id"] for i in data["items"]] == [new.pk, old.pk]
    item = data["items"][1]
    assert item == {
        "id": old.pk,
        "title": "Bài cũ",
        "url": old.url,
        "summary": "Cũ",
        "category": category.title,
        "published_at": "2015-04-10T01:30:00Z",
        "view_count": 115,
    }


def test_filter_by_category_and_paginate(client, home, category):
    other = make_category(home, "Khác")
    sub = make_category(category, "Chuyên mục con")
    for i in range(5):
        make_article(category, f"A{i}")
    make_article(sub, "Trong mục con")
    make_article(other, "B")
    data = client.get(f"/api/v1/articles?category={category.slug}&page_size=2&page=3").json()
    assert data["count"] == 6 and data["page"] == 3 and len(data["items"]) == 2
    assert client.get("/api/v1/articles?category=khong-co").status_code == 404


def test_bad_parameters_are_422_in_vietnamese(client, home):
    for query in ("page_size=101", "page_size=0", "page=0", "page=abc"):
        response = client.get(f"/api/v1/articles?{query}")
        assert response.status_code == 422, query
        assert response.json()["detail"][0]["message"] == "Giá trị này không hợp lệ."


def test_detail_with_body_text(client, category):
    article = make_article(category, "Chi tiết", body=[("paragraph", "<p>Đoạn <b>một</b></p>")], author="PV")
    article.tags.add("thi đua")
    article.save_revision().publish()
    data = client.get(f"/api/v1/articles/{article.pk}").json()
    assert data["body_text"] == "Đoạn một"
    assert data["tags"] == ["thi đua"] and data["author"] == "PV"
    assert client.get("/api/v1/articles/999999").status_code == 404
    draft = make_article(category, "Nháp", publish=False)
    assert client.get(f"/api/v1/articles/{draft.pk}").status_code == 404


def test_openapi_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/articles" in schema["paths"]
    assert "/api/v1/articles/{article_id}" in schema["paths"]


def test_beacon_counts_real_visits_only(client, article):
    response = client.post(
        f"/api/v1/articles/{article.pk}/view", HTTP_USER_AGENT=BROWSER, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json() == {"view_count": 1, "counted": True}
    assert response["Cache-Control"] == "no-store"
    for agent in ("Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.0", "", "Mozilla/5.0 HeadlessChrome/120"):
        assert client.post(f"/api/v1/articles/{article.pk}/view", HTTP_USER_AGENT=agent).json()["counted"] is False
    assert (
        client.post(f"/api/v1/articles/{article.pk}/view", HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch").json()[
            "counted"
        ]
        is False
    )
    pixel = client.get(f"/api/v1/articles/{article.pk}/view.gif", HTTP_USER_AGENT=BROWSER)
    assert pixel["Content-Type"] == "image/gif"
    assert article_view_count(article_id=article.pk) == 0  # still in the visit buffer, shown nonetheless:
    assert client.post(f"/api/v1/articles/{article.pk}/view", HTTP_USER_AGENT="curl/8").json()["view_count"] == 2
    visits_flush()
    assert article_view_count(article_id=article.pk) == 2


def test_beacon_unknown_or_draft_article_is_404(client, category):
    draft = make_article(category, "Nháp", publish=False)
    assert client.post(f"/api/v1/articles/{draft.pk}/view", HTTP_USER_AGENT=BROWSER).status_code == 404
    assert client.post("/api/v1/articles/987654/view", HTTP_USER_AGENT=BROWSER).status_code == 404


def test_reload_within_window_is_one_visit(client, article, settings):
    settings.PORTAL_VIEW_DEDUP_SECONDS = 300
    url = f"/api/v1/articles/{article.pk}/view"
    assert client.post(url, HTTP_USER_AGENT=BROWSER).json()["counted"] is True
    assert client.post(url, HTTP_USER_AGENT=BROWSER).json() == {"view_count": 1, "counted": False}
    assert client.post(url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="10.1.1.2").json()["counted"] is True


def test_count_survives_cached_html(client, article):
    """The HTML comes from the cache the second time, the beacon still counts."""
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    for _ in range(3):
        client.post(f"/api/v1/articles/{article.pk}/view", HTTP_USER_AGENT=BROWSER)
    visits_flush()
    assert article_view_count(article_id=article.pk) == 3


def test_count_survives_publishing_a_new_revision(client, article):
    client.post(f"/api/v1/articles/{article.pk}/view", HTTP_USER_AGENT=BROWSER)
    visits_flush()
    revision = article.get_latest_revision_as_object()
    revision.title = "Sửa tiêu đề"
    revision.save_revision().publish()
    assert article_view_count(article_id=article.pk) == 1


def test_the_page_beacon_is_the_one_pipeline(client, article):
    """The article page sends no beacon of its own: the visit beacon's answer carries its count,
    and the flush adds the views to the article (a page that is not an article has none)."""
    html = client.get(article.url).content.decode()
    assert "/view" not in html and "data-visit-beacon" in html
    hit = client.post(
        "/api/v1/visits/hit", {"page": article.pk}, content_type="application/json", HTTP_USER_AGENT=BROWSER
    ).json()
    assert hit["page_views"] == 1
    other = client.post(
        "/api/v1/visits/hit",
        {"page": article.get_parent().pk},
        content_type="application/json",
        HTTP_USER_AGENT=BROWSER,
    ).json()
    assert other["page_views"] is None
    visits_flush()
    assert article_view_count(article_id=article.pk) == 1


def test_reload_within_the_window_counts_once_in_both(client, article, settings):
    from portal.visits.models import DailyPageView

    settings.PORTAL_VIEW_DEDUP_SECONDS = 300
    for _ in range(3):
        client.post(
            "/api/v1/visits/hit", {"page": article.pk}, content_type="application/json", HTTP_USER_AGENT=BROWSER
        )
    visits_flush()
    assert article_view_count(article_id=article.pk) == 1
    assert DailyPageView.objects.get(page_id=article.pk).views == 1

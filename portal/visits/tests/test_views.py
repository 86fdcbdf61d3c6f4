"""The footer counters on every page, cached pages included."""

from portal.core.tests.factories import DESKTOP
from portal.news.tests.factories import make_article
from portal.visits import services
from portal.visits.models import (
    DailyPageView,
)


def test_footer_shows_counters_and_beacon_also_on_cached_pages(client, home, category):
    article = make_article(category, "Bài trong bộ nhớ đệm")
    html = client.get(article.url).content.decode()
    assert "Đang truy cập" in html and "Hôm nay" in html and "Tháng này" in html and "Tổng lượt truy cập" in html
    assert f'data-page-id="{article.pk}"' in html
    assert f"/api/v1/visits/hit.gif?page={article.pk}" in html
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    for _ in range(5):  # five loads of the cached page, five beacons
        client.post(
            "/api/v1/visits/hit", {"page": article.pk}, content_type="application/json", HTTP_USER_AGENT=DESKTOP
        )
    services.visits_flush()
    assert DailyPageView.objects.get(page=article).views == 5
    # The search page is no Wagtail page: counted, without a page.
    assert 'data-visit-beacon="/api/v1/visits/hit"' in client.get("/tim-kiem/?q=abc").content.decode()

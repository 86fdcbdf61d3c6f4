"""RSS feeds, sitemaps, robots.txt, the HTML site map and article metadata (issue 4)."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from wagtail.images.tests.utils import get_test_image_file

from portal.news.tests.factories import make_article, make_category

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def parse_rss(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    return root.find("channel")


def test_site_feed_lists_newest_published_articles(client, home, category):
    other = make_category(home, "Thi đua")
    old = make_article(
        category, "Bài cũ & <đặc biệt>", date=dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM), summary="Tóm tắt cũ"
    )
    new = make_article(other, "Bài mới", date=dt.datetime(2024, 12, 31, tzinfo=HCM))
    make_article(category, "Bản nháp không được lộ", publish=False)
    channel = parse_rss(client.get("/rss/"))
    assert channel.findtext("language") == "vi"
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Bài mới", "Bài cũ & <đặc biệt>"]
    first = items[1]
    assert first.findtext("link").endswith(old.url)
    assert first.findtext("description") == "Tóm tắt cũ"
    assert first.findtext("category") == category.title
    assert parsedate_to_datetime(first.findtext("pubDate")) == dt.datetime(2015, 4, 10, 8, 30, tzinfo=HCM)
    assert items[0].findtext("category") == "Thi đua" and new.title == "Bài mới"


def test_category_feed_has_only_its_articles(client, home, category):
    other = make_category(home, "Khác")
    sub = make_category(category, "Mục con")
    make_article(category, "Trong mục")
    make_article(sub, "Trong mục con")
    make_article(other, "Ở mục khác")
    channel = parse_rss(client.get(category.url + "rss/"))
    titles = {i.findtext("title") for i in channel.findall("item")}
    assert titles == {"Trong mục", "Trong mục con"}
    assert category.title in channel.findtext("title")
    assert client.get("/khong-co/rss/").status_code == 404


def test_feeds_advertised_in_head(client, category):
    article = make_article(category, "Bài có RSS")
    category_html = client.get(category.url).content.decode()
    assert 'type="application/rss+xml"' in category_html and 'href="/rss/"' in category_html
    assert f'href="{category.url}rss/"' in category_html
    article_html = client.get(article.url).content.decode()
    assert f'href="{category.url}rss/"' in article_html


def test_sitemap_xml_lists_public_pages_with_lastmod(client, category, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sokhcn.example.vn"
    article = make_article(category, "Có trong sơ đồ")
    draft = make_article(category, "Nháp không có", publish=False)
    response = client.get("/sitemap.xml", HTTP_HOST="attacker.example")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = {
        u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
        for u in ET.fromstring(response.content).findall("s:url", ns)
    }
    article_loc = next(loc for loc in urls if loc.endswith(article.url))
    assert urls[article_loc]  # lastmod present
    assert any(loc.endswith(category.url) for loc in urls)
    assert not any(loc.endswith(draft.url or "/no-url/") for loc in urls)
    assert all(loc.startswith("https://sokhcn.example.vn/") for loc in urls)  # BASE_URL, not Wagtail's Site
    # The public pages that are not Wagtail pages, but not the search robots are kept from.
    for path in ("/phan-anh-kien-nghi/", "/phan-anh-kien-nghi/gui/", "/hoi-dap/", "/tu-viet-tat/"):
        assert f"https://sokhcn.example.vn{path}" in urls, path
    assert not any("/tim-kiem/" in loc for loc in urls)


def test_feed_links_come_from_base_url(client, category, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sokhcn.example.vn"
    article = make_article(category, "Bài trong RSS")
    channel = parse_rss(client.get("/rss/", HTTP_HOST="attacker.example"))
    assert channel.findtext("link") == "https://sokhcn.example.vn/"
    assert channel.find("item").findtext("link") == f"https://sokhcn.example.vn{article.url}"


def test_robots_txt(client, db, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://sokhcn.example.vn"
    response = client.get("/robots.txt", HTTP_HOST="attacker.example")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: https://sokhcn.example.vn/sitemap.xml" in body


def test_html_sitemap_shows_sections_as_a_tree(client, home, category):
    sub = make_category(category, "Hoạt động của Sở")
    article = make_article(sub, "Bài không liệt kê")
    html = client.get("/so-do-cong-thong-tin/").content.decode()
    assert "<h1>Sơ đồ cổng thông tin</h1>" in html
    nested = rf'{re.escape(category.title)}</a>\s*<ul><li><a href="{re.escape(sub.url)}">{re.escape(sub.title)}</a>'
    assert re.search(nested, html)  # the sub-category sits under its category
    assert article.title not in html
    for path in ("/phan-anh-kien-nghi/", "/hoi-dap/", "/tu-viet-tat/", "/danh-gia-hai-long/", "/tim-kiem/"):
        assert f'href="{path}"' in html, path  # the services that are not pages
    assert 'href="/so-do-cong-thong-tin/"' in client.get("/").content.decode()  # footer link


def test_article_metadata(client, category, settings):
    from wagtail.images import get_image_model

    image = get_image_model().objects.create(title="Ảnh", file=get_test_image_file())
    article = make_article(
        category,
        "Hội nghị <điển hình>",
        summary='Tóm tắt "đặc biệt" </script>',
        author="Văn phòng Sở",
        featured_image=image,
        featured_image_alt="Trao cờ thi đua",
    )
    settings.WAGTAILADMIN_BASE_URL = "https://sokhcn.example.vn"
    html = client.get(article.url, HTTP_HOST="attacker.example").content.decode()
    canonical = f"https://sokhcn.example.vn{article.url}"  # from BASE_URL, never the Host header
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:title" content="Hội nghị &lt;điển hình&gt;">' in html
    assert re.search(r'<meta property="og:image" content="https://sokhcn.example.vn/[^"]+\.png">', html)
    assert f"body={quote(canonical)}" in html  # the e-mail share link
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta name="description" content="Tóm tắt &quot;đặc biệt&quot; &lt;/script&gt;">' in html
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1  # the summary's "</script>" did not end the block early
    data = json.loads(blocks[0])
    assert data["@type"] == "NewsArticle" and data["headline"] == "Hội nghị <điển hình>"
    assert data["mainEntityOfPage"] == canonical and data["inLanguage"] == "vi"
    assert data["datePublished"] == article.date.isoformat()
    assert data["author"]["name"] == "Văn phòng Sở" and data["image"][0].startswith("https://sokhcn.example.vn/")

"""Public news pages: article page content, other articles, category listing and filters."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.core.pages import forget_view_restrictions
from portal.core.signals import clear_page_cache
from portal.news.services import article_view_count_set_minimum
from portal.news.tests.factories import make_article, make_category

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_article_page(client, category):
    article = make_article(
        category,
        "Hội nghị điển hình tiên tiến",
        date=dt.datetime(2015, 4, 10, 9, 0, tzinfo=HCM),
        summary="Tóm tắt hội nghị.",
        author="Văn phòng Sở",
    )
    article_view_count_set_minimum(article_id=article.pk, count=1431)
    html = client.get(article.url).content.decode()
    assert '<html lang="vi">' in html
    assert "Ngày 10/4/2015" in html
    assert "Lượt xem:" in html and "1.431" in html
    assert 'href="#main"' in html and '<main id="main"' in html
    assert category.title in html  # breadcrumb
    assert "In bài viết" in html and "Sao chép liên kết" in html
    # One beacon counts the view, for the statistics and the article's counter alike.
    assert f'data-page-id="{article.pk}"' in html and "/api/v1/visits/hit" in html
    assert f"/api/v1/articles/{article.pk}/view" not in html
    assert 'media="print"' in html


def test_other_articles_newest_of_same_category(client, home, category):
    other_category = make_category(home, "Chuyên mục khác")
    old = make_article(category, "Bài cũ", date=dt.datetime(2020, 1, 1, tzinfo=HCM), summary="Tóm tắt bài cũ")
    new = make_article(category, "Bài mới", date=dt.datetime(2024, 12, 31, tzinfo=HCM))
    elsewhere = make_article(other_category, "Bài chuyên mục khác")
    draft = make_article(category, "Bài nháp chưa duyệt", publish=False)
    current = make_article(category, "Bài đang đọc", date=dt.datetime(2022, 6, 1, tzinfo=HCM))
    html = client.get(current.url).content.decode()
    section = html.split("Bài viết khác", 1)[1]
    assert section.index(new.title) < section.index(old.title)
    assert "Ngày 31/12/2024" in section and "Tóm tắt bài cũ" in section
    assert elsewhere.title not in section and draft.title not in section
    assert "Bài đang đọc" not in section


def test_what_a_categorys_articles_share_is_read_once_and_follows_publishing(client, category, settings):
    """Breadcrumbs and "Bài viết khác" are kept per category in the "pages" cache (shared by its
    articles, so a sibling's render does not query them) and emptied by any publish."""
    settings.PAGE_CACHE_SECONDS = 0  # every request renders
    first = make_article(category, "Bài thứ nhất")
    current = make_article(category, "Bài đang đọc")
    for _ in range(2):  # the first request of a test creates the site's settings rows
        assert "Bài thứ nhất" in client.get(current.url).content.decode().split("Bài viết khác", 1)[1]

    def render(article) -> tuple[str, str, int]:
        with CaptureQueriesContext(connection) as ctx:
            html = client.get(article.url).content.decode()
        return html, " ".join(query["sql"] for query in ctx.captured_queries), len(ctx.captured_queries)

    html, sql, _count = render(first)  # its first visit: routed, but the category's part is shared
    assert "Bài đang đọc" in html.split("Bài viết khác", 1)[1] and category.title in html
    assert 'ORDER BY "news_articlepage"."date" DESC' not in sql  # "Bài viết khác"
    assert '"wagtailcore_page"."path" IN (' not in sql  # the breadcrumbs
    _html, sql, count = render(first)
    assert count <= 4, sql  # the page, its related links, its tags, its view count

    new = make_article(category, "Bài vừa đăng")
    assert "Bài vừa đăng" in client.get(current.url).content.decode().split("Bài viết khác", 1)[1]
    category.title = "Chuyên mục đổi tên"
    category.save_revision().publish()
    assert "Chuyên mục đổi tên" in client.get(current.url).content.decode().split("</nav>", 2)[1]
    new.unpublish()
    assert "Bài vừa đăng" not in client.get(current.url).content.decode()


def test_an_articles_parts_are_kept_until_it_is_published_again_and_a_preview_is_never_kept(client, category, settings):
    """The article's head tags, body, tags, related and other articles are fragments of the
    "pages" cache keyed by its publication: the next render reads none of them; the view
    count stays outside; a new publication shows at once; a draft's preview is drawn afresh
    each time and never becomes the public copy."""
    from django.core.cache import caches

    from portal.news.models import ArticleTag

    settings.PAGE_CACHE_SECONDS = 0
    make_article(category, "Bài cùng chuyên mục")
    article = make_article(category, "Bài có các phần được giữ", body=[("paragraph", "<p>Nội dung bản đầu.</p>")])
    article.tags.add("chuyển đổi số")
    article.save_revision().publish()
    for _ in range(4):  # settings rows, route memo, kept page, fragments
        client.get(article.url)
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(article.url).content.decode()
    assert "Nội dung bản đầu." in html and "chuyển đổi số" in html and "Bài cùng chuyên mục" in html
    assert 'property="og:title" content="Bài có các phần được giữ"' in html
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert ArticleTag._meta.db_table not in sql and "news_articlerelatedlink" not in sql, sql

    article_view_count_set_minimum(article_id=article.pk, count=4321)
    caches["pages"].delete(f"route-page:{article._meta.label_lower}:{article.pk}")  # the kept page: 60 s
    assert "4.321" in client.get(article.url).content.decode()  # the count is not in a fragment

    draft = type(article).objects.get(pk=article.pk)
    draft.body = [("paragraph", "<p>Nội dung bản nháp một.</p>")]
    assert "Nội dung bản nháp một." in draft.make_preview_request().content.decode()
    draft.body = [("paragraph", "<p>Nội dung bản nháp hai.</p>")]
    assert "Nội dung bản nháp hai." in draft.make_preview_request().content.decode()
    assert "Nội dung bản đầu." in client.get(article.url).content.decode()  # the public copy

    draft.save_revision().publish()
    published = client.get(article.url).content.decode()
    assert "Nội dung bản nháp hai." in published and "Nội dung bản đầu." not in published


def test_the_view_count_loaded_with_the_page_needs_no_query(category):
    from portal.news.models import ArticlePage

    read, unread = make_article(category, "Bài đã có lượt xem"), make_article(category, "Bài chưa ai xem")
    article_view_count_set_minimum(article_id=read.pk, count=12)
    loaded = ArticlePage.objects.select_related("view_counter").in_bulk([read.pk, unread.pk])
    with CaptureQueriesContext(connection) as ctx:
        assert (loaded[read.pk].view_count, loaded[unread.pk].view_count) == (12, 0)
    assert not ctx.captured_queries
    assert ArticlePage.objects.get(pk=read.pk).view_count == 12  # not loaded with it: one query


def test_article_queries_do_not_grow_with_article_count(client, category):
    article = make_article(category, "Bài được đo")

    def count_queries():
        clear_page_cache()  # only the page cache (caches["pages"].clear() would FLUSHDB on Redis)
        # The process's one-second copy of "any view restriction?" must not expire between
        # two counts on a slow machine: both read it again.
        forget_view_restrictions()
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(article.url).status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        make_article(category, f"Bài trước {i}")
    count_queries()  # warm the per-process caches (site root paths, settings)
    few = count_queries()
    for i in range(25):
        make_article(category, f"Bài thêm {i}")
    count_queries()
    many = count_queries()
    assert many == few, (few, many)
    assert few <= 26  # includes one read of the read-aloud setting (the player is shown or not)


def test_category_page_pagination_and_date_filter(client, category, settings):
    settings.PORTAL_ARTICLES_PER_PAGE = 5
    for i in range(12):
        make_article(category, f"Bài số {i}", date=dt.datetime(2020 + i % 3, 3, 1 + i, tzinfo=HCM))
    first = client.get(category.url).content.decode()
    assert first.count('class="article-item"') == 5
    assert "?page=2" in first
    third = client.get(category.url + "?page=3").content.decode()
    assert third.count('class="article-item"') == 2
    assert client.get(category.url + "?page=99").status_code == 200
    filtered = client.get(category.url + "?from=2021-01-01&to=2021-12-31").content.decode()
    assert filtered.count('class="article-item"') == 4
    assert "Bài số 1<" in filtered and "Bài số 0<" not in filtered
    vn_format = client.get(category.url + "?from=01/01/2021&to=31/12/2021").content.decode()
    assert vn_format.count('class="article-item"') == 4
    # The fields are typed dd/mm/yyyy (never the browser's date control, whose order follows
    # the browser's language) and show the filter back that way; the form names its address.
    assert 'type="date"' not in vn_format
    assert 'name="from" value="01/01/2021"' in vn_format and 'placeholder="dd/mm/yyyy"' in vn_format
    assert 'action=""' not in vn_format and f'action="{category.url}"' in vn_format
    bad = client.get(category.url + "?from=hom-qua")
    assert bad.status_code == 200 and "Ngày không hợp lệ" in bad.content.decode()


def test_home_sections_show_each_categorys_newest_four_with_one_query_per_category(client, home, settings):
    settings.PAGE_CACHE_SECONDS = 0
    base = dt.datetime(2026, 1, 1, tzinfo=HCM)

    def add_categories(first: int, count: int) -> None:
        for i in range(first, first + count):
            section = make_category(home, f"Chuyên mục {i}")
            sub = make_category(section, f"Chuyên mục con {i}")
            for day in range(5):  # one more than a section shows; the newest in a sub-category
                make_article(section if day < 4 else sub, f"Bài {i}-{day}", date=base + dt.timedelta(days=day))

    def render() -> tuple[str, int]:
        client.get("/")  # the first request of a test creates the site's settings rows
        clear_page_cache()  # the news part is a fragment of that cache: drawn again here
        with CaptureQueriesContext(connection) as ctx:
            html = client.get("/").content.decode()
        return html, len(ctx.captured_queries)

    add_categories(0, 2)
    html, few = render()
    add_categories(2, 4)
    html, many = render()
    assert many <= few + 4, (few, many)  # one key query per category; the cards in one query
    for i in range(6):
        section = html.split(f"Chuyên mục {i}<", 1)[1]
        assert section.index(f"Bài {i}-4") < section.index(f"Bài {i}-3") < section.index(f"Bài {i}-1")
        assert f"Bài {i}-0<" not in section.split("Chuyên mục", 1)[0]  # four a section


def test_a_categorys_sub_categories_read_no_view_restriction_unless_there_is_one(client, category, settings):
    from wagtail.models import PageViewRestriction

    settings.PAGE_CACHE_SECONDS = 0
    public, private = (
        make_category(category, "Chuyên mục con công khai"),
        make_category(category, "Chuyên mục con nội bộ"),
    )
    client.get(category.url)  # the first request of a test creates the site's settings rows
    with CaptureQueriesContext(connection) as ctx:
        html = client.get(category.url).content.decode()
    assert public.title in html and private.title in html
    assert not [q for q in ctx.captured_queries if "pageviewrestriction" in q["sql"]]
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="mk-2026")
    html = client.get(category.url).content.decode()
    assert public.title in html and private.title not in html


def test_the_home_pages_news_is_read_once_until_something_is_published(client, home, category, settings):
    """The featured news and the sections are a fragment of the "pages" cache: the next render
    reads no article; a publish shows at once; a preview of a draft (other numbers) never
    writes the public copy."""
    settings.PAGE_CACHE_SECONDS = 0
    for i in range(3):
        make_article(category, f"Tin số {i}", date=dt.datetime(2026, 3, 1 + i, tzinfo=HCM))
    client.get("/")  # the first request of a test creates the site's settings rows
    client.get("/")
    with CaptureQueriesContext(connection) as ctx:
        html = client.get("/").content.decode()
    assert "Tin số 2" in html and "Tin số 0" in html
    assert not [q for q in ctx.captured_queries if "news_articlepage" in q["sql"]], ctx.captured_queries

    make_article(category, "Tin vừa xuất bản", date=dt.datetime(2026, 3, 9, tzinfo=HCM))
    assert "Tin vừa xuất bản" in client.get("/").content.decode()

    from portal.home.models import HomePage

    draft = HomePage.objects.get(pk=home.pk)
    draft.per_category = 1
    preview = draft.make_preview_request().content.decode()
    assert "Tin vừa xuất bản" in preview and "Tin số 2" not in preview  # the draft's one a section
    public = client.get("/").content.decode()
    assert "Tin số 2" in public and "Tin số 1" in public  # still the published four


def test_a_category_listing_is_read_once_per_page_until_something_is_published(client, category, settings):
    """Breadcrumbs, sub-categories and each page of the listing are fragments of the "pages"
    cache: the next render reads no article; a publish shows at once; each page number and
    date range has its own copy, and a page number that is not one is the first page."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.PORTAL_ARTICLES_PER_PAGE = 2
    for i in range(5):
        make_article(category, f"Bài mục {i}", date=dt.datetime(2025 + i // 3, 3, 1 + i, tzinfo=HCM))
    client.get(category.url)  # the first request of a test creates the site's settings rows
    client.get(category.url)
    with CaptureQueriesContext(connection) as ctx:
        first = client.get(category.url).content.decode()
    assert "Bài mục 4" in first and "Bài mục 3" in first and "Bài mục 2" not in first
    assert not [q for q in ctx.captured_queries if "news_articlepage" in q["sql"]], ctx.captured_queries
    second = client.get(category.url + "?page=2").content.decode()
    assert "Bài mục 2" in second and "Bài mục 4" not in second
    assert "Bài mục 4" in client.get(category.url + "?page=abc").content.decode()  # the first page
    assert "Bài mục 0" in client.get(category.url + "?page=0").content.decode()  # the last page
    dated = client.get(category.url + "?from=01/01/2025&to=31/12/2025").content.decode()
    assert "Bài mục 2" in dated and "Bài mục 4" not in dated

    make_article(category, "Bài mới nhất của mục", date=dt.datetime(2026, 6, 1, tzinfo=HCM))
    assert "Bài mới nhất của mục" in client.get(category.url).content.decode()
    assert "Bài mục 3" in client.get(category.url + "?page=2").content.decode()  # moved down one


def test_home_page_shows_featured_and_sections(client, home, category):
    make_article(category, "Tin nổi bật đặc biệt", is_featured=True)
    make_article(category, "Tin thường")
    html = client.get("/").content.decode()
    assert "Tin nổi bật đặc biệt" in html and "Tin thường" in html
    assert category.title in html
    # The header date, as Vietnamese notices write it: "Thứ Tư, 02/12/2026".
    from django.utils import timezone

    from portal.core.formats import full_date

    now = timezone.localtime()
    assert f'<time datetime="{now:%Y-%m-%d}">{full_date(now)}</time>' in html
    assert re.match(r"^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d{2}/\d{2}/\d{4}$", full_date(now))


def test_header_footer_show_identity(client, home, category):
    from wagtail.models import Site

    from portal.core.models import SiteIdentity, SiteNavigation

    site = Site.objects.get(is_default_site=True)
    identity = SiteIdentity.for_site(site)
    identity.parent_body = "Ủy ban nhân dân tỉnh Mẫu"
    identity.department_name = "Sở Khoa học và Công nghệ"
    identity.address = "Số 1 đường Mẫu"
    identity.editor_in_chief = "Bà Nguyễn Thị A"
    identity.licence = "Giấy phép số 01/GP"
    identity.save()
    nav = SiteNavigation.for_site(site)
    nav.quick_links = [("link", {"title": "Lịch tiếp công dân", "page": None, "link_url": "/lich-tiep-cong-dan/"})]
    nav.site_links = [("link", {"title": "Cổng Chính phủ", "page": None, "link_url": "https://chinhphu.vn"})]
    nav.main_menu = [("item", {"title": "Tin hoạt động", "page": category, "link_url": "", "children": []})]
    nav.save()
    html = client.get("/").content.decode()
    for text in (
        "Ủy ban nhân dân tỉnh Mẫu",
        "Số 1 đường Mẫu",
        "Bà Nguyễn Thị A",
        "Giấy phép số 01/GP",
        "Lịch tiếp công dân",
        "Cổng Chính phủ",
        "Liên kết trang",
    ):
        assert text in html
    assert f'href="{category.url}"' in html


def test_unknown_page_is_404_in_vietnamese(client, home):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_search_without_diacritics(client, category):
    article = make_article(category, "Hội nghị điển hình tiên tiến")
    html = client.get("/tim-kiem/?q=hoi+nghi+dien+hinh").content.decode()
    assert f'href="{article.url}"' in html and "<mark>điển</mark>" in html


@pytest.mark.parametrize("path", ["/", "/tim-kiem/?q=x"])
def test_no_third_party_assets(client, article, path):
    import re

    html = client.get(path).content.decode()
    loaded = re.findall(r'\ssrc="([^"]+)"', html) + re.findall(r'<link[^>]+href="([^"]+)"', html)
    assert loaded
    for url in loaded:
        assert url.startswith("/") and not url.startswith("//"), url

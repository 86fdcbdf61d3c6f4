"""The glossary on public pages (views.py, templatetags): abbreviations in an article body, the
glossary page filtered without diacritics."""

from portal.glossary.models import Abbreviation
from portal.glossary.selectors import glossary_search
from portal.news.tests.factories import make_article


def test_article_body_shows_abbr_and_follows_glossary_changes(client, category):
    article = make_article(category, "Tập huấn", body=[("paragraph", "<p>Sở KH&amp;CN phối hợp với UBND huyện.</p>")])
    html = client.get(article.url).content.decode()
    assert '<abbr title="khoa học và công nghệ">KH&amp;CN</abbr>' in html
    entry = Abbreviation.objects.get(abbreviation="UBND")
    entry.full_form = "Ủy ban nhân dân (cấp huyện, tỉnh)"
    entry.save()  # the cached page is dropped
    assert '<abbr title="Ủy ban nhân dân (cấp huyện, tỉnh)">UBND</abbr>' in client.get(article.url).content.decode()


# --------------------------------------------------------------------------- public page
def test_glossary_page_lists_and_filters_without_diacritics(client, home):
    html = client.get("/tu-viet-tat/").content.decode()
    assert "<h1>Từ viết tắt</h1>" in html
    assert html.count("data-glossary-entry") == Abbreviation.objects.count()
    assert 'href="/tu-viet-tat/"' in client.get("/").content.decode()  # the header link
    for query in ("khcn", "KH&CN", "khoa hoc va cong"):
        found = client.get("/tu-viet-tat/", {"q": query}).content.decode()
        assert ">KH&amp;CN</abbr>" in found, query
        assert ">UBND</abbr>" not in found
    assert {"UBND", "UBKT", "QĐ-UBND"} <= {e.abbreviation for e in glossary_search("uy ban")}
    empty = client.get("/tu-viet-tat/", {"q": "không có từ này"}).content.decode()
    assert "Không có từ viết tắt nào phù hợp." in empty and "data-glossary-entry" not in empty

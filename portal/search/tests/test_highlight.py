"""Highlighting (highlight.py): positions kept through folding, matches marked and escaped, whole
words unless a prefix was asked."""

from portal.core.text import fold, fold_aligned
from portal.news.search import highlight
from portal.news.tests.factories import make_article


def test_fold_aligned_keeps_positions():
    text = "Hội nghị  Điển hình"
    assert len(fold_aligned(text)) == len(text)
    assert fold_aligned(text) == "hoi nghi  dien hinh"
    assert fold(text) == "hoi nghi dien hinh"


def test_fold_aligned_folds_each_character_as_fold_does():
    """Every character of the first planes (and a few beyond) folds as fold() folds it alone;
    whitespace, lone marks and characters fold() drops are kept; the result never shifts."""
    text = "".join(chr(code) for code in range(0x20, 0x3000)) + "😀\u0301\t x\u0303"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    for ch, out in zip(text, folded, strict=True):
        assert out == (fold(ch)[:1] or ch), hex(ord(ch))
    assert fold_aligned("ĐẠI HỘI\u00a0Đảng") == "dai hoi\u00a0dang"


def test_highlight_marks_matches_and_escapes(category):
    article = make_article(category, "Hội nghị <b>điển hình</b>", summary="Biểu dương điển hình & tiên tiến.")
    marked = highlight(article, "dien hinh")
    assert marked.title == "Hội nghị &lt;b&gt;<mark>điển</mark> <mark>hình</mark>&lt;/b&gt;"
    assert "<mark>điển</mark> <mark>hình</mark> &amp; tiên tiến" in marked.snippet


def test_highlight_marks_whole_words_unless_a_prefix_was_asked(category):
    article = make_article(category, "Hồ sơ ứng dụng công nghệ sinh học", summary="Hỏi về hồ sơ.")
    marked = highlight(article, "ho so")
    assert marked.title == "<mark>Hồ</mark> <mark>sơ</mark> ứng dụng công nghệ sinh học"
    assert marked.snippet == "Hỏi về <mark>hồ</mark> <mark>sơ</mark>."
    assert highlight(article, "ho* so").snippet == "<mark>Hỏ</mark>i về <mark>hồ</mark> <mark>sơ</mark>."


def test_excerpt_keeps_paragraphs_apart(category):
    """Paragraphs of one rich-text block and separate blocks are joined by a space, not run
    together ("sáng tạo.Tài liệu")."""
    body = [
        ("paragraph", "<p>Đổi mới sáng tạo.</p><p>Tài liệu hội thảo<br>kèm theo.</p>"),
        ("paragraph", "<ul><li>Mục một</li><li>Mục hai</li></ul>"),
    ]
    article = make_article(category, "Hội thảo", summary="Tóm tắt.", body=body)
    snippet = highlight(article, "tai lieu").snippet
    assert "sáng tạo. <mark>Tài</mark> <mark>liệu</mark> hội thảo kèm theo." in snippet
    assert "Mục một Mục hai" in article.body_text()


def test_html_text_unescapes_and_collapses():
    from portal.core.text import html_text

    assert html_text("<p>KH&amp;CN</p>\n<p>  tỉnh </p>") == "KH&CN tỉnh"
    assert html_text("") == ""


def test_a_page_of_results_reads_the_bodies_its_excerpts_need_in_one_query(category):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.news.search import search_articles

    for i in range(6):  # the words only in the body: each excerpt comes from it
        body = [("paragraph", f"<p>Quỹ phát triển KH&CN tỉnh hỗ trợ dự án số {i}.</p>")]
        make_article(category, f"Hỗ trợ dự án {i}", summary="Tin hoạt động của Sở.", body=body)
    make_article(category, "Hỗ trợ dự án trong tóm tắt", summary="Quỹ phát triển KH&CN hỗ trợ.")
    results = search_articles(query="quy phat trien")
    assert results.count() == 7
    with CaptureQueriesContext(connection) as ctx:
        snippets = [highlight(article, "quy phat trien").snippet for article in results[0:10]]
    assert all("<mark>Quỹ</mark> <mark>phát</mark> <mark>triển</mark>" in snippet for snippet in snippets)
    body_reads = [q for q in ctx.captured_queries if '"news_articlepage"."body"' in q["sql"]]
    assert len(body_reads) == 1, [q["sql"][:120] for q in ctx.captured_queries]

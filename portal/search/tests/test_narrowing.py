"""Narrowing inside the index (issue 17: filtered searches at scale, portal/news/search_tokens.py):
a category (with its sub-categories) and a date range become tokens the full-text index
intersects itself, the exact dates are then checked; moves and old indexes are kept right."""

import datetime as dt

from portal.news.models import ArticleSearchText
from portal.news.search import search_articles
from portal.news.tests.factories import make_article, make_category

from .factories import HCM, titles


def test_a_category_narrows_to_itself_and_its_sub_categories(home, category):
    sub = make_category(category, "Đề tài cấp tỉnh")
    elsewhere = make_category(home, "Thi đua – Khen thưởng")
    direct = make_article(category, "Nghiệm thu đề tài giống lúa")
    deeper = make_article(sub, "Nghiệm thu đề tài chè")
    other = make_article(elsewhere, "Nghiệm thu đề tài phong trào")
    assert sorted(titles(search_articles(query="nghiem thu de tai", category=category))) == sorted(
        [direct.title, deeper.title]
    )
    assert titles(search_articles(query="nghiem thu de tai", category=sub)) == [deeper.title]
    assert titles(search_articles(query="nghiem thu de tai", category=elsewhere)) == [other.title]
    assert not search_articles(query="nghiem thu de tai", category=sub).capped  # filtered: every match
    assert titles(search_articles(query="zzdm", category=sub)) == []  # the tokens are not words


def test_moving_an_article_or_a_category_moves_it_in_the_index(home, category):
    sub = make_category(category, "Đề tài cấp tỉnh")
    elsewhere = make_category(home, "Thi đua – Khen thưởng")
    article = make_article(sub, "Hội thảo nông nghiệp công nghệ cao")
    article.move(elsewhere, pos="last-child")
    assert titles(search_articles(query="nong nghiep", category=category)) == []
    assert titles(search_articles(query="nong nghiep", category=elsewhere)) == [article.title]
    sub.move(elsewhere, pos="last-child")  # a whole category, its articles with it
    other = make_article(sub, "Nông nghiệp sạch")
    assert sorted(titles(search_articles(query="nong nghiep", category=elsewhere))) == sorted(
        [article.title, other.title]
    )
    assert titles(search_articles(query="nong nghiep", category=category)) == []


def test_a_date_range_is_exact_at_its_ends_across_years(home, category):
    def at(*parts):
        return dt.datetime(*parts, tzinfo=HCM)

    make_article(category, "Báo cáo điện mặt trời cuối năm", date=at(2024, 12, 31, 23, 30))
    make_article(category, "Báo cáo điện mặt trời đầu năm", date=at(2025, 1, 1, 0, 15))
    make_article(category, "Báo cáo điện mặt trời tháng sáu", date=at(2025, 6, 30, 9))

    def found(date_from=None, date_to=None):
        return sorted(titles(search_articles(query="dien mat troi", date_from=date_from, date_to=date_to)))

    assert found(at(2025, 1, 1)) == ["Báo cáo điện mặt trời tháng sáu", "Báo cáo điện mặt trời đầu năm"]
    assert found(None, at(2025, 1, 1)) == ["Báo cáo điện mặt trời cuối năm"]  # the end is exclusive
    assert found(at(2024, 12, 31), at(2025, 1, 2)) == [
        "Báo cáo điện mặt trời cuối năm",
        "Báo cáo điện mặt trời đầu năm",
    ]
    assert found(at(2025, 7, 1), at(2025, 7, 2)) == []
    both = search_articles(query="dien mat troi", category=category, date_from=at(2025, 6, 1))
    assert titles(both) == ["Báo cáo điện mặt trời tháng sáu"]


def test_a_range_inside_one_month_and_one_over_years_leave_out_the_rest_of_their_periods(home, category):
    """The tokens place a match in a month (a year for a range of more than three years); the
    days of those periods outside the range are taken out by date, on both sides."""

    def at(*parts):
        return dt.datetime(*parts, tzinfo=HCM)

    for day, hour in ((1, 8), (10, 0), (14, 23), (15, 0), (31, 23)):
        make_article(category, f"Hội thảo chuyển đổi số ngày {day} giờ {hour}", date=at(2025, 3, day, hour))
    make_article(category, "Hội thảo chuyển đổi số năm 2020 tháng hai", date=at(2020, 2, 20))
    make_article(category, "Hội thảo chuyển đổi số năm 2020 tháng tư", date=at(2020, 4, 2))
    make_article(category, "Hội thảo chuyển đổi số năm 2024 tháng mười hai", date=at(2024, 12, 30))

    def found(date_from, date_to):
        return sorted(titles(search_articles(query="chuyen doi so", date_from=date_from, date_to=date_to)))

    assert found(at(2025, 3, 10), at(2025, 3, 15)) == [
        "Hội thảo chuyển đổi số ngày 10 giờ 0",
        "Hội thảo chuyển đổi số ngày 14 giờ 23",
    ]
    assert found(at(2025, 3, 15), at(2025, 3, 10)) == []  # an empty range
    # Sixty months, narrowed by year tokens: 2020 and 2025 are edges, 2024 is whole.
    assert found(at(2020, 3, 1), at(2025, 3, 10)) == [
        "Hội thảo chuyển đổi số ngày 1 giờ 8",
        "Hội thảo chuyển đổi số năm 2020 tháng tư",
        "Hội thảo chuyển đổi số năm 2024 tháng mười hai",
    ]
    assert found(None, at(2020, 3, 1)) == ["Hội thảo chuyển đổi số năm 2020 tháng hai"]
    assert len(found(at(2025, 3, 15), None)) == 2


def test_an_index_from_before_the_tokens_is_rebuilt_by_setup(home, category):
    from django.core.management import call_command

    article = make_article(category, "Chuyển đổi số trong quản lý nhiệm vụ")
    ArticleSearchText.objects.filter(page_id=article.pk).update(text="chuyen doi so trong quan ly nhiem vu")
    assert titles(search_articles(query="chuyen doi so", category=category)) == []
    call_command("setup_portal", verbosity=0)
    assert titles(search_articles(query="chuyen doi so", category=category)) == [article.title]


def test_postgresql_reads_the_search_table_through_its_index_only(home, category):
    """PostgreSQL's planner prices a sequential scan of the search table without the cost of
    reading each stored vector; at 100,000 articles it chose one for a prefix query in one
    category (300 ms against 33 ms). The statement runs with sequential scans off (on this
    tiny table the planner would scan it whole), in a savepoint inside an outer transaction,
    with the setting put back afterwards."""
    import pytest
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from portal.news.search_engine import _index_scans

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL planner setting")
    make_article(category, "Nông nghiệp công nghệ cao")
    with CaptureQueriesContext(connection) as captured:
        assert titles(search_articles(query="nong nghiep cong nghe*", category=category))
    statement = next(q["sql"] for q in captured.captured_queries if q["sql"].startswith("WITH f"))

    def plan(cursor) -> str:
        cursor.execute("EXPLAIN " + statement.replace("%", "%%"))
        return "\n".join(row[0] for row in cursor.fetchall())

    with connection.cursor() as cursor:
        assert "Seq Scan on news_articlesearchtext" in plan(cursor)  # what the guard prevents
    assert transaction.get_connection().in_atomic_block  # the test's own transaction
    with _index_scans() as cursor:
        assert "Seq Scan on news_articlesearchtext" not in plan(cursor)
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_seqscan")
        assert cursor.fetchone()[0] == "on"


def test_postgresql_decides_phrases_and_date_ranges_in_its_index(home, category):
    """PostgreSQL (news migration 0004): the vector holds each pair of neighbouring words, so a
    phrase is an AND of pairs the GIN index decides alone (a `<->` query is checked again on
    every candidate's stored vector: most of a filtered search's time at 100,000 articles), and
    a date range also narrows by the month tokens, so the planner does not filter thousands of
    vectors row by row after the date index."""
    import pytest
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's index of word pairs")
    with connection.cursor() as cursor:
        cursor.execute("SELECT news_word_pairs(%s)::text", ["khoa hoc, va cong nghe. Khoa hoc 2025 ab_c"])
        assert cursor.fetchone()[0] == (
            "'2025 ab' 'ab c' 'cong nghe' 'hoc 2025' 'hoc va' 'khoa hoc' 'nghe khoa' 'va cong'"
        )
    when = dt.datetime(2025, 6, 30, 9, tzinfo=HCM)
    body = [("paragraph", "<p>Nội dung bài viết.</p>")]
    together = make_article(category, "Ứng dụng khoa học và công nghệ vào sản xuất", date=when, body=body)
    make_article(category, "Khoa học cơ bản và công nghệ thông tin", date=when, body=body)  # the words, apart
    with CaptureQueriesContext(connection) as captured:
        found = titles(
            search_articles(
                query='"khoa học và công nghệ"',
                date_from=dt.datetime(2025, 1, 1, tzinfo=HCM),
                date_to=dt.datetime(2026, 1, 1, tzinfo=HCM),
                category=category,
            )
        )
    assert found == [together.title]
    statement = next(q["sql"] for q in captured.captured_queries if q["sql"].startswith("WITH f"))
    assert "khoa hoc'' & ''hoc va'' & ''va cong'' & ''cong nghe" in statement and "<->" not in statement
    assert "zzthang202501 |" in statement and "| zzthang202512" in statement


def test_the_whole_phrase_comes_first_only_among_the_newest_matches_of_a_filtered_search(home, category, settings):
    """A filtered search orders the whole phrase first within its window of newest matches
    (SEARCH_RANKED_MATCHES here 2, too few for the engine's rank): an older article holding
    the phrase follows the newer ones, newest (highest id) first, and every match is counted."""

    def article(name: str, text: str):
        return make_article(category, name, body=[("paragraph", f"<p>{text}</p>")])

    phrase, apart = "Kiểm tra an toàn bức xạ tại bệnh viện.", "Bức xạ được đo lại, an toàn cho người dân."
    oldest, older = article("Tin một", phrase), article("Tin hai", phrase)
    newer, newest = article("Tin ba", apart), article("Tin bốn", apart)
    settings.SEARCH_RANKED_MATCHES = settings.SEARCH_BROAD_LIMIT = 2
    results = search_articles(query="an toan buc xa", category=category)
    assert titles(results) == [newest.title, newer.title, older.title, oldest.title]
    assert results.count() == 4
    newer.body = [("paragraph", f"<p>{phrase}</p>")]
    newer.save_revision().publish()
    assert titles(search_articles(query="an toan buc xa", category=category)) == [
        newer.title,
        newest.title,
        older.title,
        oldest.title,
    ]

"""View counting under concurrency, categories."""

import threading

import pytest
from django.db import connection

from portal.news.models import ArticleViewCount, CategoryPage
from portal.news.selectors import article_view_count
from portal.news.services import article_view_count_set_minimum, article_views_add, category_get_or_create


def test_view_record_creates_then_increments(article):
    article_views_add({article.pk: 1})
    article_views_add({article.pk: 2, 987654: 5})  # pages that are not articles are left out
    assert article_view_count(article_id=article.pk) == 3
    assert ArticleViewCount.objects.filter(page_id=article.pk).count() == 1


def test_set_minimum_never_lowers(article):
    article_view_count_set_minimum(article_id=article.pk, count=10)
    article_view_count_set_minimum(article_id=article.pk, count=4)
    assert article_view_count(article_id=article.pk) == 10


@pytest.mark.django_db(transaction=True)
def test_concurrent_views_are_not_lost():
    """8 threads × 25 flushes on a fresh row: every increment lands (no read-modify-write)."""
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_article, make_category

    home = portal_setup()
    article = make_article(make_category(home, "Đồng thời"), "Bài nhiều người đọc")
    threads, errors = [], []

    def visit():
        try:
            for _ in range(25):
                article_views_add({article.pk: 1})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    for _ in range(8):
        threads.append(threading.Thread(target=visit))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert article_view_count(article_id=article.pk) == 200


def test_category_get_or_create_matches_loosely(home):
    first, created = category_get_or_create(name="Thi đua – Khen thưởng")
    again, created_again = category_get_or_create(name="  THI DUA - khen thuong ")
    assert created and not created_again and first.pk == again.pk
    assert first.live and first.slug == "thi-dua-khen-thuong"
    assert CategoryPage.objects.count() == 1


def test_categories_nest_one_level_only(home):
    from portal.news.tests.factories import make_category

    top = make_category(home, "Tin tức")
    sub = make_category(top, "Hoạt động")
    assert CategoryPage.can_create_at(top)
    assert not CategoryPage.can_create_at(sub)


def test_seed_synthetic_command_refuses_on_a_production_like_setup(home, settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False
    settings.PORTAL_ALLOW_SYNTHETIC = False
    with pytest.raises(CommandError, match="máy phát triển"):
        call_command("seed_synthetic", "--articles", "3", verbosity=0)
    with pytest.raises(CommandError, match="lớn hơn 0"):
        call_command("seed_synthetic", "--articles", "0", verbosity=0)


def test_seed_synthetic_command_reports_what_it_made(home):
    from io import StringIO

    from django.core.management import call_command

    from portal.news.models import ArticlePage

    out = StringIO()
    call_command(
        "seed_synthetic", "--articles", "12", "--categories", "3", "--batch-size", "5", verbosity=0, stdout=out
    )
    assert "Đã tạo 12 bài viết" in out.getvalue() and "lập chỉ mục" in out.getvalue()
    synthetic = ArticlePage.objects.live().filter(url_path__contains="/du-lieu-thu-nghiem/")
    assert synthetic.count() == 12
    first = synthetic.first()
    assert first.get_parent().numchild == 4 and first.body_text()  # tree counts and body are valid
    from wagtail.models import Page

    assert all(not problems for problems in Page.find_problems())  # treebeard finds nothing wrong

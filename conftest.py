"""Shared fixtures: a set-up portal (home page, roles, workflow) and article builders."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_caches():
    for alias in settings.CACHES:
        caches[alias].clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def _media_root():
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def _no_visit_flush_after_tests():
    """Pages loaded by browser tests leave visit hits in the buffer; the test database is gone
    when the process exits, so they are dropped instead of written at exit."""
    yield
    from portal.visits.buffer import get_buffer

    get_buffer().clear()


@pytest.fixture
def home(db):
    from portal.home.setup import portal_setup

    return portal_setup()


@pytest.fixture
def category(home):
    from portal.news.tests.factories import make_category

    return make_category(home, "Tin hoạt động")


@pytest.fixture
def article(category):
    from portal.news.tests.factories import make_article

    return make_article(category, "Hội nghị điển hình tiên tiến năm 2025")

"""Shared fixtures: a set-up portal (home page, roles, workflow; set up once per run) and article
builders."""

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches and an empty visit buffer (the page-view pipeline
    keeps hits in the process until a flush)."""
    from portal.core.pages import forget_view_restrictions
    from portal.visits.services import get_buffer

    for alias in settings.CACHES:
        caches[alias].clear()
    forget_view_restrictions()
    get_buffer().clear()
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
    from portal.visits.services import get_buffer

    get_buffer().clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The portal is set up once per run in the test database (home page, default site, roles,
    approval workflow, glossary, petition fields and groups): every test runs in a transaction
    rolled back after it, so each starts from this state without paying for it again."""
    with django_db_blocker.unblock():
        from portal.home.setup import portal_setup

        portal_setup()


@pytest.fixture
def home(db):
    """The set-up portal's home page. pytest-django runs the tests that flush the database
    (live servers, transactional tests) after the others; for those it is set up again."""
    from portal.home.models import HomePage

    found = HomePage.objects.first()
    if found is not None:
        return found
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


@pytest.fixture
def browser():
    """Debian's chromium through Playwright, for the modules marked with ``BROWSER``."""
    from portal.core.tests.browser import CHROMIUM, CHROMIUM_ARGS

    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
        )
        yield instance
        instance.close()
        # Playwright's event loop gives queries made meanwhile their own connection
        # (asgiref context); close it here or PostgreSQL cannot drop the test database.
        connections.close_all()


@pytest.fixture
def published(transactional_db):
    """A featured article and another one, committed, for browser tests on a live server."""
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_article, make_category

    home = portal_setup()
    category = make_category(home, "Tin hoạt động")
    article = make_article(category, "Hội nghị điển hình tiên tiến", is_featured=True)
    make_article(category, "Bài viết khác thứ nhất")
    return article

"""Shared fixtures: a set-up portal (home page, roles, workflow; set up once per run) and article
builders."""

import shutil

import pytest
from django.conf import settings
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _clear_caches():
    """Each test starts with empty caches and an empty visit buffer (the page-view pipeline
    keeps hits in the process until a flush)."""
    from portal.visits.services import get_buffer

    for alias in settings.CACHES:
        caches[alias].clear()
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

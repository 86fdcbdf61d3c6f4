"""Fixtures of the project-wide tests that run the production stack (portal.core.localstack)."""

import os
from urllib.parse import urlsplit

import pytest


@pytest.fixture
def stack_database(request):
    """The address of a PostgreSQL database of this test's own, next to the test database,
    dropped afterwards (the stack creates it); skipped without DATABASE_URL and REDIS_URL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres") or not os.environ.get("REDIS_URL"):
        pytest.skip("needs DATABASE_URL (PostgreSQL) and REDIS_URL")
    import psycopg

    parts = urlsplit(url)
    name = f"portal_{request.module.__name__.rsplit('.', 1)[-1].removeprefix('test_')}_{os.getpid()}"
    admin = parts._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    yield parts._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

"""Fixtures of the glossary tests."""

import pytest

from portal.glossary.models import Abbreviation


@pytest.fixture
def empty_glossary(db):
    """A glossary without entries (the set-up portal has the starter list; rolled back after)."""
    Abbreviation.objects.all().delete()

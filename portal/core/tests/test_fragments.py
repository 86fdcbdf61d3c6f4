"""render_plain: small widgets drawn once per process for the same values and language."""

import pytest
from django.utils import translation

from portal.core import fragments

TEMPLATE = "feedback/sidebar_counters.html"
COUNTS = {"answered": 12, "processing": 3, "refused": 1, "received": 2}


@pytest.fixture(autouse=True)
def _fresh(settings):
    settings.DEBUG = False
    fragments.forget()
    yield
    fragments.forget()


def _drawn(monkeypatch) -> list[str]:
    calls: list[str] = []
    real = fragments.render_to_string

    def spy(name, context):
        calls.append(name)
        return real(name, context)

    monkeypatch.setattr(fragments, "render_to_string", spy)
    return calls


def test_the_same_values_are_drawn_once(monkeypatch):
    calls = _drawn(monkeypatch)
    first = fragments.render_plain(TEMPLATE, counters=dict(COUNTS), processing=5)
    again = fragments.render_plain(TEMPLATE, processing=5, counters=dict(reversed(list(COUNTS.items()))))
    assert first == again and len(calls) == 1
    assert "12" in first and "Phản ánh, kiến nghị" in first  # Vietnamese, the default language


def test_other_values_or_language_are_drawn_again(monkeypatch):
    calls = _drawn(monkeypatch)
    vi = fragments.render_plain(TEMPLATE, counters=dict(COUNTS), processing=5)
    changed = fragments.render_plain(TEMPLATE, counters={**COUNTS, "answered": 13}, processing=5)
    with translation.override("en"):
        en = fragments.render_plain(TEMPLATE, counters=dict(COUNTS), processing=5)
    assert len(calls) == 3
    assert "13" in changed and "13" not in vi
    assert en != vi and "Citizen petitions" in en


def test_debug_draws_every_time(monkeypatch, settings):
    settings.DEBUG = True
    calls = _drawn(monkeypatch)
    fragments.render_plain(TEMPLATE, counters=dict(COUNTS), processing=5)
    fragments.render_plain(TEMPLATE, counters=dict(COUNTS), processing=5)
    assert len(calls) == 2


def test_only_plain_values_are_taken():
    with pytest.raises(TypeError):
        fragments.render_plain(TEMPLATE, counters=object(), processing=5)
    with pytest.raises(TypeError):
        fragments.render_plain(TEMPLATE, counters={"answered": [1]}, processing=5)


def test_a_preview_keeps_no_fragment(rf):
    request = rf.get("/")
    assert fragments.fragment_seconds(request) == fragments.FRAGMENT_SECONDS > 0
    request.is_preview = True
    assert fragments.fragment_seconds(request) == 0

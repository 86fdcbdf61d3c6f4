"""Bulk publishing (bulk.py)."""

from portal.core import bulk


def test_bulk_publishing_clears_the_page_cache_once(monkeypatch):
    clears = []
    monkeypatch.setattr(bulk, "empty_page_cache", lambda: clears.append(1))
    with bulk.bulk_publishing():
        assert bulk.active()
        for _ in range(5):
            bulk.clear_page_cache()
        with bulk.bulk_publishing():  # nested: the outer one finishes
            bulk.clear_page_cache()
        assert clears == []
    assert clears == [1] and not bulk.active()
    bulk.clear_page_cache()
    assert clears == [1, 1]

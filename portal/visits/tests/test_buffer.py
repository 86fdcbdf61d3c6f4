"""The hit buffers (buffer.py): written at exit from memory, kept in Redis through a failed flush."""

import datetime as dt
from unittest import mock

import pytest

from portal.visits import buffer, services
from portal.visits.models import (
    DailyTotal,
)

from .factories import at, hit


def test_memory_buffer_is_written_at_exit(home, settings):
    settings.REDIS_URL = ""
    memory = buffer.MemoryBuffer(interval=0)
    with mock.patch.object(buffer, "_buffer", memory):
        hit(when=at(dt.date(2026, 11, 25)))
        exit_hooks = []
        with mock.patch("atexit.register", exit_hooks.append):
            buffer.install_exit_flush()
        exit_hooks[0]()
    assert DailyTotal.objects.get(day=dt.date(2026, 11, 25)).views == 1


@pytest.mark.skipif(not __import__("os").environ.get("REDIS_URL"), reason="needs REDIS_URL")
def test_redis_buffer_survives_a_failed_flush(home):
    assert isinstance(buffer.get_buffer(), buffer.RedisBuffer)
    today = dt.date(2026, 11, 25)
    hit(when=at(today))
    with pytest.raises(RuntimeError):
        buffer.get_buffer().flush(writer=mock.Mock(side_effect=RuntimeError("database unavailable")))
    hit(ip="10.7.7.7", when=at(today))  # arrives while the first batch waits in Redis
    assert buffer.get_buffer().pending().counters[f"{today}|total|"] == 2
    services.visits_flush()
    assert DailyTotal.objects.get(day=today).views == 2
    assert not buffer.get_buffer().pending()


def test_one_bad_hit_never_blocks_the_others(home, caplog):
    """Issue 14.5: a page number past 64 bits made every later flush fail (the failed batch was
    put back whole), so no visit was counted again in that process."""
    memory = buffer.MemoryBuffer(interval=0)
    today = dt.date(2026, 11, 26)
    bad = f"{today}|page|{10**23}"

    def database(batch):  # SQLite refuses integers past 64 bits like this
        if bad in batch.counters:
            raise OverflowError("Python int too large to convert to SQLite INTEGER")
        services.visits_write(batch)

    with mock.patch.object(buffer, "_buffer", memory):
        memory.add(buffer.Hit(day=today.isoformat(), at=at(today), visitor="v1", device="desktop", page_id=10**23))
        hit(when=at(today))
        memory.flush(writer=database)
        assert not memory.pending()  # the bad item was dropped, not put back
        hit(ip="198.51.100.9", when=at(today))
        memory.flush(writer=database)
    assert DailyTotal.objects.get(day=today).views == 3  # every hit counted in the totals
    assert "visit counter dropped" in caplog.text


def test_an_outage_keeps_the_whole_batch(home):
    from django.db import OperationalError

    memory = buffer.MemoryBuffer(interval=0)
    with mock.patch.object(buffer, "_buffer", memory):
        hit(when=at(dt.date(2026, 11, 27)))
        with pytest.raises(OperationalError):
            memory.flush(writer=mock.Mock(side_effect=OperationalError("database is locked")))
        assert memory.pending().counters["2026-11-27|total|"] == 1


def test_the_edge_refuses_page_numbers_out_of_range(client, home):
    for page in (99999999999999999999999, -1, 2**63):
        response = client.post("/api/v1/visits/hit", {"page": page}, content_type="application/json")
        assert response.status_code in (200, 422)
    services.visits_flush()  # and nothing poisons the flush


def test_an_outage_part_way_keeps_only_what_was_not_written(home):
    from django.db import OperationalError

    memory = buffer.MemoryBuffer(interval=0)
    today = dt.date(2026, 11, 28)
    written = []

    def database(batch):
        if len(batch.counters) + len(batch.visitors) > 1:
            raise OverflowError("one item is out of range")  # so the batch is written item by item
        if len(written) == 2:
            raise OperationalError("database is locked")  # the database goes away after two items
        written.append(batch)

    with mock.patch.object(buffer, "_buffer", memory):
        hit(when=at(today))
        items = len(memory.pending().counters) + len(memory.pending().visitors)
        with pytest.raises(OperationalError):
            memory.flush(writer=database)
        left = memory.pending()
        assert len(left.counters) + len(left.visitors) == items - 2  # the two written are not kept

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

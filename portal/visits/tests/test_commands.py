"""The flush_visits command."""

import datetime as dt

from portal.visits.models import (
    DailyTotal,
    DailyVisitor,
)

from .factories import at, hit


def test_flush_command_writes_and_rolls_up(home, capsys):
    from django.core.management import call_command

    hit(when=at(dt.date(2020, 1, 1)))
    call_command("flush_visits")
    assert "1" in capsys.readouterr().out
    assert DailyTotal.objects.get(day=dt.date(2020, 1, 1)).visitors == 1
    assert not DailyVisitor.objects.exists()

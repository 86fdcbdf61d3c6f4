"""Demo S&T tasks: 66 tasks started over six years (the current one included) at the
organisations of demo_data, in every status, each with the history its status implies.
Deterministic and idempotent (nothing is added once a task exists)."""

from __future__ import annotations

import datetime as dt
import random
from itertools import product

from django.db import transaction
from django.utils import timezone

from . import demo_data as data
from .models import Organisation, Rating, Selection, Task, TaskEvent, TaskStatus

S = TaskStatus
YEARS = 6
PER_YEAR = 11
PREFIX = {"de-tai": "ĐT", "du-an-sxtn": "DA", "du-an-khcn": "DA", "de-an": "ĐA", "khac": "NV"}


def _months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


STOPPED = {(4, 2), (3, 5), (2, 8)}  # (age, slot) of the tasks that were stopped


def _status(rng: random.Random, age: int, slot: int) -> str:
    """A believable status for a task that started `age` years ago."""
    roll = rng.random()
    if (age, slot) in STOPPED:
        return S.TERMINATED
    if age >= 3:
        return S.TERMINATED if roll < 0.08 else S.EXTENDED if roll < 0.12 else S.ACCEPTED
    if age == 2:
        return (
            S.ACCEPTED if roll < 0.4 else S.EXTENDED if roll < 0.65 else S.TERMINATED if roll < 0.7 else S.IN_PROGRESS
        )
    if age == 1:
        return S.IN_PROGRESS if roll < 0.8 else S.EXTENDED
    return S.PROPOSED if roll < 0.35 else S.APPROVED if roll < 0.6 else S.IN_PROGRESS


def _person(rng: random.Random) -> str:
    return f"{rng.choice(data.DEGREES)} {rng.choice(data.FAMILY)} {rng.choice(data.MIDDLE)} {rng.choice(data.GIVEN)}"


@transaction.atomic
def demo_tasks() -> str:
    if Task.objects.exists():
        return ""
    rng = random.Random(2015)
    today = timezone.localdate()
    hosts = [
        Organisation.objects.get_or_create(name=name, defaults={"short_name": short})[0]
        for name, short in data.ORGANISATIONS
    ]
    titles = [(f, k, lv, title + place) for place, (f, k, lv, title) in product(data.PLACES, data.TITLES)]
    numbers: dict[tuple[str, int], int] = {}
    created = 0
    for age, slot in product(range(YEARS - 1, -1, -1), range(PER_YEAR)):
        year = today.year - age
        field, kind, level, title = titles[(created * 7) % len(titles)]
        start = dt.date(year, rng.choice([1, 3, 4, 6, 7, 9]) if age else rng.choice([1, 2, 3]), 1)
        if start > today:
            start = dt.date(year, 1, 1)
        end = _months(start, rng.choice([12, 18, 24, 24, 30, 36]))
        status = _status(rng, age, slot)
        accepted_on = _months(end, rng.choice([1, 2, 3]))
        if status == S.ACCEPTED and accepted_on > today:
            status = S.IN_PROGRESS
        if status in (S.IN_PROGRESS, S.EXTENDED) and end < today:
            end = _months(today, 3 if status == S.IN_PROGRESS else 6)
        prefix = PREFIX[kind]
        numbers[(prefix, year)] = numbers.get((prefix, year), 0) + 1
        budget = rng.randrange(30, 250) * 10_000_000
        task = Task(
            code=f"{prefix}.{numbers[(prefix, year)]:02d}/{year}",
            title=title,
            kind=kind,
            level=level,
            field=field,
            host=hosts[rng.choice(data.HOSTS_BY_FIELD[field])],
            investigator=_person(rng),
            members="\n".join(_person(rng) for _ in range(rng.randrange(3, 7))),
            start=start,
            end=end,
            budget_province=budget,
            budget_other=rng.choice([0, 0, budget // 5, budget // 10]),
            status=status,
            selection="" if status == S.PROPOSED else rng.choice(Selection.values),
            summary=data.SUMMARIES[field],
        )
        if status == S.ACCEPTED:
            task.rating = rng.choices(Rating.values, weights=[2, 5, 3, 0.4])[0]
            task.accepted_on = accepted_on
            task.results = data.RESULTS[field]
            task.application = data.APPLICATIONS[field]
            if task.rating != Rating.FAIL and _months(accepted_on, 1) <= today:
                task.registration_number = f"{created + 12}/{accepted_on.year}/ĐKKQ"
                task.registration_date = _months(accepted_on, 1)
        task.full_clean()
        task.save()
        _history(task, rng)
        created += 1
    return f"Nhiệm vụ KH&CN: {created} nhiệm vụ, {len(hosts)} tổ chức chủ trì."


def _history(task: Task, rng: random.Random) -> None:
    """The events the task's status implies, dated along its life."""
    steps = [("create", "", S.PROPOSED, _months(task.start, -5), "")]
    if task.status != S.PROPOSED:
        steps.append(("approve", S.PROPOSED, S.APPROVED, _months(task.start, -2), ""))
    if task.status not in (S.PROPOSED, S.APPROVED):
        steps.append(("start", S.APPROVED, S.IN_PROGRESS, task.start, ""))
    if task.status == S.EXTENDED:
        steps.append(("extend", S.IN_PROGRESS, S.EXTENDED, _months(task.end, -6), rng.choice(data.EXTENSION_REASONS)))
    if task.status == S.ACCEPTED:
        steps.append(("accept", S.IN_PROGRESS, S.ACCEPTED, task.accepted_on, ""))
    if task.status == S.TERMINATED:
        last = steps[-1][2]
        steps.append(("terminate", last, S.TERMINATED, _months(task.start, 8), rng.choice(data.TERMINATION_REASONS)))
    today = timezone.localdate()
    for action, before, after, day, reason in steps:
        event = TaskEvent.objects.create(task=task, action=action, from_status=before, to_status=after, reason=reason)
        moment = timezone.make_aware(dt.datetime.combine(min(day, today), dt.time(9, 30)))
        TaskEvent.objects.filter(pk=event.pk).update(at=moment)

"""Reads on the S&T task registry: the public lists (under way, results) with their filters,
a task and its history, the figures of the statistics. What is public: everything but the
members' names (Task.members) and who made each change (TaskEvent.user)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from portal.core.text import fold_for_search

from .models import RUNNING, Organisation, Task, TaskEvent, TaskStatus

MAX_WORDS = 8


@dataclass(frozen=True)
class TaskFilters:
    """The filters of the public lists and of the API, already validated."""

    year: int | None = None  # active in that year
    field: str = ""
    level: str = ""
    host_id: int | None = None
    status: str = ""
    q: str = ""


def query_words(q: str) -> list[str]:
    return fold_for_search(q or "").split()[:MAX_WORDS]


def public_tasks() -> QuerySet[Task]:
    return Task.objects.select_related("host").defer("members", "search_text")


def filtered_tasks(filters: TaskFilters, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    """Every word of `q` must occur in the code, title, host, investigator or summary, without
    diacritics ("nong nghiep cong nghe cao" finds "nông nghiệp công nghệ cao")."""
    tasks = public_tasks() if queryset is None else queryset
    if filters.year:
        tasks = tasks.filter(start__year__lte=filters.year, end__year__gte=filters.year)
    if filters.field:
        tasks = tasks.filter(field=filters.field)
    if filters.level:
        tasks = tasks.filter(level=filters.level)
    if filters.host_id:
        tasks = tasks.filter(host_id=filters.host_id)
    if filters.status:
        tasks = tasks.filter(status=filters.status)
    for word in query_words(filters.q):
        tasks = tasks.filter(search_text__contains=word)
    return tasks


def running_tasks(filters: TaskFilters) -> QuerySet[Task]:
    return filtered_tasks(filters).filter(status__in=RUNNING).order_by("end", "code")


def accepted_tasks(filters: TaskFilters) -> QuerySet[Task]:
    return filtered_tasks(filters).filter(status=TaskStatus.ACCEPTED).order_by("-accepted_on", "code")


def newly_accepted(limit: int = 30) -> list[Task]:
    return list(public_tasks().filter(status=TaskStatus.ACCEPTED).order_by("-accepted_on", "-pk")[:limit])


def task_years() -> list[int]:
    """Every year some task is active in, newest first (the year filter's choices)."""
    first = Task.objects.order_by("start").values_list("start", flat=True).first()
    last = Task.objects.order_by("-end").values_list("end", flat=True).first()
    if first is None or last is None:
        return []
    return list(range(last.year, first.year - 1, -1))


def host_choices() -> list[Organisation]:
    return list(Organisation.objects.filter(tasks__isnull=False).distinct().order_by("name"))


def task_by_code(code: str) -> Task | None:
    return public_tasks().filter(code=" ".join((code or "").split())).first()


def task_history(task: Task) -> list[TaskEvent]:
    """The public history: when, which step, from and to which status, and why (never who)."""
    return list(TaskEvent.objects.filter(task=task).defer("user", "data").order_by("at", "pk"))


def status_counts() -> dict[str, int]:
    rows = Task.objects.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    counts = dict.fromkeys(TaskStatus.values, 0)
    counts.update(dict(rows))
    return counts


_DEGREES = re.compile(r"^(?:(?:gs|pgs|ts|tskh|ths|ks|cn|bs|ds|kts|ncs)\b[\s.]*)+")


def _person(name: str) -> str:
    """A name folded, without the academic titles written before it ("PGS.TS. Trần Thị Mai")."""
    return " ".join(_DEGREES.sub("", fold_for_search(name).replace(".", ". ")).split())


def accepted_tasks_led_by(full_name: str, year: int) -> list[Task]:
    """Tasks accepted in `year` whose principal investigator is `full_name` (titles and
    diacritics aside): what the emulation and awards records may count as an accepted task
    (Luật Thi đua, khen thưởng 06/2022/QH15, Điều 23). The registry names investigators as
    written, so this matches names, not people: a namesake is possible and the officer decides."""
    wanted = _person(full_name)
    if not wanted:
        return []
    accepted = Task.objects.filter(status=TaskStatus.ACCEPTED, accepted_on__year=year).order_by("code")
    return [task for task in accepted if _person(task.investigator) == wanted]

"""S&T tasks as a content type of the site search ("Nhiệm vụ KH&CN" tab)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.search.highlight import highlight_text
from portal.search.sources import Hit, Results, SearchRequest, Source

from .models import Task
from .selectors import TaskFilters, filtered_tasks, query_words


def _find(request: SearchRequest) -> Results:
    if not query_words(request.query):
        return Results(Task.objects.none())
    tasks = filtered_tasks(TaskFilters(q=request.query))
    if request.date_from:
        tasks = tasks.filter(start__gte=request.date_from.date())
    if request.date_to:
        tasks = tasks.filter(start__lt=request.date_to.date())
    return Results(tasks.order_by("-start", "code"))


def _hits(items: list, query: str) -> list[Hit]:
    hits = []
    for task in items:
        marked = highlight_text(f"{task.code} – {task.title}", [task.summary, task.host.name], query)
        hits.append(
            Hit(
                title=marked.title,
                snippet=marked.snippet,
                url=reverse("science_task", args=[task.pk]),
                date=task.public_time(),
                section=task.get_field_display(),
            )
        )
    return hits


TASKS_SOURCE = Source(key="nhiem-vu-khcn", label=_("S&T tasks"), find=_find, hits=_hits, order=60)

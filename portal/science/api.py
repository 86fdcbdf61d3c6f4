"""The S&T task API (fixed interface): `/science-tasks` (list with filters), `/science-tasks.csv`
(the same filters, the import's columns: an export imports back unchanged) and
`/science-tasks/{code}` (the code URL-encoded: "ĐT.02/2024" → "%C4%90T.02%2F2024"). The members'
names and who made each change are never in it."""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field as SchemaField

from portal.core.apierrors import with_errors
from portal.core.links import site_url
from portal.core.params import YEARS
from portal.core.reports import csv_response

from .importing import HEADER, export_row
from .models import Field, Level, Task, TaskStatus
from .selectors import TaskFilters, filtered_tasks, task_by_code, task_history
from .statistics import all_datasets, dataset

router = Router(tags=["science"])

StatusSlug = Literal[tuple(TaskStatus.values)]
FieldSlug = Literal[tuple(Field.values)]
LevelSlug = Literal[tuple(Level.values)]


class TaskOut(Schema):
    code: str
    title: str
    kind: str
    level: str
    field: str
    host: str
    investigator: str
    start: str
    end: str
    status: str
    rating: str | None
    budget_province: int
    budget_other: int
    url: str


class TaskListOut(Schema):
    count: int
    items: list[TaskOut]


class EventOut(Schema):
    at: str
    action: str
    label: str
    from_status: str
    to_status: str
    reason: str


class DocumentOut(Schema):
    title: str
    url: str


class TaskDetailOut(TaskOut):
    kind_label: str
    level_label: str
    field_label: str
    status_label: str
    selection: str
    accepted_on: str | None
    summary: str
    results: str
    application: str
    registration_number: str
    registration_date: str | None
    documents: list[DocumentOut]
    history: list[EventOut]


class TaskQuery(Schema):
    status: StatusSlug | None = SchemaField(
        None, description="proposed, approved, in_progress, extended, accepted, terminated"
    )
    field: FieldSlug | None = SchemaField(None, description="Field slug (tu-nhien, ky-thuat-cong-nghe, y-duoc, …)")
    level: LevelSlug | None = SchemaField(None, description="Level slug (quoc-gia, bo, tinh, co-so)")
    year: int | None = SchemaField(None, ge=YEARS[0], le=YEARS[1], description="Tasks active in that year")
    q: str | None = SchemaField(None, max_length=200, description="Words to find, with or without diacritics")


class TaskListQuery(TaskQuery):
    page: int = SchemaField(1, ge=1, le=100_000)
    page_size: int = SchemaField(20, ge=1, le=100)


def _filters(query: TaskQuery) -> TaskFilters:
    return TaskFilters(
        status=query.status or "", field=query.field or "", level=query.level or "", year=query.year, q=query.q or ""
    )


def _task(task: Task) -> dict:
    return {
        "code": task.code,
        "title": task.title,
        "kind": task.kind,
        "level": task.level,
        "field": task.field,
        "host": task.host.name,
        "investigator": task.investigator,
        "start": task.start.isoformat(),
        "end": task.end.isoformat(),
        "status": task.status,
        "rating": task.rating or None,
        "budget_province": task.budget_province,
        "budget_other": task.budget_other,
        "url": site_url(reverse("science_task", args=[task.pk])),
    }


@router.get("/science-tasks", response=with_errors(TaskListOut, 422), summary="S&T tasks, newest first")
def tasks_list(request: HttpRequest, query: Query[TaskListQuery]):
    tasks = filtered_tasks(_filters(query)).order_by("-start", "code")
    start = (query.page - 1) * query.page_size
    return {"count": tasks.count(), "items": [_task(task) for task in tasks[start : start + query.page_size]]}


@router.get(
    "/science-tasks.csv",
    response=with_errors({200: str}, 422),
    summary="S&T tasks as CSV (UTF-8 with BOM, the columns of the import)",
    openapi_extra={"responses": {200: {"content": {"text/csv": {"schema": {"type": "string"}}}}}},
)
def tasks_csv(request: HttpRequest, query: Query[TaskQuery]):
    tasks = filtered_tasks(_filters(query)).order_by("-start", "code")
    return csv_response("nhiem-vu-khcn.csv", HEADER, (export_row(task) for task in tasks.iterator(chunk_size=500)))


@router.get(
    "/science-tasks/{path:code}", response=with_errors(TaskDetailOut, 404, 422), summary="One S&T task by its code"
)
def task_detail(request: HttpRequest, code: str):
    if len(code) > 40:
        raise HttpError(404, _("No such task."))
    task = task_by_code(code)
    if task is None:
        raise HttpError(404, _("No such task."))
    data = _task(task)
    data.update(
        kind_label=task.get_kind_display(),
        level_label=task.get_level_display(),
        field_label=task.get_field_display(),
        status_label=str(task.get_status_display()),
        selection=task.selection,
        accepted_on=task.accepted_on.isoformat() if task.accepted_on else None,
        summary=task.summary,
        results=task.results,
        application=task.application,
        registration_number=task.registration_number,
        registration_date=task.registration_date.isoformat() if task.registration_date else None,
        documents=[
            {"title": str(item), "url": site_url(item.document.url)}
            for item in task.documents.select_related("document")
        ],
        history=[
            {
                "at": event.at.isoformat(),
                "action": event.action,
                "label": event.label,
                "from_status": event.from_status,
                "to_status": event.to_status,
                "reason": event.reason,
            }
            for event in task_history(task)
        ],
    )
    return data


class DatasetSummaryOut(Schema):
    slug: str
    title: str
    unit: str
    updated_at: str | None


class DatasetOut(Schema):
    slug: str
    title: str
    unit: str
    source: str
    licence: str
    period: str
    description: str
    updated_at: str | None
    columns: list[str]
    column_labels: list[str]
    rows: list[list[int | float | str | None]]


@router.get("/statistics", response=list[DatasetSummaryOut], summary="The S&T statistics datasets")
def statistics_list(request: HttpRequest):
    return [
        {
            "slug": d.slug,
            "title": d.title,
            "unit": d.unit,
            "updated_at": d.updated_at.isoformat() if d.updated_at else None,
        }
        for d in all_datasets()
    ]


@router.get("/statistics/{slug}", response=with_errors(DatasetOut, 404), summary="One S&T statistics dataset")
def statistics_detail(request: HttpRequest, slug: str):
    data = dataset(slug[:60])
    if data is None:
        raise HttpError(404, _("No such dataset."))
    return data.as_json()

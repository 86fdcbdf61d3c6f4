"""Every change of an S&T task: the steps of its life (science_task_approve … terminate), the
record of an edit in the admin, and the import of one row of a file. Each runs in a transaction
on the locked task, checks where it starts from (portal.science.workflow) and the rules every
task meets (Task.clean), and leaves an event in the task's history (who, when, from, to, why)
and an entry in Wagtail's action log."""

from __future__ import annotations

import datetime as dt
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Organisation, Rating, Selection, Task, TaskEvent, TaskStatus
from .workflow import TABLE, TaskActionError

logger = logging.getLogger("portal.science")

__all__ = ["TaskActionError"]


def _messages(error: ValidationError) -> str:
    return " ".join(message for messages in error.message_dict.values() for message in messages)


def _record(task: Task, action: str, *, user, from_status: str, reason: str = "", **data) -> TaskEvent:
    event = TaskEvent.objects.create(
        task=task, user=user, action=action, from_status=from_status, to_status=task.status, reason=reason, data=data
    )
    log(task, f"portal.science.{action}", user=user, data={"from": from_status, "to": task.status, **data} or None)
    logger.info(
        "science task %s: %s %s→%s by user %s", task.pk, action, from_status, task.status, getattr(user, "pk", None)
    )
    return event


def _locked(task: Task) -> Task:
    return Task.objects.select_for_update().select_related("host").get(pk=task.pk)


def _save(task: Task, fields: list[str]) -> None:
    try:
        task.full_clean(exclude=["host"])
    except ValidationError as error:
        raise TaskActionError(_messages(error)) from None
    task.save(update_fields=[*fields, "updated_at"])


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise TaskActionError(_("Give the reason: it is kept in the task's history."))
    return reason


def science_task_approve(task: Task, *, user, selection: str, note: str = "") -> Task:
    """Đề xuất → Đã phê duyệt, by a call for proposals or by direct assignment."""
    if selection not in Selection.values:
        raise TaskActionError(_("Choose how the task was assigned."))
    with transaction.atomic():
        task = _locked(task)
        TABLE.check("approve", task, user)
        before = task.status
        task.status, task.selection = TaskStatus.APPROVED, selection
        _save(task, ["status", "selection"])
        _record(task, "approve", user=user, from_status=before, reason=note.strip(), selection=selection)
    return task


def science_task_start(task: Task, *, user, note: str = "") -> Task:
    """Đã phê duyệt → Đang thực hiện (the contract is signed)."""
    with transaction.atomic():
        task = _locked(task)
        TABLE.check("start", task, user)
        before = task.status
        task.status = TaskStatus.IN_PROGRESS
        _save(task, ["status"])
        _record(task, "start", user=user, from_status=before, reason=note.strip())
    return task


def science_task_extend(task: Task, *, user, new_end: dt.date, reason: str) -> Task:
    """Đang thực hiện / Gia hạn → Gia hạn: a later end date, with the reason."""
    reason = _reason(reason)
    with transaction.atomic():
        task = _locked(task)
        TABLE.check("extend", task, user)
        if new_end is None or new_end <= task.end:
            raise TaskActionError(
                _("The new end date must be after the current one (%(date)s).")
                % {"date": task.end.strftime("%d/%m/%Y")}
            )
        before, old_end = task.status, task.end
        task.status, task.end = TaskStatus.EXTENDED, new_end
        _save(task, ["status", "end"])
        _record(
            task,
            "extend",
            user=user,
            from_status=before,
            reason=reason,
            old_end=old_end.isoformat(),
            new_end=new_end.isoformat(),
        )
    return task


def science_task_accept(task: Task, *, user, rating: str, accepted_on: dt.date, results: str = "") -> Task:
    """Đang thực hiện / Gia hạn → Đã nghiệm thu, with the council's rating and date."""
    if rating not in Rating.values:
        raise TaskActionError(_("Choose the acceptance rating."))
    with transaction.atomic():
        task = _locked(task)
        TABLE.check("accept", task, user)
        if accepted_on is None:
            raise TaskActionError(_("An accepted task needs its acceptance date."))
        before = task.status
        task.status, task.rating, task.accepted_on = TaskStatus.ACCEPTED, rating, accepted_on
        fields = ["status", "rating", "accepted_on"]
        if results.strip():
            task.results = results.strip()
            fields.append("results")
        _save(task, fields)
        _record(task, "accept", user=user, from_status=before, rating=rating, accepted_on=accepted_on.isoformat())
    return task


def science_task_terminate(task: Task, *, user, reason: str) -> Task:
    """Any status before the acceptance → Dừng thực hiện, with the reason."""
    reason = _reason(reason)
    with transaction.atomic():
        task = _locked(task)
        TABLE.check("terminate", task, user)
        before = task.status
        task.status = TaskStatus.TERMINATED
        _save(task, ["status"])
        _record(task, "terminate", user=user, from_status=before, reason=reason)
    return task


def science_task_edited(task: Task, *, user, created: bool, changed: list[str]) -> None:
    """The history line of a task saved from the admin's form (which never sets the status)."""
    _record(
        task, "create" if created else "edit", user=user, from_status="" if created else task.status, fields=changed
    )


# --- Import ---------------------------------------------------------------------------------

IMPORTED_FIELDS = [
    "title", "kind", "level", "field", "investigator", "start", "end", "budget_province", "budget_other",
    "status", "rating", "accepted_on", "summary", "results", "application", "registration_number",
    "registration_date",
]  # fmt: skip


def organisation_for(name: str, *, create: bool) -> Organisation | None:
    """The host organisation by name, ignoring case and spacing; made when `create` and absent."""
    name = " ".join((name or "").split())
    if not name:
        return None
    found = Organisation.objects.filter(name__iexact=name).first()
    if found is None and create:
        found = Organisation.objects.create(name=name)
    return found


def science_task_import_row(values: dict, *, user, dry_run: bool = False) -> str:
    """Create or update the task with `values["code"]` from one row of a file (values already
    parsed: dates, amounts, slugs). Returns "created", "updated" or "unchanged"; raises
    TaskActionError with the reasons when the row breaks a rule. A status is taken as the file
    says (an extension or a termination needs no reason here): the history says it came from a
    file."""
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(code=values["code"]).first()
        created = task is None
        if created:
            task = Task(code=values["code"])
        if not (values.get("host") or "").strip():
            raise TaskActionError(_("The host organisation is missing."))
        host = organisation_for(values["host"], create=not dry_run)  # None: a new one, in a dry run
        before = {name: getattr(task, name) for name in IMPORTED_FIELDS}
        before_host = task.host_id
        for name in IMPORTED_FIELDS:
            if name in values:
                setattr(task, name, values[name])
        if host is not None:
            task.host = host
        changed = [name for name in IMPORTED_FIELDS if getattr(task, name) != before[name]]
        if not created and host is not None and host.pk != before_host:
            changed.append("host")
        try:
            task.full_clean(exclude=["host"] if host is None else None, validate_unique=False)
        except ValidationError as error:
            raise TaskActionError(_messages(error)) from None
        if not created and not changed:
            return "unchanged"
        if dry_run:
            return "created" if created else "updated"
        task.save()
        _record(
            task,
            "import",
            user=user,
            from_status="" if created else before["status"],
            reason=_("Imported from a file."),
            fields=changed,
        )
    return "created" if created else "updated"

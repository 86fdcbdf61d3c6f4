"""Every step of a task's life, allowed and refused, with its history and permissions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from portal.science import services
from portal.science.models import TaskEvent, TaskStatus
from portal.science.workflow import TABLE

S = TaskStatus


def _run(task, user):
    task = services.science_task_approve(task, user=user, selection="tuyen-chon", note="QĐ 12/QĐ-UBND")
    return services.science_task_start(task, user=user)


def test_the_whole_life_is_logged(make_task, manager):
    task = _run(make_task(), manager)
    task = services.science_task_extend(task, user=manager, new_end=dt.date(2026, 3, 1), reason="Thời tiết bất lợi")
    task = services.science_task_accept(
        task, user=manager, rating="kha", accepted_on=dt.date(2026, 4, 2), results="Quy trình"
    )
    assert (task.status, task.rating, task.end, task.results) == (S.ACCEPTED, "kha", dt.date(2026, 3, 1), "Quy trình")
    events = list(TaskEvent.objects.filter(task=task).values_list("action", "from_status", "to_status"))
    assert events == [
        ("approve", S.PROPOSED, S.APPROVED),
        ("start", S.APPROVED, S.IN_PROGRESS),
        ("extend", S.IN_PROGRESS, S.EXTENDED),
        ("accept", S.EXTENDED, S.ACCEPTED),
    ]
    extension = TaskEvent.objects.get(task=task, action="extend")
    assert extension.reason == "Thời tiết bất lợi" and extension.user == manager
    assert extension.data == {"old_end": "2025-09-01", "new_end": "2026-03-01"}
    assert ModelLogEntry.objects.filter(action="portal.science.accept", object_id=str(task.pk)).exists()


def test_transitions_table():
    table = TABLE.transitions()
    assert table[S.PROPOSED] == {"approve": S.APPROVED, "terminate": S.TERMINATED}
    assert table[S.IN_PROGRESS] == {"extend": S.EXTENDED, "accept": S.ACCEPTED, "terminate": S.TERMINATED}
    assert table[S.ACCEPTED] == {} and table[S.TERMINATED] == {}


@pytest.mark.parametrize(
    "step, kwargs",
    [
        ("start", {}),
        ("extend", {"new_end": dt.date(2027, 1, 1), "reason": "x"}),
        ("accept", {"rating": "dat", "accepted_on": dt.date(2025, 1, 1)}),
    ],
)
def test_steps_refused_from_proposed(make_task, manager, step, kwargs):
    task = make_task()
    with pytest.raises(services.TaskActionError, match="Đề xuất"):
        getattr(services, f"science_task_{step}")(task, user=manager, **kwargs)
    task.refresh_from_db()
    assert task.status == S.PROPOSED and not TaskEvent.objects.exists()


def test_accepted_and_terminated_are_final(make_task, manager):
    task = _run(make_task(), manager)
    task = services.science_task_accept(task, user=manager, rating="dat", accepted_on=dt.date(2025, 10, 1))
    with pytest.raises(services.TaskActionError):
        services.science_task_terminate(task, user=manager, reason="Thử")
    stopped = services.science_task_terminate(make_task("ĐT.02/2024"), user=manager, reason="Chủ nhiệm chuyển công tác")
    assert stopped.status == S.TERMINATED
    with pytest.raises(services.TaskActionError):
        services.science_task_approve(stopped, user=manager, selection="tuyen-chon")


def test_acceptance_rules(make_task, manager):
    task = _run(make_task(), manager)
    with pytest.raises(services.TaskActionError, match="trước ngày bắt đầu"):
        services.science_task_accept(task, user=manager, rating="kha", accepted_on=dt.date(2024, 2, 1))
    with pytest.raises(services.TaskActionError, match="tương lai"):
        services.science_task_accept(task, user=manager, rating="kha", accepted_on=dt.date(2099, 1, 1))
    with pytest.raises(services.TaskActionError, match="xếp loại"):
        services.science_task_accept(task, user=manager, rating="", accepted_on=dt.date(2025, 1, 1))
    task.refresh_from_db()
    assert task.status == S.IN_PROGRESS and task.rating == ""


def test_extension_needs_a_later_date_and_a_reason(make_task, manager):
    task = _run(make_task(), manager)
    with pytest.raises(services.TaskActionError, match="sau ngày kết thúc hiện tại"):
        services.science_task_extend(task, user=manager, new_end=dt.date(2025, 9, 1), reason="Lý do")
    with pytest.raises(services.TaskActionError, match="lý do"):
        services.science_task_extend(task, user=manager, new_end=dt.date(2026, 9, 1), reason="  ")
    with pytest.raises(services.TaskActionError, match="lý do"):
        services.science_task_terminate(task, user=manager, reason="")


def test_rules_of_every_task(make_task):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Ngày kết thúc không được trước"):
        make_task(end=dt.date(2023, 1, 1))
    with pytest.raises(ValidationError, match="Chỉ nhiệm vụ đã nghiệm thu"):
        make_task(rating="kha")
    with pytest.raises(ValidationError, match="số đăng ký"):
        make_task(registration_date=dt.date(2025, 1, 1))


def test_only_the_managers_may_take_steps(make_task, editor, manager):
    task = make_task()
    with pytest.raises(PermissionDenied):
        services.science_task_approve(task, user=editor, selection="tuyen-chon")
    assert TABLE.offered("approve", task, manager) and not TABLE.offered("approve", task, editor)
    assert not TABLE.offered("start", task, manager)
    assert not editor.has_perm("science.change_task") and manager.has_perm("science.change_task")

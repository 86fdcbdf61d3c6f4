"""The life of an S&T task as a table of steps (portal.core.steps): the services refuse a step
that is not allowed, the admin offers only the allowed ones.

    Đề xuất ──approve──▶ Đã phê duyệt ──start──▶ Đang thực hiện ──accept──▶ Đã nghiệm thu
                                                     │    ▲ extend
                                                     ▼    │
                                                    Gia hạn ──accept──▶ Đã nghiệm thu
    terminate (Dừng thực hiện): from any status before the acceptance.

The order is the usual course of a task funded by the state budget under the Law on Science and
Technology (Luật Khoa học và Công nghệ số 29/2013/QH13, its successor Luật số 93/2025/QH15 and
the ministry's circulars): approved by a call for proposals (tuyển chọn) or by direct assignment
(giao trực tiếp), carried out under a contract, its time possibly extended, then evaluated and
accepted (nghiệm thu) with a rating, or stopped. No deadline or threshold of those texts is
enforced here: the steps only keep the record consistent.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from portal.core.steps import ActionRefused, Step, StepTable

from .models import RUNNING, TaskStatus

S = TaskStatus
MANAGE = "manage_task"


class TaskActionError(ActionRefused):
    """A step of a task that is not possible now (wrong status, bad date…), in Vietnamese."""


TABLE = StepTable(
    app_label="science",
    statuses=S,
    refused=TaskActionError,
    wrong_status=gettext_lazy("This step is not possible while the task is “%(status)s”."),
    steps=(
        Step("approve", MANAGE, (S.PROPOSED,), S.APPROVED),
        Step("start", MANAGE, (S.APPROVED,), S.IN_PROGRESS),
        Step("extend", MANAGE, RUNNING, S.EXTENDED),
        Step("accept", MANAGE, RUNNING, S.ACCEPTED),
        Step("terminate", MANAGE, (S.PROPOSED, S.APPROVED, *RUNNING), S.TERMINATED),
    ),
)

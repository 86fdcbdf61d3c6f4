"""The status-workflow kit: the steps of a record's life in one table that the services (which
refuse a step that is not allowed), the admin (which offers only the allowed steps) and the
tests all read, and the admin page that runs them.

An app declares its steps once:

    TABLE = StepTable(
        app_label="science",
        statuses=TaskStatus,
        steps=[Step("approve", "change_task", (S.PROPOSED,), S.APPROVED), ...],
        refused=TaskActionError,
    )

and its services start with `TABLE.check("approve", task, user)`. Used by petitions
(portal.feedback.workflow) and the S&T task registry (portal.science.workflow).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.views.generic.models import InspectView


class ActionRefused(Exception):
    """A refused step: its message is shown to the user as it is (Vietnamese)."""


@dataclass(frozen=True)
class Step:
    name: str
    permission: str  # codename in the table's app
    sources: tuple[str, ...] | None  # statuses it starts from; None: any
    target: str | None = None  # status it leads to; None: unchanged
    guard: Callable[[object], str | None] | None = None  # why not now (Vietnamese), or None


class StepTable:
    def __init__(
        self,
        *,
        app_label: str,
        statuses,
        steps: Iterable[Step],
        refused: type[ActionRefused] = ActionRefused,
        status_attr: str = "status",
        wrong_status=None,
    ):
        self.app_label = app_label
        self.statuses = statuses  # a TextChoices class
        self.steps: dict[str, Step] = {step.name: step for step in steps}
        self.refused = refused
        self.status_attr = status_attr
        # "…while the petition is “%(status)s”": the message for a step from the wrong status.
        self.wrong_status = wrong_status

    def __getitem__(self, name: str) -> Step:
        return self.steps[name]

    def transitions(self) -> dict[str, dict[str, str]]:
        """status → {step: status after} for the steps that change the status."""
        table: dict[str, dict[str, str]] = {status: {} for status in self.statuses.values}
        for step in self.steps.values():
            if step.target is None:
                continue
            for source in step.sources or self.statuses.values:
                table[source][step.name] = step.target
        return table

    def refusal(self, name: str, record) -> str | None:
        """Why step `name` is not possible for `record` now (status or guard), or None."""
        step = self.steps[name]
        status = getattr(record, self.status_attr)
        if step.sources is not None and status not in step.sources:
            message = self.wrong_status or _("This step is not possible while the status is “%(status)s”.")
            return str(message) % {"status": self.statuses(status).label}
        return step.guard(record) if step.guard else None

    def may(self, user, name: str) -> bool:
        return user is not None and user.has_perm(f"{self.app_label}.{self.steps[name].permission}")

    def offered(self, name: str, record, user) -> bool:
        """Whether the admin offers step `name` to `user` now."""
        return self.may(user, name) and self.refusal(name, record) is None

    def check(self, name: str, record, user) -> None:
        """Refuse the step: PermissionDenied without the permission, the table's `refused`
        error with the reason when the record's state does not allow it."""
        if not self.may(user, name):
            raise PermissionDenied(self.steps[name].permission)
        reason = self.refusal(name, record)
        if reason:
            raise self.refused(reason)


class StepsView(InspectView):
    """An inspect page with steps: POST `action=<name>` runs `step_<name>(form)` with the bound
    form from `forms_for()`; a refused step re-renders with its message (status 400). Each step
    is drawn with the template "core/admin/_step.html"."""

    change_permission = ""

    def forms_for(self, data=None) -> dict:
        return {}

    def allowed(self, name: str) -> bool:
        return self.request.user.has_perm(self.change_permission)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        step_forms = {name: form for name, form in self.forms_for().items() if self.allowed(name)}
        step_forms.update(kwargs.get("bound_forms", {}))
        context["step_forms"] = step_forms
        return context

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        name = request.POST.get("action", "")
        forms = self.forms_for(request.POST)
        if name not in forms:
            raise Http404
        if not self.allowed(name):
            raise PermissionDenied
        form = forms[name]
        if form is not None and not form.is_valid():
            messages.error(request, _("The step was not taken: check the form below."))
            return self.render_to_response(self.get_context_data(bound_forms={name: form}), status=400)
        try:
            message = getattr(self, f"step_{name}")(form)
        except ActionRefused as error:
            messages.error(request, str(error))
            return self.render_to_response(
                self.get_context_data(bound_forms={name: form} if form is not None else {}), status=400
            )
        messages.success(request, message)
        return redirect(request.path)

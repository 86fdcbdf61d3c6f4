"""The S&T task admin pages: a task's page with its steps and history, the create and edit
views that leave a line in the history, and the file import with a preview."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.snippets.views.snippets import CreateView, EditView

from portal.core.steps import StepsView

from . import forms, importing, services
from .workflow import TABLE

IMPORT_PERMISSION = "science.add_task"
SESSION_KEY = "science_import"
KEEP_SECONDS = 24 * 3600


class TaskCreateView(CreateView):
    def save_instance(self):
        instance = super().save_instance()
        services.science_task_edited(instance, user=self.request.user, created=True, changed=self.form.changed_data)
        return instance


class TaskEditView(EditView):
    def save_instance(self):
        instance = super().save_instance()
        if self.form.changed_data:
            services.science_task_edited(
                instance, user=self.request.user, created=False, changed=self.form.changed_data
            )
        return instance


class TaskView(StepsView):
    template_name = "science/admin/task.html"

    def get_page_title(self):
        return _("S&T task")

    def get_fields_context(self):
        # The template draws the task itself; and Wagtail's generic field list would take the
        # model field named "field" for this view's own get_field_display_value().
        return []

    def allowed(self, name: str) -> bool:
        return TABLE.offered(name, self.object, self.request.user)

    def forms_for(self, data=None) -> dict:
        return {
            "approve": forms.ApproveForm(data, prefix="approve"),
            "start": forms.StartForm(data, prefix="start"),
            "extend": forms.ExtendForm(data, prefix="extend"),
            "accept": forms.AcceptForm(data, prefix="accept"),
            "terminate": forms.TerminateForm(data, prefix="terminate"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        task = self.object
        context.update(
            task=task,
            history=task.events.select_related("user").order_by("at", "pk"),
            documents=task.documents.select_related("document"),
            edit_url=reverse("wagtailsnippets_science_task:edit", args=[task.pk]),
            public_url=reverse("science_task", args=[task.pk]),
        )
        return context

    def step_approve(self, form):
        data = form.cleaned_data
        services.science_task_approve(
            self.object, user=self.request.user, selection=data["selection"], note=data["note"]
        )
        return _("The task is approved.")

    def step_start(self, form):
        services.science_task_start(self.object, user=self.request.user, note=form.cleaned_data["note"])
        return _("The task is under way.")

    def step_extend(self, form):
        data = form.cleaned_data
        task = services.science_task_extend(
            self.object, user=self.request.user, new_end=data["new_end"], reason=data["reason"]
        )
        return _("Extended until %(date)s.") % {"date": task.end.strftime("%d/%m/%Y")}

    def step_accept(self, form):
        data = form.cleaned_data
        services.science_task_accept(
            self.object,
            user=self.request.user,
            rating=data["rating"],
            accepted_on=data["accepted_on"],
            results=data["results"],
        )
        return _("The task is accepted.")

    def step_terminate(self, form):
        services.science_task_terminate(self.object, user=self.request.user, reason=form.cleaned_data["reason"])
        return _("The task is stopped.")


def _import_dir() -> Path:
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "science-imports"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():  # files of previews never confirmed
        if old.stat().st_mtime < time.time() - KEEP_SECONDS:
            old.unlink(missing_ok=True)
    return folder


def _pending(request) -> tuple[Path, str] | None:
    kept = request.session.get(SESSION_KEY)
    if not kept:
        return None
    path = _import_dir() / kept["token"]
    return (path, kept["filename"]) if path.exists() else None


@require_http_methods(["GET", "POST"])
def import_view(request):
    """Step 1: the file is checked row by row and nothing is written (the preview); step 2:
    the same file, kept for this session only, is imported."""
    if not request.user.has_perm(IMPORT_PERMISSION) or not request.user.has_perm("science.change_task"):
        raise PermissionDenied
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    result, filename = None, ""
    if request.method == "POST" and request.POST.get("confirm") == "1":
        pending = _pending(request)
        if pending is None:
            messages.error(request, _("The checked file is no longer available: choose it again."))
            return redirect("science_import")
        path, filename = pending
        try:
            result = importing.import_tasks(path.read_bytes(), filename=filename, user=request.user)
        finally:
            path.unlink(missing_ok=True)
            request.session.pop(SESSION_KEY, None)
        (messages.warning if result.errors else messages.success)(request, result.summary())
        if not result.errors:
            return redirect("wagtailsnippets_science_task:list")
        form = forms.ImportForm()
    elif request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read(importing.MAX_ADMIN_BYTES + 1)
        filename = Path(upload.name).name
        if len(data) > importing.MAX_ADMIN_BYTES:
            form.add_error("file", _("The file is larger than 10 MB: import it with the command import_science_tasks."))
        else:
            try:
                result = importing.import_tasks(data, filename=filename, user=request.user, dry_run=True)
            except importing.TableFileError as error:
                form.add_error("file", str(error))
            else:
                token = secrets.token_urlsafe(18)
                (_import_dir() / token).write_bytes(data)
                request.session[SESSION_KEY] = {"token": token, "filename": filename}
    return render(
        request,
        "science/admin/import.html",
        {
            "form": form,
            "result": result,
            "filename": filename,
            "preview": result is not None and request.POST.get("confirm") != "1",
            "page_title": _("Import S&T tasks"),
            "header_title": _("Import S&T tasks"),
        },
        status=400 if form.errors else 200,
    )

"""The S&T admin pages: a task's page with its steps and history, the create and edit views
that leave a line in the history, and the imports with a preview (tasks, indicators)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import CreateView, EditView

from portal.core.importview import ImportView
from portal.core.reports import csv_response
from portal.core.steps import StepsView

from . import forms, importing, indicators, services
from .workflow import TABLE

IMPORT_PERMISSION = "science.add_task"


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


class TaskImportView(ImportView):
    permissions = (IMPORT_PERMISSION, "science.change_task")
    name = "science_import"
    done_url_name = "wagtailsnippets_science_task:list"
    title = gettext_lazy("Import S&T tasks")
    help_text = gettext_lazy(
        "One task per row, a header row with the columns code, title, kind, level, field, host, investigator, "
        "start, end… (or their Vietnamese names: Mã số, Tên nhiệm vụ, Loại…). A row updates the task with its code."
    )
    key_label = gettext_lazy("Code")
    created_label = gettext_lazy("new task")
    too_large = gettext_lazy("The file is larger than 10 MB: import it with the command import_science_tasks.")
    command = "import_science_tasks"
    links = [(gettext_lazy("Download every task in this format (CSV)"), "api-v1:tasks_csv")]

    def run(self, data, *, filename, user, dry_run):
        return importing.import_tasks(data, filename=filename, user=user, dry_run=dry_run)


class IndicatorImportView(ImportView):
    permissions = ("science.add_indicator", "science.change_indicator")
    name = "science_indicator_import"
    done_url_name = "wagtailsnippets_science_indicator:list"
    title = gettext_lazy("Import S&T indicators")
    help_text = gettext_lazy(
        "One value per row, a header row with the columns indicator, year, category, value, unit, source, note "
        "(or: Chỉ tiêu, Năm, Phân loại, Giá trị, Đơn vị, Nguồn, Ghi chú). A row updates the value of its indicator, "
        "year and category; a new indicator needs its unit and source."
    )
    key_label = gettext_lazy("Indicator · year · category")
    created_label = gettext_lazy("new value")
    too_large = gettext_lazy("The file is larger than 10 MB: import it with the command import_science_indicators.")
    command = "import_science_indicators"
    links = [(gettext_lazy("Download every indicator in this format (CSV)"), "science_indicator_export")]

    def run(self, data, *, filename, user, dry_run):
        return indicators.import_indicators(data, filename=filename, user=user, dry_run=dry_run)


def indicator_export_view(request):
    if not request.user.has_perm("science.view_indicator") and not request.user.has_perm("science.change_indicator"):
        raise PermissionDenied
    return csv_response("chi-tieu-khcn.csv", indicators.EXPORT_HEADER, indicators.export_rows())

"""Forms of the S&T task admin: each only collects input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from portal.core.params import DATE_FORMATS

from .models import RUNNING, Rating, Selection, TaskStatus

REASON_WIDGET = forms.Textarea(attrs={"rows": 3})


class TaskForm(WagtailAdminModelForm):
    """The task's details. Its status, rating and acceptance date change only by the steps on
    its page; once under way, its end date too (extension, with the reason)."""

    def clean(self):
        cleaned = super().clean()
        task = self.instance
        locked = (*RUNNING, TaskStatus.ACCEPTED, TaskStatus.TERMINATED)
        if task.pk and task.status in locked and "end" in self.changed_data:
            self.add_error("end", _("Once the task is under way, its end date changes by the “Extend” step."))
        return cleaned


class ApproveForm(forms.Form):
    selection = forms.ChoiceField(label=_("Way of assignment"), choices=Selection.choices)
    note = forms.CharField(label=_("Decision (number, date) or note"), max_length=1000, required=False)


class StartForm(forms.Form):
    note = forms.CharField(label=_("Contract (number, date) or note"), max_length=1000, required=False)


class ExtendForm(forms.Form):
    new_end = forms.DateField(label=_("New end date"), input_formats=DATE_FORMATS, widget=AdminDateInput)
    reason = forms.CharField(label=_("Reason for the extension"), max_length=2000, widget=REASON_WIDGET)


class AcceptForm(forms.Form):
    rating = forms.ChoiceField(label=_("Acceptance rating"), choices=Rating.choices)
    accepted_on = forms.DateField(label=_("Acceptance date"), input_formats=DATE_FORMATS, widget=AdminDateInput)
    results = forms.CharField(
        label=_("Results and products"),
        required=False,
        widget=REASON_WIDGET,
        help_text=_("Leave empty to keep the current text."),
    )


class TerminateForm(forms.Form):
    reason = forms.CharField(label=_("Why the task is stopped"), max_length=2000, widget=REASON_WIDGET)

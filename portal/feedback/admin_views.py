"""The department's side of petitions in the Wagtail admin: the handling page of one petition
(its file, history and the steps open to this user), staff downloads of attachments, and the
reports with XLSX export. Every step goes through a service in services.py."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.models import InspectView
from wagtail.log_actions import log
from wagtail.rich_text import expand_db_html

from portal.core import reports
from portal.core.admin_reports import AdminReportView
from portal.core.downloads import private_file_response
from portal.core.forms import DateRangeForm
from portal.core.privacy import PERSONAL_DATA_VIEWED

from . import forms as handling_forms
from . import selectors, services, workflow
from .models import FileKind, Petition, PetitionFile

# Step of the workflow table (portal.feedback.workflow) → the form that takes its input.
FORMS = {
    "accept": handling_forms.AcceptForm,
    "assign": handling_forms.AssignForm,
    "note": handling_forms.NoteForm,
    "answer": handling_forms.AnswerForm,
    "extend": handling_forms.ExtendForm,
    "merge": handling_forms.MergeForm,
    "approve": None,
    "return": handling_forms.ReturnForm,
    "refuse": handling_forms.RefuseForm,
    "transfer": handling_forms.TransferForm,
    "publish": handling_forms.PublishForm,
    "unpublish": None,
}
assert set(FORMS) == set(workflow.STEPS), "every step of the workflow has its form (or None)"


class PetitionHandleView(InspectView):
    """GET: the petition's file with the forms of the steps this user may take now.
    POST `action=<name>`: take one step; a refused step shows its Vietnamese message and
    changes nothing."""

    template_name = "feedback/admin/handle.html"

    def get_page_title(self):
        return _("Handle petition")

    def get_object(self, queryset=None):
        return get_object_or_404(Petition.objects.select_related("area", "unit", "assignee", "merged_into"), pk=self.pk)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Every look at a petitioner's name and contacts is on record (portal.core.privacy).
        log(instance=self.object, action=PERSONAL_DATA_VIEWED, user=request.user)
        return response

    def _allowed(self, name: str) -> bool:
        return workflow.offered(name, self.object, self.request.user)

    def _initial_forms(self) -> dict:
        petition = self.object
        out = {}
        for name, form_class in FORMS.items():
            if form_class is None or not self._allowed(name):
                continue
            initial = {}
            if name == "assign":
                initial = {"unit": petition.unit_id, "assignee": petition.assignee_id}
            elif name == "answer" and workflow.related(petition, "answer"):
                initial = {"body": petition.answer.body}
            elif name == "publish":
                answer = workflow.related(petition, "answer")
                initial = {
                    "title": services.anonymise(petition.title, petition),
                    "question": services.anonymise(petition.content, petition),
                    "answer": answer.body if answer else "",
                }
            out[name] = form_class(initial=initial, prefix=name)
        return out

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        petition = self.object
        forms_by_action = self._initial_forms()
        forms_by_action.update(kwargs.get("bound_forms", {}))
        context.update(
            petition=petition,
            action_forms=forms_by_action,
            can_approve=self._allowed("approve"),
            can_unpublish=self._allowed("unpublish"),
            events=petition.events.select_related("actor").order_by("created_at", "pk"),
            citizen_files=petition.files.filter(kind=FileKind.CITIZEN),
            answer_files=petition.files.filter(kind=FileKind.ANSWER),
            answer=workflow.related(petition, "answer"),
            duplicates=petition.duplicates.all(),
            overdue=petition.is_overdue(),
            publication=workflow.related(petition, "publication"),
            rating=workflow.related(petition, "rating"),
            handle_media=sum((f.media for f in forms_by_action.values()), forms.Media()),
        )
        return context

    def post(self, request, *args, **kwargs):
        name = request.POST.get("action", "")
        if name not in FORMS:
            raise Http404
        if not self._allowed(name):
            raise PermissionDenied
        form_class = FORMS[name]
        form = form_class(request.POST, request.FILES, prefix=name) if form_class else None
        if form is not None and not form.is_valid():
            messages.error(request, _("The step was not taken: check the form below."))
            return self.render_to_response(
                self.get_context_data(bound_forms={name: form}, open_action=name), status=400
            )
        try:
            message = self._run(name, form.cleaned_data if form else {}, request)
        except services.PetitionActionError as error:
            messages.error(request, str(error))
            if form is not None:
                return self.render_to_response(
                    self.get_context_data(bound_forms={name: form}, open_action=name), status=400
                )
        else:
            messages.success(request, message)
        return redirect(reverse("petitions:inspect", args=(self.object.pk,)))

    def _run(self, name: str, data: dict, request) -> str:
        petition, user = self.object, request.user
        if name == "accept":
            services.petition_accept(petition=petition, user=user, note=data["note"])
            return _("Accepted.")
        if name == "assign":
            services.petition_assign(
                petition=petition, user=user, unit=data["unit"], assignee=data["assignee"], note=data["note"]
            )
            return _("Assigned.")
        if name == "note":
            services.petition_note(petition=petition, user=user, text=data["text"])
            return _("Note added.")
        if name == "extend":
            services.petition_extend(petition=petition, user=user, reason=data["reason"])
            return _("Deadline extended.")
        if name == "merge":
            into = Petition.objects.filter(code=data["into"].strip().upper()).first()
            if into is None:
                raise services.PetitionActionError(_("No petition has this tracking code."))
            services.petition_merge(petition=petition, into=into, user=user)
            return _("Merged into %(code)s.") % {"code": into.code}
        if name == "answer":
            files = [(f.name, f.read()) for f in request.FILES.getlist("answer-files")[:20]]
            submit = request.POST.get("submit_for_approval") == "1"
            services.petition_answer_save(
                petition=petition, user=user, body=expand_db_html(data["body"]), files=files, submit=submit
            )
            return _("Answer sent for approval.") if submit else _("Draft saved.")
        if name == "approve":
            services.petition_answer_approve(petition=petition, user=user)
            return _("Answer approved; the citizen has been told.")
        if name == "return":
            services.petition_answer_return(petition=petition, user=user, note=data["note"])
            return _("Answer returned for changes.")
        if name == "refuse":
            services.petition_refuse(
                petition=petition, user=user, reason=data["reason"], legal_basis=data["legal_basis"]
            )
            return _("Refused.")
        if name == "transfer":
            services.petition_transfer(petition=petition, user=user, agency=data["agency"], note=data["note"])
            return _("Transferred.")
        if name == "publish":
            services.petition_publish(
                petition=petition,
                user=user,
                title=data["title"],
                question=data["question"],
                answer=expand_db_html(data["answer"]),
            )
            return _("Published in the questions and answers.")
        services.petition_unpublish(petition=petition, user=user)
        return _("Withdrawn from the questions and answers.")


def petition_file(request, pk: int):
    """Staff download of a petition's file (personal data: only with the view permission;
    each download is logged)."""
    if not request.user.has_perm("feedback.view_petition"):
        return permission_denied(request)
    row = get_object_or_404(PetitionFile.objects.select_related("petition"), pk=pk)
    log(row.petition, "portal.feedback.file_download", user=request.user, data={"file": row.name})
    return file_response(row, as_attachment=True)


def file_response(row: PetitionFile, *, as_attachment: bool):
    return private_file_response(row.file, name=row.name, content_type=row.content_type, as_attachment=as_attachment)


class PeriodForm(DateRangeForm):
    max_years = 5
    period = forms.ChoiceField(
        label=gettext_lazy("By"),
        choices=[("month", gettext_lazy("month")), ("quarter", gettext_lazy("quarter"))],
        required=False,
    )

    def clean(self):
        data = super().clean()
        data["period"] = data.get("period") or "month"
        return data


class _ReportView(AdminReportView):
    permission = "feedback.view_petition_report"
    form_class = PeriodForm

    def default_period(self) -> dict:
        today = timezone.localdate()
        return {"date_from": today.replace(month=1, day=1).isoformat(), "date_to": today.isoformat(), "period": "month"}


class PetitionReportView(_ReportView):
    """Counts by month or quarter, field and unit; on-time rate; XLSX export (logged)."""

    template_name = "feedback/admin/report.html"
    page_title = gettext_lazy("Petition report")

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, report=None))
        data = form.cleaned_data
        report = selectors.petition_report(date_from=data["date_from"], date_to=data["date_to"], period=data["period"])
        if request.GET.get("export") == "xlsx":
            reports.report_export_record(
                user=request.user,
                report="petitions",
                file_format="xlsx",
                date_from=report.date_from,
                date_to=report.date_to,
            )
            return _xlsx(report)
        query = f"date_from={report.date_from.isoformat()}&date_to={report.date_to.isoformat()}&period={report.period}"
        return self.render_to_response(self.get_context_data(form=form, report=report, query=query))


COLUMNS = [
    ("received", gettext_lazy("Received")),
    ("processing", gettext_lazy("Being processed")),
    ("overdue", gettext_lazy("Overdue")),
    ("answered", gettext_lazy("Answered")),
    ("refused", gettext_lazy("Refused")),
    ("transferred", gettext_lazy("Transferred")),
    ("merged", gettext_lazy("Merged")),
    ("on_time_rate", gettext_lazy("Closed on time (%)")),
]


def _xlsx(report) -> HttpResponse:
    header = [str(label) for _n, label in COLUMNS]
    sheets = [
        reports.Sheet(title, [first, *header], [[row.label] + [getattr(row, n) for n, _l in COLUMNS] for row in rows])
        for title, first, rows in (
            (_("By period"), _("Period"), report.periods + [report.total]),
            (_("By field"), _("Field"), report.fields),
            (_("By unit"), _("Unit"), report.units),
        )
    ]
    return reports.xlsx_response(f"bao-cao-pakn-{report.date_from:%Y%m%d}-{report.date_to:%Y%m%d}.xlsx", sheets)


class SatisfactionReportView(_ReportView):
    """The portal-wide satisfaction widget and the ratings of answers."""

    template_name = "feedback/admin/satisfaction.html"
    page_title = gettext_lazy("Satisfaction ratings")

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form, summary=None))
        data = form.cleaned_data
        summary = selectors.rating_summary(date_from=data["date_from"], date_to=data["date_to"])
        return self.render_to_response(
            self.get_context_data(form=form, summary=summary, period=(data["date_from"], data["date_to"]))
        )

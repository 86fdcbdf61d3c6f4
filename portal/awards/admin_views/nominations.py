"""A nomination's dossier page: the checker's answer with reasons and articles, the document
checklist, the secretary's override, putting it before a meeting, withdrawing it."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry
from wagtail.snippets.views.snippets import CreateView, EditView

from portal.core.privacy import PERSONAL_DATA_VIEWED

from .. import services
from ..eligibility.dossiers import checklist, dossier_basis, missing, needs_disclosure
from ..forms import DocumentsForm, OverrideForm, SubmitForm, WithdrawForm
from ..models import AwardsSettings, Nomination, Registration
from .common import StepsView

STEP_STATUSES = {
    "check": {Nomination.Status.DRAFT},
    "documents": {Nomination.Status.DRAFT},
    "override": {Nomination.Status.DRAFT},
    "submit": {Nomination.Status.DRAFT},
    "withdraw": {Nomination.Status.DRAFT, Nomination.Status.SUBMITTED},
    "disclose": {Nomination.Status.APPROVED},
}


def inspect_url(nomination: Nomination) -> str:
    return reverse("wagtailsnippets_awards_nomination:inspect", args=[nomination.pk])


class NominationCreateView(CreateView):
    """Creating a nomination asks the checker at once (services.nomination_create)."""

    def get_initial_form_instance(self):
        return Nomination(year=timezone.localdate().year - 1)  # the year the council reviews

    def form_valid(self, form):
        data = form.cleaned_data
        subject = data.get("official") or data.get("unit")
        if bool(data.get("official")) == bool(data.get("unit")):
            form.add_error(None, _("Choose an official or a unit, not both."))
            return self.form_invalid(form)
        try:
            self.object = services.nomination_create(
                subject=subject, code=data["code"], year=data["year"], user=self.request.user
            )
        except services.AwardsActionError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Nomination created; the checker's answer is below."))
        return redirect(inspect_url(self.object))


class NominationEditView(EditView):
    """A nomination is not edited: its page has the steps (withdraw it to change the title)."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(reverse("wagtailsnippets_awards_nomination:inspect", args=[kwargs["pk"]]))


class NominationView(StepsView):
    template_name = "awards/admin/nomination.html"
    change_permission = "awards.change_nomination"

    def get_page_title(self):
        return _("Nomination dossier")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Comments may carry a citizen's name and contact: every look at them is on record
        # (portal.core.privacy), as on petitions.
        if self.object.comments.exclude(name="", contact="").exists():
            log(instance=self.object, action=PERSONAL_DATA_VIEWED, user=request.user)
        return response

    def allowed(self, name: str) -> bool:
        user, nomination = self.request.user, self.object
        if nomination.status not in STEP_STATUSES[name]:
            return False
        if name == "disclose" and (not needs_disclosure(nomination.code) or nomination.disclosure_opens):
            return False
        if name == "override":
            return user.has_perm(services.nominations.OVERRIDE_PERMISSION) and nomination.checker_eligible is not True
        return user.has_perm(self.change_permission)

    def forms_for(self, data=None) -> dict:
        nomination = self.object
        return {
            "check": None,
            "documents": DocumentsForm(data, nomination=nomination, prefix="documents"),
            "override": OverrideForm(data, prefix="override"),
            "submit": SubmitForm(data, nomination=nomination, prefix="submit"),
            "withdraw": WithdrawForm(data, prefix="withdraw"),
            "disclose": None,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self.object
        received = set(nomination.documents)
        context.update(
            nomination=nomination,
            checklist=[(item["name"], item["key"] in received) for item in checklist(nomination.code)],
            dossier_basis=dossier_basis(),
            missing=missing(nomination.code, nomination.documents),
            needs_disclosure=needs_disclosure(nomination.code),
            disclosure_days=AwardsSettings.load().disclosure_working_days,
            comments=nomination.comments.all(),
            registered=Registration.objects.filter(
                code=nomination.code, year=nomination.year, official=nomination.official, unit=nomination.unit
            ).first(),
            history=ModelLogEntry.objects.for_instance(nomination)
            .exclude(action=PERSONAL_DATA_VIEWED)
            .select_related("user")
            .order_by("timestamp"),
        )
        return context

    def step_check(self, form):
        nomination = services.nomination_check(self.object, user=self.request.user)
        return _("Checked again.") if nomination.checker_eligible is not None else _("Checked again: needs review.")

    def step_documents(self, form):
        services.nomination_documents(self.object, user=self.request.user, keys=form.cleaned_data["documents"])
        return _("Checklist saved.")

    def step_override(self, form):
        services.nomination_override(self.object, user=self.request.user, reason=form.cleaned_data["reason"])
        return _("Your reasons are on file: the nomination may go before the council.")

    def step_submit(self, form):
        services.nomination_submit(self.object, user=self.request.user, meeting=form.cleaned_data["meeting"])
        return _("Put before the council.")

    def step_disclose(self, form):
        nomination = services.nomination_disclose(self.object, user=self.request.user)
        return _("Published for comments until %(date)s.") % {"date": nomination.disclosure_until.strftime("%d/%m/%Y")}

    def step_withdraw(self, form):
        services.nomination_withdraw(self.object, user=self.request.user, reason=form.cleaned_data["reason"])
        return _("Withdrawn.")

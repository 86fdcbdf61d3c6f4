"""A decision's page: conferring the titles the council proposed, and its recipients with their
prizes (coefficient × base salary on the decision date), exported as XLSX."""

from __future__ import annotations

from django.db.models import Sum
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.log_actions import log

from portal.core.reports import Sheet, xlsx_response

from .. import services
from ..eligibility.prizes import prize_version
from ..exports import decision_rows, decision_sheet_rows
from ..forms import ConferForm
from ..models import Decision
from ..selectors import base_salary_on
from .common import StepsView


class DecisionView(StepsView):
    template_name = "awards/admin/decision.html"
    change_permission = "awards.change_decision"

    def get_page_title(self):
        return _("Award decision")

    def forms_for(self, data=None) -> dict:
        return {"confer": ConferForm(data, prefix="confer")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        decision = self.object
        context.update(
            decision=decision,
            rows=decision_rows(decision),
            total=decision.nominations.aggregate(total=Sum("prize_amount"))["total"] or 0,
            base_salary=base_salary_on(decision.signed_on),
            prizes=prize_version(decision.signed_on),
        )
        return context

    def step_confer(self, form):
        count = services.decision_confer(
            self.object, user=self.request.user, nominations=form.cleaned_data["nominations"]
        )
        return _("%(count)s titles and forms conferred.") % {"count": count}


def decision_export(request, pk: int):
    if not request.user.has_perm("awards.view_decision"):
        return permission_denied(request)
    decision = get_object_or_404(Decision, pk=pk)
    log(decision, "portal.report_export", user=request.user, data={"report": "awards_decision", "format": "xlsx"})
    header = [
        _("No."),
        _("Nominee"),
        _("Unit"),
        _("Title or form"),
        _("Achievement year"),
        _("Coefficient"),
        _("Prize (đồng)"),
    ]
    return xlsx_response(
        f"quyet-dinh-{decision.pk}.xlsx",
        [Sheet(title=decision.number.replace("/", "-"), header=header, rows=decision_sheet_rows(decision))],
    )

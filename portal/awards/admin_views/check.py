"""Admin: the checker's answer for one official or unit and one year (Thi đua – khen thưởng →
Xét điều kiện), per title with reasons and articles."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from portal.core.params import BadParameter, year

from ..models import Official, Unit
from ..selectors import eligibility_for, rules_for

VIEW_PERMISSION = "awards.view_official"


def check(request, kind: str, pk: int):
    if not request.user.has_perm(VIEW_PERMISSION):
        return permission_denied(request)
    subject = get_object_or_404(Official if kind == "official" else Unit, pk=pk)
    error = ""
    try:
        chosen = year(request.GET.get("year")) or timezone.localdate().year - 1
    except BadParameter:
        chosen, error = timezone.localdate().year - 1, _("The year is not valid; showing the last year.")
    verdicts = eligibility_for(subject, chosen)
    rules = rules_for(chosen)
    rows = []
    if verdicts:
        names = {code: rules.titles[code]["name"] for code in verdicts}
        rows = [(names[code], verdict) for code, verdict in verdicts.items()]
    return TemplateResponse(
        request,
        "awards/admin/check.html",
        {"subject": subject, "year": chosen, "rows": rows, "rules": rules, "error": error, "kind": kind},
    )

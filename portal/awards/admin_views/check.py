"""Admin: the checker's answer for one official or unit and one year (Thi đua – khen thưởng →
Xét điều kiện), per title with reasons and articles; for a unit, its members that year and the
counts its record can take from their records (POST `action=count_members`)."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied

from portal.core.params import BadParameter, year
from portal.science.selectors import accepted_tasks_led_by

from .. import services
from ..models import Official, Unit, YearRecord
from ..selectors import eligibility_for, member_counts, rules_for

VIEW_PERMISSION = "awards.view_official"
CHANGE_RECORD_PERMISSION = "awards.change_yearrecord"


def check(request, kind: str, pk: int):
    if not request.user.has_perm(VIEW_PERMISSION):
        return permission_denied(request)
    subject = get_object_or_404(Official if kind == "official" else Unit, pk=pk)
    error = ""
    try:
        chosen = year(request.GET.get("year") or request.POST.get("year")) or timezone.localdate().year - 1
    except BadParameter:
        chosen, error = timezone.localdate().year - 1, _("The year is not valid; showing the last year.")
    if request.method == "POST" and kind == "unit" and request.POST.get("action") == "count_members" and not error:
        if not request.user.has_perm(CHANGE_RECORD_PERMISSION):
            return permission_denied(request)
        try:
            services.year_record_count_members(unit=subject, year=chosen, user=request.user)
        except services.AwardsActionError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("The unit's record for %(year)s now counts its members.") % {"year": chosen})
        return redirect(f"{reverse('awards_check', args=[kind, pk])}?year={chosen}")
    verdicts = eligibility_for(subject, chosen)
    rules = rules_for(chosen)
    rows = []
    if verdicts:
        names = {code: rules.titles[code]["name"] for code in verdicts}
        rows = [(names[code], verdict) for code, verdict in verdicts.items()]
    context = {"subject": subject, "year": chosen, "rows": rows, "rules": rules, "error": error, "kind": kind}
    if kind == "official":
        # Accepted S&T tasks the official led that year (the registry, by name): the officer
        # records them as initiatives and their recognised scope in the yearly record.
        context["tasks"] = accepted_tasks_led_by(subject.full_name, chosen)
    if kind == "unit":
        context.update(
            members=member_counts(subject, chosen),
            unit_record=YearRecord.objects.filter(unit=subject, year=chosen).first(),
            can_count=request.user.has_perm(CHANGE_RECORD_PERMISSION),
        )
    return TemplateResponse(request, "awards/admin/check.html", context)

"""Public pages of emulation and awards: the honor roll (Bảng vàng) by year and unit, and the
nominees for the higher forms published for comments (Công khai), each with a comment form.
Personal data shown: the names, units and titles that the law makes public; nothing else."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from portal.core import params
from portal.core.beacons import client_ip
from portal.core.challenge import challenge_new
from portal.core.forms import error_summary

from . import services
from .models import Nomination, Unit
from .selectors import honor_counts, honor_roll, honor_units, honor_years, open_disclosures

COMMENT_FIELDS = [
    ("text", gettext_lazy("Your comment"), "id_text"),
    ("name", gettext_lazy("Your name (optional)"), "id_name"),
    ("contact", gettext_lazy("Phone or e-mail (optional)"), "id_contact"),
    ("consent", gettext_lazy("Consent"), "id_consent"),
    ("challenge", gettext_lazy("Question"), "id_challenge"),
]


@require_safe
def honor_roll_page(request):
    years = honor_years()
    problems = []
    try:
        year = params.year(request.GET.get("nam"))
    except params.BadParameter:
        year = None
        problems.append(_("The year is not valid; showing the latest year."))
    try:
        unit_id = params.record_id(request.GET.get("don-vi"))
    except params.BadParameter:
        unit_id = None
        problems.append(_("The unit chosen does not exist."))
    if unit_id and not Unit.objects.filter(pk=unit_id).exists():
        unit_id = None
        problems.append(_("The unit chosen does not exist."))
    year = year or (years[0] if years else None)
    context = {
        "years": years,
        "units": honor_units(),
        "year": year,
        "unit_id": unit_id,
        "awards": honor_roll(year=year, unit_id=unit_id) if year else [],
        "counts": honor_counts(year=year, unit_id=unit_id) if year else [],
        "problems": problems,
    }
    return render(request, "awards/honor_roll.html", context, status=400 if problems else 200)


@require_safe
def disclosures_page(request):
    return render(request, "awards/disclosures.html", {"nominations": open_disclosures(timezone.localdate())})


@never_cache
@require_http_methods(["GET", "POST"])
def disclosure_page(request, pk: int):
    try:
        pk = params.record_id(str(pk))
    except params.BadParameter:
        raise Http404 from None
    nomination = get_object_or_404(Nomination.objects.select_related("official__unit", "unit"), pk=pk)
    if not nomination.disclosure_opens:
        raise Http404
    values = {name: request.POST.get(name, "") for name in ("text", "name", "contact")}
    values["consent"] = request.POST.get("consent") == "1"
    errors: dict[str, list[str]] = {}
    ip = client_ip(request)
    if request.method == "POST":
        try:
            services.disclosure_comment(
                nomination,
                **values,
                ip=ip,
                challenge_token=request.POST.get("challenge_token", ""),
                challenge_answer=request.POST.get("challenge_answer", ""),
            )
        except services.CommentInvalid as error:
            errors = error.errors
        else:
            return redirect(f"{request.path}?da-gui=1")
    context = {
        "nomination": nomination,
        "open": services.is_open(nomination),
        "values": values,
        "errors": errors,
        "summary": error_summary(errors, COMMENT_FIELDS),
        "sent": request.GET.get("da-gui") == "1" and not errors,
        "challenge": challenge_new()
        if services.is_open(nomination) and services.comment_challenge_needed(ip)
        else None,
        "retention_days": settings.AWARDS_COMMENT_RETENTION_DAYS,
    }
    return render(request, "awards/disclosure.html", context, status=400 if errors else 200)

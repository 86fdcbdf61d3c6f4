"""The citizen's pages: send a petition, follow it, rate the answer, read the published
questions and answers, rate the portal. All work without JavaScript; none puts a code, key or
personal data in a URL (lookups are POSTs)."""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.core import idempotency, params
from portal.core.beacons import client_ip, from_this_site
from portal.core.challenge import challenge_needed, challenge_new
from portal.core.forms import error_summary

from . import keys
from .admin_views import file_response
from .models import FileKind, Petition, PetitionField, PetitionFile, PetitionPublication
from .selectors import petition_counters, petition_public, publication_years, published_questions
from .services import (
    PetitionActionError,
    PetitionChallenge,
    PetitionInvalid,
    PetitionRateLimited,
    petition_rate,
    petition_submit,
    petition_track_lookup,
    site_rating_submit,
)

HONEYPOT = "ho_so_bo_sung"  # hidden from people; robots fill every field
FORM_FIELDS = ("full_name", "address", "phone", "email", "title", "content", "field")
# The petition form's fields in the order it shows them: (error key, label, control id), for
# the error summary (portal.core.forms.error_summary).
FORM_SUMMARY = [
    ("full_name", gettext_lazy("Full name"), "id_full_name"),
    ("address", gettext_lazy("Address or organisation"), "id_address"),
    ("phone", gettext_lazy("Phone"), "id_phone"),
    ("email", gettext_lazy("E-mail"), "id_email"),
    ("field", gettext_lazy("Field"), "id_field"),
    ("title", gettext_lazy("Title"), "id_title"),
    ("content", gettext_lazy("Content"), "id_content"),
    ("attachments", gettext_lazy("Attachments"), "id_attachments"),
    ("consent", gettext_lazy("Consent to the processing of personal data"), "id_consent"),
    ("publish_allowed", gettext_lazy("Publishing the answer"), "id_no_publish"),
    ("challenge", gettext_lazy("Question"), "id_challenge"),
]
RATE_SALT = "portal.feedback.rate"
RATE_MAX_AGE = 3600


def uploads(request, name: str) -> list[tuple[str, bytes]]:
    """(name, bytes) of the uploaded files, reading at most one byte past the size limit of
    each and one file past the count limit, so an oversized upload costs little memory."""
    limit = settings.FEEDBACK_MAX_FILE_MB * 1024 * 1024 + 1
    return [(f.name, f.read(limit)) for f in request.FILES.getlist(name)[: settings.FEEDBACK_MAX_FILES + 1]]


@never_cache
@require_http_methods(["GET", "POST"])
def petition_form(request):
    values = {name: request.POST.get(name, "") for name in FORM_FIELDS}
    context = {
        "fields": PetitionField.objects.filter(active=True),
        "values": values,
        "errors": {},
        "max_files": settings.FEEDBACK_MAX_FILES,
        "max_mb": settings.FEEDBACK_MAX_FILE_MB,
    }
    ip = client_ip(request)
    if request.method == "POST":
        values["consent"] = request.POST.get("consent") == "1"
        values["no_publish"] = request.POST.get("no_publish") == "1"
        token = request.POST.get("token", "")
        token = token if idempotency.form_token_valid(token) else ""  # only tokens this site issued
        if request.POST.get(HONEYPOT):
            context["errors"] = {"__all__": [_("The petition could not be sent. Please try again.")]}
        else:
            data = {
                **{name: values[name] for name in FORM_FIELDS},
                "consent": values["consent"],
                "publish_allowed": not values["no_publish"],
            }
            try:
                result = petition_submit(
                    data=data,
                    ip=ip,
                    idempotency_key=token,
                    files=uploads(request, "attachments"),
                    challenge_token=request.POST.get("challenge_token", ""),
                    challenge_answer=request.POST.get("challenge_answer", ""),
                )
            except PetitionInvalid as error:
                context["errors"] = error.errors
            except PetitionRateLimited as error:
                context["errors"] = {"__all__": [str(error)]}
            else:
                response = render(
                    request,
                    "feedback/submitted.html",
                    {"petition": result.petition, "key": result.key, "files": result.petition.files.count()},
                )
                response["Cache-Control"] = "no-store"
                return response
        context["token"] = token or idempotency.form_token()
    else:
        context["token"] = idempotency.form_token()
        values["consent"] = values["no_publish"] = False
    if challenge_needed(keys.attempt_bucket(ip)):
        context["challenge"] = challenge_new()
    context["summary"] = error_summary(context["errors"], FORM_SUMMARY)
    return render(request, "feedback/form.html", context, status=400 if context["errors"] else 200)


def _track_context(petition) -> dict:
    view = petition_public(petition)
    return {
        "view": view,
        "petition": petition,
        "rate_token": signing.dumps(petition.code, salt=RATE_SALT) if view.answer else "",
    }


@never_cache
@require_http_methods(["GET", "POST"])
def petition_track(request):
    context = {"code": "", "petition": None, "not_found": False, "errors": {}, "refused": ""}
    status = 200
    if request.method == "POST":
        code = request.POST.get("code", "")[:30]
        context["code"] = code
        try:
            petition = petition_track_lookup(
                code=code,
                key=request.POST.get("key", "")[:40],
                contact=request.POST.get("contact", "")[:254],
                ip=client_ip(request),
                challenge_token=request.POST.get("challenge_token", ""),
                challenge_answer=request.POST.get("challenge_answer", ""),
            )
        except PetitionChallenge as error:
            context["errors"], context["challenge"], status = error.errors, challenge_new(), 400
        except PetitionRateLimited as error:
            context["refused"], status = str(error), 429
        else:
            if petition is None:
                context["not_found"], status = True, 404
            else:
                context.update(_track_context(petition))
    response = render(request, "feedback/track.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def petition_rate_view(request):
    """The rating form of the tracking page: the petition comes from a signed token the page
    gave (valid one hour), so the key is not sent again. The address opened directly (GET)
    leads to the tracking page, where rating starts."""
    if request.method == "GET":
        return redirect("petition_track")
    try:
        code = signing.loads(request.POST.get("rate_token", ""), salt=RATE_SALT, max_age=RATE_MAX_AGE)
    except signing.BadSignature:
        return render(
            request,
            "feedback/rated.html",
            {"error": _("The rating form has expired: look up the petition again.")},
            status=400,
        )
    petition = get_object_or_404(Petition, code=code)
    try:
        petition_rate(
            petition=petition, score=request.POST.get("score"), comment=request.POST.get("comment", "")[:2000]
        )
    except PetitionActionError as error:
        context = {**_track_context(petition), "rating_error": str(error)}
        return render(request, "feedback/track.html", context, status=400)
    response = render(request, "feedback/rated.html", {"petition": petition})
    response["Cache-Control"] = "no-store"
    return response


def answer_file(request, token: str):
    """An attachment of a published or answered answer, by its unguessable token (the
    tracking page links to it)."""
    row = get_object_or_404(PetitionFile, token=token, kind=FileKind.ANSWER, petition__status="answered")
    return file_response(row, as_attachment=False)


def questions(request):
    """Hỏi đáp: the answered petitions published without personal data."""
    q = request.GET.get("q", "")[:200]
    problems = []  # a filter that is not a valid value: 400 with the reason, the list unfiltered
    try:
        area = params.record_id(request.GET.get("linh-vuc"))
    except params.BadParameter:
        area = None
        problems.append(_("The field chosen does not exist."))
    try:
        year = params.year(request.GET.get("nam"))
    except params.BadParameter:
        year = None
        low, high = params.YEARS
        problems.append(_("The year must be between %(low)s and %(high)s.") % {"low": low, "high": high})
    page = Paginator(published_questions(q=q, area_id=area, year=year), 20).get_page(request.GET.get("page"))
    kept = {k: v for k, v in (("q", q), ("linh-vuc", area or ""), ("nam", year or "")) if v}
    context = {
        "page_obj": page,
        "q": q,
        "area": area,
        "year": year,
        "fields": PetitionField.objects.all(),
        "years": publication_years(),
        "query_prefix": urlencode(kept) + "&" if kept else "",
        "problems": problems,
    }
    return render(request, "feedback/questions.html", context, status=400 if problems else 200)


def question_detail(request, slug: str):
    publication = get_object_or_404(PetitionPublication.objects.select_related("area"), slug=slug, live=True)
    return render(request, "feedback/question.html", {"publication": publication})


def petitions_home(request):
    """/phan-anh-kien-nghi/: what a citizen can do (send, follow, read the answers) and the
    live counters."""
    counters = petition_counters()
    context = {
        "counters": counters,
        "processing": counters["processing"] + counters["received"],  # as the sidebar counts
        "answer_days": settings.FEEDBACK_ANSWER_DAYS,
        "published_count": published_questions().count(),
        "latest": published_questions()[:5],
    }
    return render(request, "feedback/home.html", context)


@csrf_exempt  # anonymous and harmless; a CSRF cookie would keep every page out of the page cache
@require_http_methods(["GET", "POST"])
def site_rating(request):
    """The footer's satisfaction question. With JavaScript it answers JSON in place; without,
    a thank-you page linking back to where the visitor was. Opened directly (GET), a page of
    its own with the question."""
    if request.method == "GET":
        return render(request, "feedback/site_rating_page.html")
    wants_json = "application/json" in request.headers.get("Accept", "")
    if not from_this_site(request):  # another site posting for its visitors (no CSRF token here)
        return JsonResponse({"ok": False, "message": _("Ratings are taken from this site's pages only.")}, status=403)
    back = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) or not back.startswith("/"):
        back = "/"
    try:
        site_rating_submit(
            score=request.POST.get("score"), comment=request.POST.get("comment", "")[:2000], ip=client_ip(request)
        )
    except (PetitionActionError, PetitionRateLimited) as error:
        status = 429 if isinstance(error, PetitionRateLimited) else 400
        if wants_json:
            return JsonResponse({"ok": False, "message": str(error)}, status=status)
        return render(
            request, "feedback/site_rating_page.html", {"message": str(error), "back": back, "ok": False}, status=status
        )
    message = _("Thank you for your rating.")
    if wants_json:
        return JsonResponse({"ok": True, "message": message}, status=201)
    return render(request, "feedback/site_rating_page.html", {"message": message, "back": back, "ok": True}, status=201)

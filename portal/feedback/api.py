"""The petition API (fixed interface): submit, follow one's own petition, public counters,
the published questions and answers. It calls the same services as the HTML pages."""

from __future__ import annotations

import json

from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from portal.core.apierrors import with_errors
from portal.core.beacons import client_ip, from_this_site
from portal.core.challenge import challenge_new
from portal.core.errors import json_response
from portal.core.links import site_url
from portal.core.params import MAX_ID

from .models import PetitionStatus
from .selectors import petition_counters, petition_public, published_questions
from .services import PetitionChallenge, PetitionInvalid, PetitionRateLimited, petition_submit, petition_track_lookup
from .views import uploads

router = Router(tags=["feedback"])


class SubmittedOut(Schema):
    code: str
    key: str
    status: str


class StatsOut(Schema):
    answered: int
    processing: int
    refused: int
    received: int


class EventOut(Schema):
    status: str
    label: str
    at: str
    note: str


class FileOut(Schema):
    name: str
    size: int
    url: str


class PetitionOut(Schema):
    code: str
    title: str
    field: str
    status: str
    status_label: str
    submitted_at: str
    history: list[EventOut]
    merged_into: str | None = None
    answer_due: str | None = None
    answer: str | None = None
    answered_at: str | None = None
    answer_files: list[FileOut] = []


FIELDS = ("full_name", "address", "phone", "email", "title", "content", "field", "consent", "publish_allowed")


class PetitionIn(Schema):
    """Documented shape of the body (the view reads it itself, so that every mistake gets a
    Vietnamese message per field instead of a generic type error)."""

    full_name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    title: str
    content: str
    field: str | int
    consent: bool
    publish_allowed: bool = True


def _body(request: HttpRequest) -> dict | None:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body.decode("utf-8"))
        except (ValueError, RecursionError):  # not UTF-8, not JSON, or nested past the parser's depth
            return None
        return data if isinstance(data, dict) else None
    # A form post (multipart or urlencoded): booleans arrive as text.
    data = {name: request.POST.get(name) for name in FIELDS + ("challenge_token", "challenge_answer")}
    for name in ("consent", "publish_allowed"):
        if data[name] is not None:
            data[name] = data[name].strip().lower() in ("1", "true", "on", "yes")
    return data


def _json(body: dict, *, status: int) -> JsonResponse:
    """A response outside the declared schemas (the router's API object is not ours to import)."""
    return json_response(body, status=status)


@router.post(
    "",
    response=with_errors({201: SubmittedOut, 200: SubmittedOut}, 400, 403, 413, 415, 422, 429),
    summary="Submit a petition (PAKN)",
    openapi_extra={
        "requestBody": {"content": {"application/json": {"schema": PetitionIn.model_json_schema()}}, "required": True}
    },
)
def feedback_submit(request: HttpRequest):
    """JSON body (or a form post) with full_name, address, phone, email, title, content,
    field (name or id), consent (must be true), publish_allowed. An `Idempotency-Key`
    header (printable ASCII, at most 255 characters) makes retries safe: the same key with the
    same content from the same address within 24 hours returns the first petition (200)
    instead of creating another; the same key with other content is refused (422). Bad
    input: 422 with a Vietnamese message per field; too many attempts or petitions from one
    address or contact: 429."""
    if request.content_type not in ("application/json", "multipart/form-data"):
        return _json(
            {"detail": [{"field": "", "message": _("Send JSON, or a multipart form with the files.")}]}, status=415
        )
    if request.content_type == "multipart/form-data" and not from_this_site(request):
        # A form of another site could post it on its visitor's behalf; JSON cannot be sent
        # across sites without a CORS preflight, which this API never grants.
        return _json(
            {"detail": [{"field": "", "message": _("Petitions are taken from this site's pages only.")}]}, status=403
        )
    payload = _body(request)
    if payload is None:
        return _json({"detail": [{"field": "", "message": _("The body must be a JSON object in UTF-8.")}]}, status=400)
    data = {name: payload.get(name) for name in FIELDS}
    files = uploads(request, "files") + uploads(request, "attachments") if request.FILES else []
    try:
        result = petition_submit(
            data=data,
            ip=client_ip(request),
            idempotency_key=request.headers.get("Idempotency-Key", ""),
            files=files,
            challenge_token=str(payload.get("challenge_token") or ""),
            challenge_answer=str(payload.get("challenge_answer") or ""),
        )
    except PetitionInvalid as error:
        detail = [
            {"field": name, "message": message} for name, messages in error.errors.items() for message in messages
        ]
        body = {"detail": detail}
        if isinstance(error, PetitionChallenge):
            body["challenge"] = challenge_new()  # answer it in challenge_token / challenge_answer
        return _json(body, status=422)
    except PetitionRateLimited as error:
        raise HttpError(429, str(error)) from error
    body = {"code": result.petition.code, "key": result.key, "status": result.petition.status}
    return Status(201 if result.created else 200, body)


@router.get("/stats", response=StatsOut, summary="Public counters of petitions by status")
def feedback_stats(request: HttpRequest):
    return petition_counters()


class QuestionOut(Schema):
    slug: str
    url: str
    title: str
    question: str
    answer: str  # sanitised HTML
    field: str
    published_at: str


class QuestionListOut(Schema):
    count: int
    page: int
    page_size: int
    items: list[QuestionOut]


class QuestionFilters(Schema):
    q: str | None = Field(None, max_length=200, description="Words to search, with or without diacritics (word starts)")
    field: int | None = Field(None, ge=1, le=MAX_ID, description="Field (lĩnh vực) id")
    year: int | None = Field(None, ge=2000, le=2100)
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(20, ge=1, le=100)


@router.get(
    "/questions",
    response=with_errors(QuestionListOut, 422),
    summary="Published questions and answers (Hỏi đáp), newest first, or searched with q",
)
def questions_list(request: HttpRequest, filters: Query[QuestionFilters]):
    """The same entries and matching as /hoi-dap/ and the site search's Hỏi đáp tab: only
    what the department published, with the citizen's personal data removed."""
    items = published_questions(q=filters.q or "", area_id=filters.field, year=filters.year)
    start = (filters.page - 1) * filters.page_size
    page = list(items[start : start + filters.page_size])
    return {
        "count": items.count(),
        "page": filters.page,
        "page_size": filters.page_size,
        "items": [
            {
                "slug": p.slug,
                "url": site_url(reverse("question", args=[p.slug])),
                "title": p.title,
                "question": p.question,
                "answer": p.answer,
                "field": p.area.name,
                "published_at": p.published_at.isoformat(),
            }
            for p in page
        ],
    }


class LookupIn(Schema):
    key: str = Field("", max_length=40, description="The secret key given on submission")
    contact: str = Field("", max_length=254, description="Or the phone number / e-mail address given with it")
    challenge_token: str = Field("", max_length=2000)
    challenge_answer: str = Field("", max_length=10)


def _lookup(request: HttpRequest, code: str, data: LookupIn):
    try:
        petition = petition_track_lookup(
            code=code[:30],
            key=data.key,
            contact=data.contact,
            ip=client_ip(request),
            challenge_token=data.challenge_token,
            challenge_answer=data.challenge_answer,
        )
    except PetitionChallenge as error:
        detail = [{"field": name, "message": m} for name, messages in error.errors.items() for m in messages]
        return _json({"detail": detail, "challenge": challenge_new()}, status=422)
    except PetitionRateLimited as error:
        raise HttpError(429, str(error)) from error
    if petition is None:
        raise HttpError(404, _("No petition matches this code and key."))
    return _petition_out(request, petition)


LOOKUP_RESPONSES = with_errors(PetitionOut)


@router.post(
    "/{code}/lookup", response=LOOKUP_RESPONSES, summary="A petition's status and public history (key or contact)"
)
def feedback_lookup(request: HttpRequest, code: str, data: LookupIn):
    """The key (or the phone / e-mail address) in the body, so it stays out of URLs and access
    logs. Limited per address and per code; after repeated failures 422 with a question to
    answer in challenge_token / challenge_answer, as on submission."""
    return _lookup(request, code, data)


@router.get("/{code}", response=LOOKUP_RESPONSES, summary="A petition's status (key in the X-Petition-Key header)")
def feedback_status(request: HttpRequest, code: str, key: str = ""):
    """The key in the `X-Petition-Key` header; `?key=` is still read for older clients, but
    lands in access logs (the example nginx log format drops query strings): prefer the
    header or POST /{code}/lookup."""
    return _lookup(request, code, LookupIn(key=(request.headers.get("X-Petition-Key") or key)[:40]))


def _petition_out(request: HttpRequest, petition) -> dict:
    labels = dict(PetitionStatus.choices)
    view = petition_public(petition)
    handled = view.handled
    return {
        "code": petition.code,
        "title": petition.title,
        "field": petition.area.name,
        "status": petition.status,
        "status_label": str(labels[petition.status]),
        "submitted_at": petition.submitted_at.isoformat(),
        "history": [
            {
                "status": e.status_to,
                "label": str(labels[e.status_to]),
                "at": e.created_at.isoformat(),
                "note": e.shown_note,
            }
            for e in view.events
        ],
        "merged_into": handled.code if handled is not petition else None,
        "answer_due": handled.answer_by.isoformat()
        if handled.answer_by and handled.status == PetitionStatus.PROCESSING
        else None,
        "answer": view.answer.body if view.answer else None,
        "answered_at": view.answer.approved_at.isoformat() if view.answer else None,
        "answer_files": [
            {
                "name": f.name,
                "size": f.size,
                "url": site_url(reverse("petition_answer_file", args=[f.token])),
            }
            for f in view.answer_files
        ],
    }

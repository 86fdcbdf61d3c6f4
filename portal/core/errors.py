"""Answers when something the site depends on is away, and for requests it will not read.

- `server_error` (handler500): when the database cannot be reached (OperationalError,
  InterfaceError), the visitor gets 503 with Retry-After rather than 500: JSON under /api/, the
  static "back soon" page elsewhere (it needs no database). Other errors stay a 500, JSON under
  /api/ too.
- `RequestGuardMiddleware`: a JSON body larger than JSON_MAX_BODY_BYTES is refused from its
  Content-Length, before anything reads it (413), so a client sending megabytes of JSON costs
  a worker nothing (multipart bodies, the attachments, have their own limits); a NUL character
  in the address or the query string, which no page uses and PostgreSQL refuses in any text,
  is a 400.
"""

from __future__ import annotations

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

RETRY_AFTER = "30"


def json_response(body: dict, *, status: int) -> JsonResponse:
    """JSON with Vietnamese left readable (not \\u-escaped): the API's error answers."""
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def _is_api(request) -> bool:
    return request.path_info.startswith("/api/")


@requires_csrf_token
def server_error(request, *args, **kwargs):
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        status, message, template = 503, _("The site is briefly unavailable. Please try again in a minute."), "503.html"
    else:
        status, message, template = 500, _("The site has a problem. Please try again in a few minutes."), "500.html"
    if _is_api(request):
        response = json_response({"detail": message}, status=status)
    else:
        response = HttpResponse(loader.get_template(template).render({}), status=status)
    if status == 503:
        response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or "%00" in request.META.get("QUERY_STRING", "")
            or "\x00" in "".join(request.GET.values())
        ):
            return _refused(request, _("The address holds a character that is not allowed."), 400)
        if request.method in ("POST", "PUT", "PATCH") and request.content_type == "application/json":
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.JSON_MAX_BODY_BYTES:
                kb = settings.JSON_MAX_BODY_BYTES // 1024
                return json_response(
                    {"detail": _("The request is too large (at most %(kb)s KB).") % {"kb": kb}}, status=413
                )
        return self.get_response(request)


def _refused(request, message: str, status: int):
    if _is_api(request):
        return json_response({"detail": message}, status=status)
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")

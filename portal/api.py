"""The HTTP API under /api/v1/ (django-ninja). Each app contributes a router."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from portal.accessibility.api import router as read_aloud_router
from portal.feedback.api import router as feedback_router
from portal.news.api import router as news_router
from portal.science.api import router as science_router
from portal.visits.api import router as visits_router

api = NinjaAPI(
    title="Department portal API",
    version="1",
    description="Public read API of the department portal.",
    urls_namespace="api-v1",
)


@api.exception_handler(NinjaValidationError)
def validation_error(request, exc: NinjaValidationError):
    """422 with a Vietnamese message per field instead of pydantic's English."""
    errors = []
    for error in exc.errors:
        loc = [str(part) for part in error.get("loc", []) if part not in ("query", "body", "path")]
        errors.append({"field": ".".join(loc), "message": str(_("This value is not valid."))})
    return api.create_response(request, {"detail": errors}, status=422)


api.add_router("/articles", news_router)
api.add_router("/visits", visits_router)
api.add_router("/read-aloud", read_aloud_router)
api.add_router("/feedback", feedback_router)
api.add_router("", science_router)

"""A council meeting's page: the nominees before it, the secret ballot entered per nominee,
the tally against the voting rule in force, closing the meeting, and the minutes (DOCX)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from portal.core.models import SiteIdentity
from portal.core.reports import docx_response

from .. import services
from ..exports import minutes_document
from ..forms import BallotsForm
from ..models import CouncilMeeting
from ..selectors import meeting_tally
from .common import StepsView

CHANGE = "awards.change_councilmeeting"


class MeetingView(StepsView):
    template_name = "awards/admin/meeting.html"
    change_permission = CHANGE

    def get_page_title(self):
        return _("Council meeting")

    def allowed(self, name: str) -> bool:
        return not self.object.closed_at and super().allowed(name)

    def forms_for(self, data=None) -> dict:
        nominations = self.object.nominations.select_related("official", "unit").order_by("code", "pk")
        return {"votes": BallotsForm(data, nominations=nominations, prefix="votes"), "close": None}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            meeting=self.object,
            tally=meeting_tally(self.object),
            history=ModelLogEntry.objects.for_instance(self.object).select_related("user").order_by("timestamp"),
        )
        return context

    def step_votes(self, form):
        count = services.meeting_votes(self.object, user=self.request.user, ballots=form.ballots())
        return _("Ballots recorded for %(count)s nominees.") % {"count": count}

    def step_close(self, form):
        services.meeting_close(self.object, user=self.request.user)
        return _("Meeting closed: the results are final.")


def meeting_minutes(request, pk: int):
    if not request.user.has_perm("awards.view_councilmeeting"):
        return permission_denied(request)
    meeting = get_object_or_404(CouncilMeeting, pk=pk)
    identity = SiteIdentity.for_request(request)
    document = minutes_document(meeting, department=identity.department_name, parent_body=identity.parent_body)
    log(meeting, "portal.report_export", user=request.user, data={"report": "awards_minutes", "format": "docx"})
    return docx_response(f"bien-ban-hoi-dong-{meeting.held_on:%Y-%m-%d}.docx", document)

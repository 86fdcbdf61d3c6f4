from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core.permissions import register_read_only_report

from .models import OutgoingMail


class OutgoingMailViewSet(ModelViewSet):
    """Báo cáo → Thư đi: what the outbox holds (waiting, given up with the server's error,
    sent), for whoever may view it (administrators): the texts hold citizens' data."""

    model = OutgoingMail
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    name = "outgoing_mail"
    add_to_admin_menu = False
    inspect_view_enabled = True
    form_fields = ["subject"]  # required by ModelViewSet; the edit views are never allowed
    list_display = ["reference", "subject", "attempts", "send_after", "sent_at", "failed_at"]
    list_filter = ["sent_at", "failed_at"]
    inspect_view_fields = [
        "reference",
        "to",
        "subject",
        "body",
        "created_at",
        "attempts",
        "send_after",
        "sent_at",
        "failed_at",
        "last_error",
    ]
    ordering = ["-created_at"]


outgoing_mail_viewset = register_read_only_report(OutgoingMailViewSet)


@hooks.register("portal_scheduled_jobs")
def outbox_jobs():
    from portal.core.jobs import Job

    # E-mail the task worker could not deliver (mail server down), with growing delays.
    return [Job("mail_outbox", "mail_outbox", {"send": True}, order=10)]

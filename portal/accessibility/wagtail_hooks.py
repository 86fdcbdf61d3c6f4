from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from portal.core.permissions import register_read_only_report

from .models import ArticleAudio


class ArticleAudioViewSet(ModelViewSet):
    model = ArticleAudio
    icon = "media"
    menu_label = _("Article recordings")
    name = "article_audio"
    add_to_admin_menu = False
    inspect_view_enabled = True
    form_fields = ["status"]  # required by ModelViewSet; the edit views are never allowed
    list_display = ["page", "status", "engine", "voice", "duration", "size", "updated_at"]
    list_filter = ["status", "engine"]
    inspect_view_fields = [
        "page",
        "revision",
        "status",
        "engine",
        "voice",
        "speed",
        "duration",
        "size",
        "error",
        "synthesis_seconds",
        "updated_at",
    ]
    ordering = ["-updated_at"]


article_audio_viewset = register_read_only_report(ArticleAudioViewSet)


@hooks.register("portal_setup")
def grant_recording_view(home):
    """Editors and editors-in-chief see why an article has no recording yet."""
    from django.contrib.auth.models import Group, Permission

    from portal.core.roles import APPROVERS, EDITORS

    permission = Permission.objects.get(content_type__app_label="accessibility", codename="view_articleaudio")
    for group in Group.objects.filter(name__in=[EDITORS, APPROVERS]):
        group.permissions.add(permission)


@hooks.register("portal_scheduled_jobs")
def read_aloud_jobs():
    from portal.core.jobs import Job

    return [
        # Recordings of articles published without the background task (bulk imports, demo
        # content): as many as fit in half a minute, so the other jobs wait at most that long.
        Job(
            "generate_audio",
            "generate_audio",
            {"missing": True, "time_budget": 30, "skip_unavailable": True},
            order=30,
        ),
        # Recordings no reader gets any more, a week after they stopped being used.
        Job("audio_prune", "audio_prune", every=3600, order=90),
    ]

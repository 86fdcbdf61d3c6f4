from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from portal.core.permissions import register_read_only_report

from . import services, views
from .models import Abbreviation, ArticleAudio


class AbbreviationIndexView(IndexView):
    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perms(views.IMPORT_PERMISSIONS):
            buttons.append(Button(_("Import from CSV"), url=reverse("glossary_import"), icon_name="upload"))
        return buttons


class AbbreviationViewSet(SnippetViewSet):
    model = Abbreviation
    index_view_class = AbbreviationIndexView
    icon = "doc-full"
    menu_label = _("Abbreviations")
    menu_name = "abbreviations"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["abbreviation", "full_form", "note", "updated_at"]
    list_export = ["abbreviation", "full_form", "note"]
    export_filename = "tu-viet-tat"
    search_fields = ["abbreviation", "full_form", "note"]
    search_backend_name = None  # plain database filtering: the glossary is small
    ordering = ["abbreviation"]


register_snippet(AbbreviationViewSet)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("glossary/import/", views.glossary_import_view, name="glossary_import")]


@hooks.register("portal_setup")
def seed_glossary(home):
    services.glossary_seed()


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

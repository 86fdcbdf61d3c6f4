from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import services, views
from .models import Abbreviation


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
    return [path("glossary/import/", views.GlossaryImportView.as_view(), name="glossary_import")]


@hooks.register("portal_setup")
def seed_glossary(home):
    services.glossary_seed()


@hooks.register("register_admin_urls")
def redirect_old_snippet_urls():
    """The glossary's admin pages before it was an app of its own (bookmarks keep working)."""
    return [
        path(
            "snippets/accessibility/abbreviation/<path:rest>",
            RedirectView.as_view(url=f"/{settings.ADMIN_PATH}snippets/glossary/abbreviation/%(rest)s", permanent=True),
        ),
        path(
            "snippets/accessibility/abbreviation/",
            RedirectView.as_view(url=f"/{settings.ADMIN_PATH}snippets/glossary/abbreviation/", permanent=True),
        ),
    ]


@hooks.register("portal_public_addresses")
def glossary_address():
    from portal.core.links import PublicAddress

    return [PublicAddress(_("Abbreviations"), reverse("glossary"))]

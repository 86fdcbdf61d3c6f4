"""The public glossary page (/tu-viet-tat/) and the admin's CSV import."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy

from portal.core.importview import ImportView

from . import services
from .selectors import glossary_entries, glossary_search

IMPORT_PERMISSIONS = ("glossary.add_abbreviation", "glossary.change_abbreviation")


def glossary_page(request):
    """ "Từ viết tắt": every abbreviation of the glossary, filtered by ?q= (diacritics and case
    optional; the page also filters as one types when JavaScript is on)."""
    query = " ".join(request.GET.get("q", "").split())[:100]
    entries = glossary_search(query) if query else list(glossary_entries())
    return render(
        request,
        "glossary/glossary.html",
        {"entries": entries, "query": query, "total": len(glossary_entries())},
    )


class GlossaryImportView(ImportView):
    """The glossary's CSV/XLSX import, with the preview of every admin import."""

    permissions = IMPORT_PERMISSIONS
    name = "glossary_import"
    done_url_name = "wagtailsnippets_glossary_abbreviation:list"
    title = gettext_lazy("Import abbreviations")
    help_text = gettext_lazy(
        "UTF-8 CSV or XLSX, first row: abbreviation, full_form, note (or: Từ viết tắt, Nghĩa đầy đủ, Ghi chú). "
        "Existing abbreviations are updated, new ones added; none is deleted."
    )
    key_label = gettext_lazy("Abbreviation")
    created_label = gettext_lazy("new abbreviation")
    too_large = gettext_lazy("The file is larger than 2 MB.")
    command = "glossary_import"
    max_bytes = services.MAX_IMPORT_BYTES

    def run(self, data, *, filename, user, dry_run):
        return services.glossary_import(data, dry_run=dry_run, user=user)

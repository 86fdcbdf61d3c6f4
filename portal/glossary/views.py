"""The public glossary page (/tu-viet-tat/) and the admin's CSV import."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import permission_denied

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


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8, first row: abbreviation, full_form, note (or: Từ viết tắt, Nghĩa đầy đủ, Ghi chú). "
            "Existing abbreviations are updated, new ones added; none is deleted."
        ),
    )
    dry_run = forms.BooleanField(label=gettext_lazy("Only check, change nothing"), required=False)


@require_http_methods(["GET", "POST"])
def glossary_import_view(request):
    if not request.user.has_perms(IMPORT_PERMISSIONS):
        return permission_denied(request)
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.glossary_import(
                form.cleaned_data["file"].read(services.MAX_IMPORT_BYTES + 1),
                dry_run=form.cleaned_data["dry_run"],
                user=request.user,
            )
        except services.GlossaryFileError as error:
            form.add_error("file", str(error))
        else:
            if not form.cleaned_data["dry_run"] and not result.errors:
                messages.success(request, result.summary())
                return redirect("wagtailsnippets_glossary_abbreviation:list")
    return render(
        request,
        "glossary/admin/import.html",
        {
            "form": form,
            "result": result,
            "page_title": _("Import abbreviations"),
            "header_title": _("Import abbreviations"),
        },
    )

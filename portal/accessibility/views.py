import re

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail.admin.auth import permission_denied

from . import services
from .glossary import glossary_entries, glossary_search
from .models import ArticleAudio

IMPORT_PERMISSIONS = ("accessibility.add_abbreviation", "accessibility.change_abbreviation")


def glossary_page(request):
    """ "Từ viết tắt": every abbreviation of the glossary, filtered by ?q= (diacritics and case
    optional; the page also filters as one types when JavaScript is on)."""
    query = " ".join(request.GET.get("q", "").split())[:100]
    entries = glossary_search(query) if query else list(glossary_entries())
    return render(
        request,
        "accessibility/glossary.html",
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
                return redirect("wagtailsnippets_accessibility_abbreviation:list")
    return render(
        request,
        "accessibility/admin/import.html",
        {
            "form": form,
            "result": result,
            "page_title": _("Import abbreviations"),
            "header_title": _("Import abbreviations"),
        },
    )


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@require_http_methods(["GET", "HEAD"])
def article_audio_file(request, pk: int):
    """The MP3 of a recording, with HTTP range support (seeking, and Safari, which asks for
    ranges before it plays). Only recordings of live, public articles are served."""
    audio = get_object_or_404(ArticleAudio.objects.select_related("page"), pk=pk, status=ArticleAudio.Status.READY)
    page = audio.page
    if not page.live or page.get_view_restrictions().exists() or not audio.file:
        raise Http404
    etag = f'"{audio.pk}-{audio.size}-{audio.file.name.rsplit("-", 1)[-1]}"'
    if request.headers.get("If-None-Match") == etag:
        return HttpResponseNotModified(headers={"ETag": etag})
    try:
        handle = audio.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    size = audio.file.size
    start, end, status = 0, size - 1, 200
    wanted = request.headers.get("Range", "").strip()
    if wanted and request.headers.get("If-Range", etag) == etag:
        match = _RANGE.match(wanted)
        if match is None or (not match.group(1) and not match.group(2)):
            handle.close()
            return _unsatisfiable(size)
        if match.group(1):
            start = int(match.group(1))
            end = min(int(match.group(2)), size - 1) if match.group(2) else size - 1
        else:  # the last N bytes
            start = max(0, size - int(match.group(2)))
        if start >= size or start > end:
            handle.close()
            return _unsatisfiable(size)
        status = 206
    length = end - start + 1
    handle.seek(start)
    body = b"" if request.method == "HEAD" else handle.read(length)
    handle.close()
    response = HttpResponse(body, status=status, content_type="audio/mpeg")
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Cache-Control"] = "public, max-age=86400"
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _unsatisfiable(size: int) -> HttpResponse:
    response = HttpResponse(status=416)
    response["Content-Range"] = f"bytes */{size}"
    response["Accept-Ranges"] = "bytes"
    return response

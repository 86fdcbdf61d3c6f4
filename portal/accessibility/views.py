import re

from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_http_methods

from .models import ArticleAudio

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

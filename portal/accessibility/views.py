import re

from django.http import Http404, HttpResponse, HttpResponseNotModified, HttpResponsePermanentRedirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from portal.core import params
from portal.news import selectors as news

from .models import ArticleAudio
from .selectors import article_audio_current
from .services import read_aloud_config

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _old_address(pk: int) -> HttpResponse:
    """Addresses of the first version were keyed by the recording's id: one that is not an
    article's id is still found, by the recording, and redirected to the article's address
    pinned to it."""
    old = ArticleAudio.objects.filter(pk=pk, status=ArticleAudio.Status.READY).select_related("page").first()
    if old is None or not old.page.live or old.page.get_view_restrictions().exists():
        raise Http404
    return HttpResponsePermanentRedirect(f"{reverse('article_audio', args=[old.page_id])}?v={old.pk}")


@require_http_methods(["GET", "HEAD"])
def article_audio_file(request, pk: int):
    """The MP3 read aloud for an article (`pk`: the article's id), with HTTP range support
    (seeking, and Safari, which asks for ranges before it plays). Without `?v=` it is the
    article's current recording; `?v=<recording id>` pins one recording of the same article
    (the player asks for the one its sentence times belong to). Only live, public articles
    (news.live_articles) are served."""
    if pk > params.MAX_ID:  # no such record; the database would refuse the number
        raise Http404
    page = news.live_articles().filter(pk=pk).first()
    if page is None:
        return _old_address(pk)
    try:
        version = params.record_id(request.GET.get("v"))
    except params.BadParameter:  # not one of our addresses: the current recording
        version = None
    if version:
        ready = ArticleAudio.objects.filter(page=page, status=ArticleAudio.Status.READY).exclude(file="")
        audio = ready.filter(pk=version).first()
    else:
        audio = article_audio_current(page, read_aloud_config())
    if audio is None:
        raise Http404
    pinned = bool(version)
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
    # A pinned address always gives the same bytes; the article's own changes when it is edited.
    response["Cache-Control"] = "public, max-age=31536000, immutable" if pinned else "public, max-age=300"
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _unsatisfiable(size: int) -> HttpResponse:
    response = HttpResponse(status=416)
    response["Content-Range"] = f"bytes */{size}"
    response["Accept-Ranges"] = "bytes"
    return response

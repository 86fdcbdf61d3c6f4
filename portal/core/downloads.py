"""Serving a stored private file (petition attachments, answer files, later dossiers): never
rendered by the browser as a page of our site, never cached, never sniffed."""

from __future__ import annotations

import mimetypes

from django.http import FileResponse, Http404


def private_file_response(field_file, *, name: str, content_type: str = "", as_attachment: bool) -> FileResponse:
    """The file behind `field_file` (a FieldFile), 404 when it is gone from the storage."""
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=name, content_type=content_type or mimetypes.guess_type(name)[0]
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response

"""Checks on files that citizens or staff upload (petition attachments and answers today;
documents, bookings and contests later): the one place that decides what may be stored.

The type is read from the content, never from the name or the browser's claim. The cheap
checks run first (count, size, magic bytes, a picture's dimensions from its header), the
costly ones only within bounds:

- pictures (images.py): dimensions read from the header and capped before any decoding, JPEG
  decoded at a reduced scale, then encoded again, which drops EXIF (GPS position, camera
  owner) and anything hidden after the picture data;
- PDF (pdf.py): parsed with pypdf (name escapes like `/J#61vaScript` and compressed object
  streams included); scripts, launch and form-submission actions and embedded files refused;
- DOCX/XLSX (office.py): bounded in entries, inflated size and ratio (zip bombs), without
  macros, OLE objects, ActiveX or external relationships other than hyperlinks;
- a virus scanner when one is configured (scan.py).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .. import formats
from .errors import FileRejected
from .images import reencode
from .office import office_kind
from .pdf import check_pdf
from .scan import scan

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx", XLSX: "xlsx"}


@dataclass(frozen=True)
class Limits:
    """What one form accepts: how many files, how large each, and the virus scanner."""

    max_files: int
    max_bytes: int
    scan_command: str = ""
    scan_timeout: int = 30


@dataclass
class CheckedFile:
    name: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def safe_name(name: str, extension: str) -> str:
    """The name shown to staff: no path, no control characters, the extension of the real
    type (a "photo.pdf.exe" that is really a PNG becomes "photo.pdf.png")."""
    base = unicodedata.normalize("NFC", str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[\x00-\x1f\x7f<>:\"|?*\ud800-\udfff]", "", base).strip(" .") or "tep"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem[:100]}.{extension}"


def _too_large(size: int, limit: int) -> FileRejected:
    return FileRejected(
        _("The file is larger than %(mb)s MB (%(size)s MB).")
        % {"mb": formats.number(limit // 1048576), "size": f"{size / 1048576:.1f}".replace(".", ",")}
    )


def check_file(name: str, data: bytes, limits: Limits) -> CheckedFile:
    """The file as it will be stored, or FileRejected with the reason."""
    if not data:
        raise FileRejected(_("The file is empty."))
    if len(data) > limits.max_bytes:
        raise _too_large(len(data), limits.max_bytes)
    if data.startswith(b"%PDF-"):
        check_pdf(data)
        kind, stored = PDF, data
    elif data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind, stored = reencode(data)
    elif data.startswith(b"PK\x03\x04"):
        kind = {"docx": DOCX, "xlsx": XLSX}.get(office_kind(data) or "")
        if kind is None:
            raise FileRejected(_("Only PDF, JPG, PNG, DOCX and XLSX files are accepted."))
        stored = data
    else:
        raise FileRejected(_("Only PDF, JPG, PNG, DOCX and XLSX files are accepted."))
    scan(stored, limits.scan_command, limits.scan_timeout)
    return CheckedFile(name=safe_name(name, EXTENSIONS[kind]), content_type=kind, data=stored)


def too_many(uploads: list, limits: Limits) -> list[str]:
    """The message when more files were sent than the form takes (checked before any file)."""
    if len(uploads) > limits.max_files:
        return [_("Attach at most %(n)s files.") % {"n": limits.max_files}]
    return []


def check_files(uploads: list[tuple[str, bytes]], limits: Limits) -> tuple[list[CheckedFile], list[str]]:
    """All files checked (the list, and a message per refused file)."""
    errors = too_many(uploads, limits)
    if errors:
        return [], errors
    checked = []
    for name, data in uploads:
        try:
            checked.append(check_file(name, data, limits))
        except FileRejected as error:
            errors.append(f"{safe_name(name, 'x')[:-2]}: {error}")
    return checked, errors

"""Checks on files sent with a petition or attached to an answer.

The type is decided from the content, never from the name or the browser's claim: a PDF must
start like one, a DOCX/XLSX must be an Office Open XML zip of that kind without macros, an
image must decode. Images are decoded and encoded again, which drops EXIF (GPS position,
camera owner) and anything hidden after the picture data.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import shlex
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from portal.core import formats

logger = logging.getLogger("portal.feedback")

MAX_PIXELS = 40_000_000  # a 10 MB PNG can hold far more; refuse decompression bombs
PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx", XLSX: "xlsx"}
_ACTIVE_PDF = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFile|XFA)\b")


class FileRejected(Exception):
    """A Vietnamese message saying why this file cannot be accepted."""


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
    base = re.sub(r"[\x00-\x1f\x7f<>:\"|?*]", "", base).strip(" .") or "tep"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem[:100]}.{extension}"


def _office_kind(data: bytes) -> str | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "[Content_Types].xml" not in names:
        return None
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise FileRejected(_("Files with macros are not accepted."))
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def _reencode(data: bytes) -> tuple[str, bytes]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            if probe.width * probe.height > MAX_PIXELS:
                raise FileRejected(_("The picture is too large (at most 40 megapixels)."))
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            out = io.BytesIO()
            if kind == "JPEG":
                image.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
                return JPEG, out.getvalue()
            if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            image.save(out, "PNG", optimize=True)
            return PNG, out.getvalue()
    except FileRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise FileRejected(_("The picture is damaged or not really a JPG/PNG image.")) from None


def check_file(name: str, data: bytes) -> CheckedFile:
    """The file as it will be stored, or FileRejected with the reason."""
    limit = settings.FEEDBACK_MAX_FILE_MB * 1024 * 1024
    if not data:
        raise FileRejected(_("The file is empty."))
    if len(data) > limit:
        raise FileRejected(
            _("The file is larger than %(mb)s MB (%(size)s MB).")
            % {
                "mb": formats.number(settings.FEEDBACK_MAX_FILE_MB),
                "size": f"{len(data) / 1048576:.1f}".replace(".", ","),
            }
        )
    if data.startswith(b"%PDF-"):
        if _ACTIVE_PDF.search(data):
            raise FileRejected(_("PDF files with scripts or embedded files are not accepted."))
        kind, stored = PDF, data
    elif data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n"):
        kind, stored = _reencode(data)
    elif data.startswith(b"PK\x03\x04"):
        kind = _office_kind(data)
        if kind is None:
            raise FileRejected(_("Only PDF, JPG, PNG, DOCX and XLSX files are accepted."))
        stored = data
    else:
        raise FileRejected(_("Only PDF, JPG, PNG, DOCX and XLSX files are accepted."))
    _scan(stored)
    return CheckedFile(name=safe_name(name, EXTENSIONS[kind]), content_type=kind, data=stored)


def _scan(data: bytes) -> None:
    """Run the configured virus scanner (FEEDBACK_SCAN_COMMAND, e.g. "clamdscan --no-summary -")
    on what would be stored, sent on its standard input. Exit 0: clean; 1: infected (refused);
    anything else, or no answer within FEEDBACK_SCAN_TIMEOUT: the file is refused with a
    request to send it later, since an unchecked file must not reach the department's staff.
    Nothing is stored either way, so the citizen loses nothing but the attachment."""
    command = settings.FEEDBACK_SCAN_COMMAND
    if not command:
        return
    try:
        done = subprocess.run(
            shlex.split(command), input=data, capture_output=True, timeout=settings.FEEDBACK_SCAN_TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.error("virus scan could not run: %s", error)
        raise FileRejected(_("The file could not be checked for viruses now; please send it again later.")) from None
    if done.returncode == 1:
        logger.warning("virus scan refused a file: %s", done.stdout.decode(errors="replace").strip()[:300])
        raise FileRejected(_("The file contains a virus and was not accepted."))
    if done.returncode != 0:
        logger.error(
            "virus scan failed (exit %s): %s", done.returncode, done.stderr.decode(errors="replace").strip()[:300]
        )
        raise FileRejected(_("The file could not be checked for viruses now; please send it again later."))


def check_files(uploads: list[tuple[str, bytes]]) -> tuple[list[CheckedFile], list[str]]:
    """All files checked (the list, and a message per refused file)."""
    errors: list[str] = []
    if len(uploads) > settings.FEEDBACK_MAX_FILES:
        return [], [_("Attach at most %(n)s files.") % {"n": settings.FEEDBACK_MAX_FILES}]
    checked = []
    for name, data in uploads:
        try:
            checked.append(check_file(name, data))
        except FileRejected as error:
            errors.append(f"{safe_name(name, 'x')[:-2]}: {error}")
    return checked, errors

"""DOCX and XLSX files (Office Open XML, ISO/IEC 29500: a zip of XML parts and relationships).

Refused: zip bombs (more than MAX_ENTRIES entries, more than MAX_INFLATED bytes once inflated,
or an inflation ratio over MAX_RATIO; the sizes are measured while inflating, not taken from
the headers, which can lie), macros (`vbaProject.bin`, macro-enabled content types), OLE
objects and ActiveX controls, and relationships that make the program fetch something when
the file is opened (a remote template, frames, external data), i.e. every external
relationship other than a hyperlink."""

from __future__ import annotations

import io
import zipfile
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from .errors import FileRejected

MAX_ENTRIES = 1_000
MAX_INFLATED = 100 * 1024 * 1024
MAX_RATIO = 150
MAX_PART = 2 * 1024 * 1024  # a relationships or content-types part larger than this is not a real one
ACTIVE_RELATIONSHIPS = ("/oleObject", "/control", "/activeXControl", "/activeXControlBinary", "/vbaProject")
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _refused(message: str) -> FileRejected:
    return FileRejected(message)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: list[int]) -> bytes:
    """Inflate one entry, counting against the whole file's budget; keep only small parts."""
    kept = bytearray()
    keep = info.filename.endswith(".rels") or info.filename == "[Content_Types].xml"
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise _refused(_("The file inflates to far more than its size (a zip bomb) and was not accepted."))
            if keep:
                if len(kept) + len(chunk) > MAX_PART:
                    raise _refused(_("The file is damaged or not a real DOCX/XLSX document."))
                kept += chunk
    return bytes(kept)


def _check_relationships(part: bytes) -> None:
    try:
        root = ElementTree.fromstring(part)
    except ElementTree.ParseError:
        raise _refused(_("The file is damaged or not a real DOCX/XLSX document.")) from None
    for relationship in root.iter(_RELS_NS):
        kind = relationship.get("Type", "")
        if kind.endswith(ACTIVE_RELATIONSHIPS):
            raise _refused(_("Files with embedded objects or controls are not accepted."))
        if relationship.get("TargetMode") == "External" and not kind.endswith("/hyperlink"):
            raise _refused(_("Files that load content from elsewhere when opened are not accepted."))


def office_kind(data: bytes) -> str | None:
    """ "docx", "xlsx" or None (some other zip); FileRejected for an active or bomb file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise _refused(
                _("The file has too many parts (at most %(n)s).") % {"n": f"{MAX_ENTRIES:,}".replace(",", ".")}
            )
        names = {info.filename for info in entries}
        if "[Content_Types].xml" not in names:
            return None
        lowered = [name.lower() for name in names]
        if any(name.endswith("vbaproject.bin") for name in lowered):
            raise _refused(_("Files with macros are not accepted."))
        if any("/embeddings/" in name and name.endswith(".bin") or "/activex/" in name for name in lowered):
            raise _refused(_("Files with embedded objects or controls are not accepted."))
        budget = [min(MAX_INFLATED, max(len(data), 1) * MAX_RATIO)]
        for info in entries:
            part = _read_bounded(archive, info, budget)
            if info.filename == "[Content_Types].xml" and b"macroEnabled" in part:
                raise _refused(_("Files with macros are not accepted."))
            if info.filename.endswith(".rels"):
                _check_relationships(part)
    except FileRejected:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None

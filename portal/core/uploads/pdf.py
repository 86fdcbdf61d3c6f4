"""PDF files: parsed with pypdf, which decodes what a byte search cannot see (name escapes
such as `/J#61vaScript`, objects inside compressed object streams), then every object is
walked, reachable or not, and the active parts are refused: JavaScript, launch, import,
form-submission and embedded-go-to actions, embedded files, XFA forms, rich media. Plain
links (`/URI`, `/GoTo`) stay: they are how documents cite the law."""

from __future__ import annotations

import io
import logging
import re

from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from .errors import FileRejected

logger = logging.getLogger("portal.uploads")

MAX_OBJECTS = 200_000  # a 10 MB report has a few thousand; more is a parser bomb
ACTIVE_KEYS = {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/RichMedia"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/GoToE", "/RichMediaExecute", "/Rendition"}
ACTIVE_TYPES = {"/EmbeddedFile", "/RichMedia"}
_PLAIN = re.compile(rb"/(?:JavaScript|JS|Launch|EmbeddedFiles?|XFA)\b")


def _active() -> FileRejected:
    return FileRejected(_("PDF files with scripts or embedded files are not accepted."))


def _damaged() -> FileRejected:
    return FileRejected(_("The PDF file is damaged or cannot be read."))


def _all_objects(reader: PdfReader) -> list:
    """Every object the file defines, also those nothing points to."""
    found = [
        IndirectObject(number, generation, reader) for generation, table in reader.xref.items() for number in table
    ]
    found += [IndirectObject(number, 0, reader) for number in reader.xref_objStm]
    return found


def check_pdf(data: bytes) -> None:
    """Nothing when the PDF is passive; FileRejected otherwise."""
    if _PLAIN.search(data):  # the plain spelling: no need to parse
        raise _active()
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileRejected(_("Password-protected PDF files are not accepted."))
        stack: list = [reader.trailer, *_all_objects(reader)]
        seen: set[tuple[int, int]] = set()
        visited = 0
        while stack:
            item = stack.pop()
            if isinstance(item, IndirectObject):
                ref = (item.idnum, item.generation)
                if ref in seen:
                    continue
                seen.add(ref)
                item = item.get_object()
            visited += 1
            if visited > MAX_OBJECTS:
                raise _damaged()
            if isinstance(item, DictionaryObject):
                for key, value in item.items():
                    if key in ACTIVE_KEYS:
                        raise _active()
                    if isinstance(value, NameObject) and (
                        (key == "/S" and value in ACTIVE_ACTIONS) or (key == "/Type" and value in ACTIVE_TYPES)
                    ):
                        raise _active()
                    if isinstance(value, (DictionaryObject, ArrayObject, IndirectObject)):
                        stack.append(value)
            elif isinstance(item, ArrayObject):
                stack.extend(v for v in item if isinstance(v, (DictionaryObject, ArrayObject, IndirectObject)))
    except FileRejected:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, RecursionError, OSError) as error:
        logger.info("PDF refused as unreadable: %s", type(error).__name__)
        raise _damaged() from None

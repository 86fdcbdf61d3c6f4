"""Pictures (JPEG, PNG): decoded only within bounds, then encoded again.

A small file can describe a huge picture (a 130 KB PNG of 40 megapixels cost 2 s of CPU and
hundreds of MB to re-encode). The dimensions are read from the header, which costs nothing,
and capped before decoding: JPEG at MAX_JPEG_PIXELS (a 50-megapixel phone photo passes) and
decoded at a reduced scale (the DCT "draft" mode, a fraction of the work), PNG at
MAX_PNG_PIXELS (screenshots and scans). What is stored is at most STORED_LONG_SIDE pixels on
its long side: enough for staff to read a document photographed by a citizen."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from .errors import FileRejected

MAX_JPEG_PIXELS = 50_000_000
MAX_PNG_PIXELS = 12_000_000
STORED_LONG_SIDE = 4096


def _damaged() -> FileRejected:
    return FileRejected(_("The picture is damaged or not really a JPG/PNG image."))


def reencode(data: bytes) -> tuple[str, bytes]:
    """(content type, bytes to store) of a JPEG or PNG, or FileRejected."""
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            kind = image.format
            limit = MAX_JPEG_PIXELS if kind == "JPEG" else MAX_PNG_PIXELS
            if kind not in ("JPEG", "PNG"):
                raise _damaged()
            if image.width * image.height > limit:
                raise FileRejected(
                    _("The picture is too large (at most %(mp)s megapixels).") % {"mp": limit // 1_000_000}
                )
            if kind == "JPEG":
                image.draft("RGB", (STORED_LONG_SIDE, STORED_LONG_SIDE))  # decode at 1/2, 1/4 or 1/8 scale
            image.load()
            if max(image.size) > STORED_LONG_SIDE:
                image.thumbnail((STORED_LONG_SIDE, STORED_LONG_SIDE))
            out = io.BytesIO()
            if kind == "JPEG":
                image.convert("RGB").save(out, "JPEG", quality=88)
                return "image/jpeg", out.getvalue()
            if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                image = image.convert("RGBA")
            image.save(out, "PNG", compress_level=6)
            return "image/png", out.getvalue()
    except FileRejected:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise _damaged() from None

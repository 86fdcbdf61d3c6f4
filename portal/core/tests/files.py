"""Files for the upload tests, built here: real and hostile PDFs, pictures, Office files."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from PIL import Image

CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"


def pdf(objects: dict[int, bytes] | None = None, *, packed: dict[int, bytes] | None = None) -> bytes:
    """A PDF 1.5 with a cross-reference stream: objects 1-3 are a catalog, its pages and one
    page (pass others to replace or add them); `packed` objects are stored compressed inside an
    object stream, where a byte search cannot see them."""
    objects = {1: CATALOG, 2: PAGES, 3: PAGE, **(objects or {})}
    packed = packed or {}
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, tuple[int, int, int]] = {}
    for number, body in sorted(objects.items()):
        offsets[number] = (1, len(out), 0)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    if packed:
        stream_number = max([*objects, *packed]) + 1
        header, bodies = [], b""
        for index, (number, body) in enumerate(sorted(packed.items())):
            header.append(b"%d %d" % (number, len(bodies)))
            bodies += body + b"\n"
            offsets[number] = (2, stream_number, index)
        head = b" ".join(header) + b"\n"
        data = zlib.compress(head + bodies)
        offsets[stream_number] = (1, len(out), 0)
        out += (
            b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
            % (stream_number, len(packed), len(head), len(data))
            + data
            + b"\nendstream\nendobj\n"
        )
    xref_number = max(offsets) + 1
    offsets[xref_number] = (1, len(out), 0)
    size = xref_number + 1
    rows = b"".join(struct.pack(">BIH", *offsets.get(n, (0, 0, 0xFFFF if n == 0 else 0))) for n in range(size))
    xref_at = offsets[xref_number][1]
    out += (
        b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n"
        % (xref_number, size, len(rows))
        + rows
        + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at
    )
    return bytes(out)


PDF = pdf()


def picture(kind: str = "JPEG", size: tuple[int, int] = (40, 30), exif: str = "") -> bytes:
    image = Image.new("RGB", size, (200, 10, 10))
    out = io.BytesIO()
    options = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = exif  # Make
        options["exif"] = data.tobytes()
    image.save(out, kind, **options)
    return out.getvalue()


def huge_png(width: int, height: int) -> bytes:
    """A PNG of width × height black pixels that weighs a few hundred KB (a decompression bomb)."""
    row = b"\0" + b"\0" * width  # filter byte + one grey byte per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def office(kind: str = "docx", *, macro: bool = False, extra: dict[str, bytes | str] | None = None) -> bytes:
    out = io.BytesIO()
    extra = extra or {}
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        if "[Content_Types].xml" not in extra:
            archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml" if kind == "docx" else "xl/workbook.xml", "<x/>")
        if macro:
            archive.writestr("word/vbaProject.bin", b"\0")
        for name, content in extra.items():
            archive.writestr(name, content)
    return out.getvalue()


def relationships(*items: tuple[str, str, str]) -> str:
    """A relationships part of (type suffix, target, target mode) items."""
    rows = "".join(
        f'<Relationship Id="r{n}" Type="{RELS}/{kind}" Target="{target}"'
        + (f' TargetMode="{mode}"' if mode else "")
        + "/>"
        for n, (kind, target, mode) in enumerate(items)
    )
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rows}</Relationships>'


def zip_bomb(inflated_mb: int) -> bytes:
    """A DOCX whose one part inflates to `inflated_mb` MB of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<x/>")
        with archive.open("word/media/zeros.xml", "w") as part:
            block = b"\0" * (1 << 20)
            for _ in range(inflated_mb):
                part.write(block)
    return out.getvalue()


def many_entries(count: int) -> bytes:
    return office(extra={f"word/p{n}.xml": "" for n in range(count)})


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("payload/run.sh", "rm -rf /")
    return out.getvalue()

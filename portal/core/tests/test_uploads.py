"""Upload checks (uploads/): what got through before (issue 14.2 and 14.8) is refused, real
documents still pass, and a picture is never decoded beyond its bounds."""

import io

import pytest
from PIL import Image

from portal.core.uploads import FileRejected, Limits, check_file, images, office

from .files import PDF, huge_png, many_entries, pdf, picture, relationships, zip_bomb
from .files import office as office_file

LIMITS = Limits(max_files=5, max_bytes=10 * 1024 * 1024)
OPEN_ACTION = b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>"


def refused(data: bytes, name: str = "tep") -> str:
    with pytest.raises(FileRejected) as error:
        check_file(name, data, LIMITS)
    return str(error.value)


def test_real_files_pass():
    assert check_file("don.pdf", PDF, LIMITS).content_type == "application/pdf"
    linked = pdf({1: OPEN_ACTION, 4: b"<< /S /URI /URI (https://vanban.chinhphu.vn/) >>"})
    assert check_file("luat.pdf", linked, LIMITS).content_type == "application/pdf"
    hyperlink = relationships(("hyperlink", "https://sokhcn.example.vn/", "External"), ("styles", "styles.xml", ""))
    document = office_file(extra={"word/_rels/document.xml.rels": hyperlink})
    assert check_file("don.docx", document, LIMITS).content_type.endswith("wordprocessingml.document")
    assert check_file("bang.xlsx", office_file("xlsx"), LIMITS).content_type.endswith("spreadsheetml.sheet")


@pytest.mark.parametrize(
    "data",
    [
        pdf({1: OPEN_ACTION, 4: b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>"}),  # name escapes
        pdf({1: OPEN_ACTION}, packed={4: b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>"}),  # object stream
        pdf(packed={9: b"<< /S /Launch /F (cmd.exe) >>"}),  # referenced by nothing
        pdf({1: OPEN_ACTION, 4: b"<< /S /SubmitForm /F (https://example.com/) >>"}),
        pdf({4: b"<< /Type /Embedded#46ile /Length 0 >>"}),
        pdf({1: b"<< /Type /Catalog /Pages 2 0 R /Names << /Embedded#46iles 4 0 R >> >>", 4: b"<< >>"}),
    ],
    ids=["name-escape", "object-stream", "unreferenced-launch", "submit-form", "embedded-file", "embedded-files"],
)
def test_active_pdfs_are_refused_whatever_their_encoding(data):
    assert b"JavaScript" not in data or b"#" in data  # a byte search would have missed them
    assert "mã lệnh" in refused(data)


def test_damaged_pdf_is_refused():
    assert "hỏng" in refused(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")


def test_zip_bombs_are_refused_while_inflating(monkeypatch):
    monkeypatch.setattr(office, "MAX_INFLATED", 20 * 1024 * 1024)
    bomb = zip_bomb(60)  # a few dozen KB that inflate to 60 MB
    assert len(bomb) < 200_000
    assert "zip" in refused(bomb)


def test_too_many_entries_are_refused_before_reading_any():
    assert "quá nhiều" in refused(many_entries(office.MAX_ENTRIES + 1))


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            {
                "word/_rels/settings.xml.rels": relationships(
                    ("attachedTemplate", "http://x.example/t.dotm", "External")
                )
            },
            "nơi khác",
        ),
        ({"word/_rels/document.xml.rels": relationships(("frame", "http://x.example/", "External"))}, "nơi khác"),
        ({"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"}, "đối tượng nhúng"),
        ({"word/_rels/document.xml.rels": relationships(("oleObject", "embeddings/o.bin", ""))}, "đối tượng nhúng"),
        ({"word/activeX/activeX1.xml": "<ax/>"}, "đối tượng nhúng"),
        (
            {
                "[Content_Types].xml": "<Types><Override ContentType='application/vnd.ms-word.document.macroEnabled.main+xml'/></Types>"
            },
            "macro",
        ),
    ],
    ids=["remote-template", "external-frame", "ole-part", "ole-relationship", "activex", "macro-content-type"],
)
def test_active_office_files_are_refused(extra, message):
    assert message in refused(office_file(extra=extra))


def test_a_huge_picture_is_refused_from_its_header(monkeypatch):
    bomb = huge_png(8000, 5000)  # 40 megapixels in a small file
    assert len(bomb) < 1_000_000

    def no_decoding(self, *args, **kwargs):
        raise AssertionError("decoded")

    monkeypatch.setattr(Image.Image, "load", no_decoding)
    monkeypatch.setattr("PIL.ImageFile.ImageFile.load", no_decoding)
    assert "megapixel" in refused(bomb)


def test_large_photos_are_stored_reduced_without_their_metadata():
    photo = picture("JPEG", (5000, 3000), exif="Camera of Nguyen Thi Hoa")
    stored = check_file("anh.jpg", photo, LIMITS)
    with Image.open(io.BytesIO(stored.data)) as image:
        assert max(image.size) <= images.STORED_LONG_SIDE and not image.getexif()
    assert b"Nguyen Thi Hoa" not in stored.data

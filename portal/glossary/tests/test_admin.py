"""The glossary in the admin (wagtail_hooks.py): listing, export and import, permissions, the old
addresses."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.core import roles
from portal.core.tests.factories import make_user
from portal.glossary.models import Abbreviation


# --------------------------------------------------------------------------- admin
def test_admin_listing_export_and_import(client, home):
    admin = get_user_model().objects.create_superuser("root", "r@example.vn", "x-Secret-123")
    client.force_login(admin)
    listing = client.get("/admin/snippets/glossary/abbreviation/")
    assert listing.status_code == 200 and "Nhập từ CSV" in listing.content.decode()
    exported = client.get("/admin/snippets/glossary/abbreviation/?export=csv")
    assert exported.status_code == 200
    text = b"".join(exported.streaming_content).decode("utf-8-sig")
    assert "KH&CN,khoa học và công nghệ" in text
    upload = SimpleUploadedFile("g.csv", "abbreviation,full_form\nĐHKH,đại học khoa học\n".encode(), "text/csv")
    preview = client.post("/admin/glossary/import/", {"file": upload})
    assert preview.status_code == 200 and "ĐHKH" in preview.content.decode()
    assert not Abbreviation.objects.filter(abbreviation="ĐHKH").exists()  # the preview writes nothing
    assert client.post("/admin/glossary/import/", {"confirm": "1"}).status_code == 302
    assert Abbreviation.objects.get(abbreviation="ĐHKH").full_form == "đại học khoa học"
    bad = SimpleUploadedFile("g.csv", "abbreviation,full_form\nUBND,Ủy ban\n".encode("utf-16"), "text/csv")
    html = client.post("/admin/glossary/import/", {"file": bad}).content.decode()
    assert "không phải văn bản UTF-8" in html


def test_import_needs_permission(client, home):
    client.force_login(make_user("bt", roles.EDITORS))
    upload = SimpleUploadedFile("g.csv", b"abbreviation,full_form\nABC,a b c\n", "text/csv")
    assert client.post("/admin/glossary/import/", {"file": upload}).status_code == 302
    assert not Abbreviation.objects.filter(abbreviation="ABC").exists()


def test_the_admin_addresses_of_before_the_glossary_app_redirect(client, home):
    admin = get_user_model().objects.create_superuser("root2", "r2@example.vn", "x-Secret-123")
    client.force_login(admin)
    old = client.get("/admin/snippets/accessibility/abbreviation/")
    assert old.status_code == 301 and old["Location"] == "/admin/snippets/glossary/abbreviation/"
    add = client.get("/admin/snippets/accessibility/abbreviation/add/")
    assert add["Location"] == "/admin/snippets/glossary/abbreviation/add/"

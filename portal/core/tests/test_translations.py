"""The Vietnamese catalogues are complete, not fuzzy, and their compiled .mo matches the .po."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

# The server's strings and the admin's JavaScript strings (django.po, djangojs.po).
CATALOGUES = sorted(path for p in settings.LOCALE_PATHS for path in (Path(p) / "vi" / "LC_MESSAGES").glob("*.po"))


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: f"{p.parent.parent.parent.name}/{p.stem}")
def test_catalogue_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, tuple(sorted(e.msgstr_plural.items()))) for e in mo}
    for entry in po.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{entry.msgid!r} missing from the .mo: run `make messages`"
        assert compiled[key] == (entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))), entry.msgid


def test_placeholders_survive_translation():
    for po_path in CATALOGUES:
        for entry in polib.pofile(str(po_path)).translated_entries():
            if not entry.msgid_plural:
                names = sorted(re.findall(r"%\((\w+)\)|\{(\w+)\}", entry.msgid))
                assert names == sorted(re.findall(r"%\((\w+)\)|\{(\w+)\}", entry.msgstr)), entry.msgid


def test_admin_strings_come_from_our_completion():
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("go live date/time") == "thời điểm xuất bản"
        # Public-site strings must not shadow the admin's: the sidebar menu item stays "Trang".
        assert translation.gettext("Pages") == "Trang"


def test_every_admin_string_is_vietnamese(capsys):
    """Every string of the editors' screens that the installed Wagtail, Django admin/auth and
    taggit catalogues hold has a Vietnamese translation (theirs or ours, portal/locale_admin);
    an upgrade that brings new strings fails here until they are translated."""
    call_command("translation_report")
    out = capsys.readouterr().out
    total = out.strip().splitlines()[-1]
    assert "wagtail/admin" in out and total.startswith("total")
    assert total.endswith("untranslated 0"), total


def test_admin_login_page_is_vietnamese(client, db):
    html = client.get("/admin/login/").content.decode()
    for text in ("Tên đăng nhập", "Mật khẩu", "Nhập Tên đăng nhập của bạn", "Đăng nhập"):
        assert text in html
    assert "gravatar" not in html.lower()


def test_relative_times_and_admin_javascript_are_vietnamese():
    import datetime as dt

    from django.utils import timezone
    from django.utils.translation import trans_real
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("vi"):
        assert (
            timesince_simple(timezone.now() - dt.timedelta(minutes=7)) == "7\xa0phút trước"
        )  # Django joins with a no-break space
        assert timesince_simple(timezone.now() - dt.timedelta(hours=3, minutes=2)) == "3\xa0giờ trước"
        js = trans_real.DjangoTranslation("vi", domain="djangojs")
        assert js.gettext("Collapse all") == "Thu gọn tất cả"
        assert js.gettext("Choose files") == "Chọn tệp"

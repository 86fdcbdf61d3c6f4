"""The abbreviation glossary: seeding, <abbr> marking, the page, CSV import/export, admin,
search expansion."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from portal.core import roles
from portal.core.tests.test_roles import make_user
from portal.glossary import services
from portal.glossary.models import Abbreviation
from portal.glossary.selectors import Entry, abbreviate_html, glossary_search, search_expansions
from portal.home.setup import portal_setup
from portal.news.tests.factories import make_article

ENTRIES = (
    Entry("KH&CN", "khoa học và công nghệ"),
    Entry("UBND", "Ủy ban nhân dân"),
    Entry("CSTĐ", "chiến sĩ thi đua"),
    Entry("CSTĐCS", "chiến sĩ thi đua cơ sở"),
    Entry("NĐ-CP", 'nghị định của "Chính phủ"'),
)


# --------------------------------------------------------------------------- seeding
def test_setup_seeds_the_glossary_once(db):
    portal_setup()
    count = Abbreviation.objects.count()
    assert count >= 80
    assert Abbreviation.objects.get(abbreviation="KH&CN").full_form == "khoa học và công nghệ"
    for abbr in ("UBND", "PAKN", "TTHC", "CSTĐ"):
        assert Abbreviation.objects.filter(abbreviation=abbr).exists()
    Abbreviation.objects.filter(abbreviation="UBND").delete()
    portal_setup()  # a department's deletion stays deleted
    assert Abbreviation.objects.count() == count - 1


@pytest.fixture
def empty_glossary(db):
    """A glossary without entries (the set-up portal has the starter list; rolled back after)."""
    Abbreviation.objects.all().delete()


def test_seed_file_is_clean(empty_glossary):
    """Every shipped line passes the same checks as the admin form; no duplicates."""
    rows = list(csv.DictReader(io.StringIO(services.SEED_FILE.read_text("utf-8"))))
    result = services.glossary_import(services.SEED_FILE.read_bytes(), dry_run=True)
    assert result.errors == []
    assert result.created == len(rows) >= 80


# --------------------------------------------------------------------------- <abbr> marking
def test_first_occurrence_of_each_abbreviation_is_marked():
    html = "<p>Sở KH&amp;CN và UBND tỉnh.</p><p>UBND tỉnh giao Sở KH&amp;CN.</p>"
    out = abbreviate_html(html, ENTRIES)
    assert out == (
        '<p>Sở <abbr title="khoa học và công nghệ">KH&amp;CN</abbr> và <abbr title="Ủy ban nhân dân">UBND</abbr> tỉnh.</p>'
        "<p>UBND tỉnh giao Sở KH&amp;CN.</p>"
    )


@pytest.mark.parametrize(
    "html, expected",
    [
        # links, code and existing abbreviations are left alone; the next occurrence is marked
        ('<a href="/ubnd">UBND</a> UBND', '<a href="/ubnd">UBND</a> <abbr title="Ủy ban nhân dân">UBND</abbr>'),
        ("<code>UBND</code>", "<code>UBND</code>"),
        ('<abbr title="x">UBND</abbr>', '<abbr title="x">UBND</abbr>'),
        # attributes are never touched
        ('<img alt="UBND tỉnh" src="/a.jpg">', '<img alt="UBND tỉnh" src="/a.jpg">'),
        # case-sensitive, whole words only
        ("ubnd, UBNDX, XUBND", "ubnd, UBNDX, XUBND"),
        # the longer entry wins
        ("Danh hiệu CSTĐCS", 'Danh hiệu <abbr title="chiến sĩ thi đua cơ sở">CSTĐCS</abbr>'),
        # titles are escaped; a symbol inside a longer one is not split
        (
            "Nghị định 13/2023/NĐ-CP và NĐ-CP",
            'Nghị định 13/2023/NĐ-CP và <abbr title="nghị định của &quot;Chính phủ&quot;">NĐ-CP</abbr>',
        ),
        ("&lt;UBND&gt;", '&lt;<abbr title="Ủy ban nhân dân">UBND</abbr>&gt;'),
    ],
)
def test_marking_rules(html, expected):
    assert abbreviate_html(html, ENTRIES) == expected


def test_article_body_shows_abbr_and_follows_glossary_changes(client, category):
    article = make_article(category, "Tập huấn", body=[("paragraph", "<p>Sở KH&amp;CN phối hợp với UBND huyện.</p>")])
    html = client.get(article.url).content.decode()
    assert '<abbr title="khoa học và công nghệ">KH&amp;CN</abbr>' in html
    entry = Abbreviation.objects.get(abbreviation="UBND")
    entry.full_form = "Ủy ban nhân dân (cấp huyện, tỉnh)"
    entry.save()  # the cached page is dropped
    assert '<abbr title="Ủy ban nhân dân (cấp huyện, tỉnh)">UBND</abbr>' in client.get(article.url).content.decode()


# --------------------------------------------------------------------------- public page
def test_glossary_page_lists_and_filters_without_diacritics(client, home):
    html = client.get("/tu-viet-tat/").content.decode()
    assert "<h1>Từ viết tắt</h1>" in html
    assert html.count("data-glossary-entry") == Abbreviation.objects.count()
    assert 'href="/tu-viet-tat/"' in client.get("/").content.decode()  # the header link
    for query in ("khcn", "KH&CN", "khoa hoc va cong"):
        found = client.get("/tu-viet-tat/", {"q": query}).content.decode()
        assert ">KH&amp;CN</abbr>" in found, query
        assert ">UBND</abbr>" not in found
    assert {"UBND", "UBKT", "QĐ-UBND"} <= {e.abbreviation for e in glossary_search("uy ban")}
    empty = client.get("/tu-viet-tat/", {"q": "không có từ này"}).content.decode()
    assert "Không có từ viết tắt nào phù hợp." in empty and "data-glossary-entry" not in empty


# --------------------------------------------------------------------------- CSV import / export
def test_import_adds_updates_and_reports_bad_lines(empty_glossary):
    Abbreviation.objects.create(abbreviation="UBND", full_form="Ủy ban nhân dân")
    logged_before = ModelLogEntry.objects.count()
    data = (
        "\ufeffTừ viết tắt;Nghĩa đầy đủ;Ghi chú\n"
        "UBND;Ủy ban nhân dân;cấp tỉnh, huyện, xã\n"
        "SKHCN;Sở Khoa học và Công nghệ;\n"
        "BAD ONE;có dấu cách;\n"
        "TTHC;;\n"
        "SKHCN;Sở KH&CN;\n"
        "\n"
    ).encode()
    result = services.glossary_import(data)
    assert (result.created, result.updated, result.unchanged) == (1, 1, 0)
    assert [line for line, _ in result.errors] == [4, 5, 6]
    assert "không có dấu cách" in result.errors[0][1]
    assert result.errors[1][1] == "Trường này không được để trắng."
    assert result.errors[2][1] == "SKHCN xuất hiện hai lần trong tệp."
    assert result.summary() == "Đã nhập 1, cập nhật 1, không đổi 0, lỗi 3."
    assert Abbreviation.objects.get(abbreviation="UBND").note == "cấp tỉnh, huyện, xã"
    assert Abbreviation.objects.get(abbreviation="SKHCN").full_form == "Sở Khoa học và Công nghệ"
    imported = ModelLogEntry.objects.order_by("pk")[logged_before:]
    assert sorted(entry.action for entry in imported) == ["wagtail.create", "wagtail.edit"]


def test_import_clears_the_page_cache_once(empty_glossary, monkeypatch):
    from portal.core import bulk

    clears = []
    monkeypatch.setattr(bulk, "empty_page_cache", lambda: clears.append(1))
    data = "abbreviation,full_form\nUBND,Ủy ban nhân dân\nSKHCN,Sở Khoa học và Công nghệ\nHĐND,Hội đồng nhân dân\n"
    assert services.glossary_import(data.encode()).created == 3
    assert clears == [1]
    services.glossary_import(data.encode(), dry_run=True)  # nothing changed: nothing cleared
    assert clears == [1]
    Abbreviation.objects.get(abbreviation="UBND").delete()  # an edit outside an import clears at once
    assert clears == [1, 1]


def test_import_dry_run_and_whole_file_errors(empty_glossary):
    assert services.glossary_import(b"abbreviation,full_form\nUBND,Uy ban\n", dry_run=True).created == 1
    assert not Abbreviation.objects.exists()
    for data, message in [
        ("abbreviation,full_form\nUBND,Ủy ban\n".encode("utf-16"), "không phải văn bản UTF-8"),
        (b"", "Tệp trống."),
        (b"a,b,c\nUBND,x,y\n", "Dòng đầu tiên phải ghi tên các cột"),
        (b"x" * (services.MAX_IMPORT_BYTES + 1), "lớn hơn 2 MB"),
    ]:
        with pytest.raises(services.GlossaryFileError, match=message):
            services.glossary_import(data)
    assert not Abbreviation.objects.exists()


def test_export_then_import_round_trip(home, tmp_path):
    path = tmp_path / "glossary.csv"
    call_command("glossary_export", "--output", str(path))
    count = Abbreviation.objects.count()
    out = io.StringIO()
    call_command("glossary_import", str(path), stdout=out)
    assert out.getvalue().strip() == f"Đã nhập 0, cập nhật 0, không đổi {count}, lỗi 0."


def test_import_command_reports_lines_and_fails(empty_glossary, tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("abbreviation,full_form\nUBND,Ủy ban nhân dân\nX Y,sai\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("glossary_import", str(path), "--dry-run", stdout=io.StringIO(), stderr=err)
    assert "Dòng 3:" in err.getvalue()
    assert not Abbreviation.objects.exists()


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
    response = client.post("/admin/glossary/import/", {"file": upload})
    assert response.status_code == 302
    assert Abbreviation.objects.get(abbreviation="ĐHKH").full_form == "đại học khoa học"
    bad = SimpleUploadedFile("g.csv", "abbreviation,full_form\nUBND,Ủy ban\n".encode("utf-16"), "text/csv")
    html = client.post("/admin/glossary/import/", {"file": bad}).content.decode()
    assert "không phải văn bản UTF-8" in html


def test_import_needs_permission(client, home):
    client.force_login(make_user("bt", roles.EDITORS))
    upload = SimpleUploadedFile("g.csv", b"abbreviation,full_form\nABC,a b c\n", "text/csv")
    assert client.post("/admin/glossary/import/", {"file": upload}).status_code == 302
    assert not Abbreviation.objects.filter(abbreviation="ABC").exists()


# --------------------------------------------------------------------------- search
def test_search_follows_the_glossary(home):
    from portal.search.query import parse_query

    assert "dhkh" not in search_expansions()
    Abbreviation.objects.create(abbreviation="ĐHKH", full_form="Đại học Khoa học")
    assert search_expansions()["dhkh"] == (("dai", "hoc", "khoa", "hoc"),)
    groups = parse_query("đại học khoa học Thái Nguyên").groups
    assert [a.words for a in groups[0]] == [["dai", "hoc", "khoa", "hoc"], ["dhkh"]]


def test_the_admin_addresses_of_before_the_glossary_app_redirect(client, home):
    admin = get_user_model().objects.create_superuser("root2", "r2@example.vn", "x-Secret-123")
    client.force_login(admin)
    old = client.get("/admin/snippets/accessibility/abbreviation/")
    assert old.status_code == 301 and old["Location"] == "/admin/snippets/glossary/abbreviation/"
    add = client.get("/admin/snippets/accessibility/abbreviation/add/")
    assert add["Location"] == "/admin/snippets/glossary/abbreviation/add/"

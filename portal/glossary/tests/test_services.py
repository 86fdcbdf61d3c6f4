"""Changing the glossary (services.py): seeding at setup, import with a report per line, dry run,
export and import round trip, one page-cache clear per import."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry

from portal.glossary import services
from portal.glossary.models import Abbreviation
from portal.home.setup import portal_setup


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

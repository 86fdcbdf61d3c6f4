"""`backup` then `restore` into an emptied database gives back the same content: pages, a
petition with its attachment, images (SQLite here, PostgreSQL too when DATABASE_URL is set)."""

import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.core.backup import row_counts


def content() -> dict:
    from portal.feedback.models import Petition, PetitionFile
    from portal.news.models import ArticlePage

    files = {row.name: row.file.read() for row in PetitionFile.objects.all()}
    return {
        "articles": sorted(ArticlePage.objects.values_list("title", flat=True)),
        "petitions": sorted(Petition.objects.values_list("code", "full_name", "phone")),
        "files": files,
    }


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_into_an_empty_database(tmp_path, client):
    from portal.feedback.tests.factories import PDF, form_data
    from portal.home.setup import portal_setup
    from portal.news.tests.factories import make_article, make_category

    home = portal_setup()
    category = make_category(home, "Tin hoạt động")
    make_article(category, "Hội nghị tổng kết năm 2026")
    make_article(category, "Nghiệm thu đề tài cấp tỉnh")
    from django.core.files.uploadedfile import SimpleUploadedFile

    assert (
        client.post("/api/v1/feedback", {**form_data(), "files": [SimpleUploadedFile("don.pdf", PDF)]}).status_code
        == 201
    )
    before, counts = content(), row_counts()
    assert before["files"] and len(before["articles"]) == 2

    archive = tmp_path / "sao-luu.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    assert archive.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "manifest.json" in names and any(n.startswith("private/") for n in names)

    call_command("flush", interactive=False, verbosity=0)  # an empty database
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(root, ignore_errors=True)
    assert row_counts()["feedback.Petition"] == 0

    call_command("restore", str(archive), verbosity=0)
    assert row_counts() == counts and content() == before
    with pytest.raises(CommandError, match="--force"):
        call_command("restore", str(archive), verbosity=0)  # over content: only when forced
    call_command("restore", str(archive), "--force", verbosity=0)
    assert content() == before


@pytest.mark.django_db
def test_an_archive_with_paths_outside_is_refused(tmp_path):
    import io
    import json

    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as archive:
        for name, data in (("manifest.json", json.dumps({"format": 1}).encode()), ("../outside", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("restore", str(evil), "--force", verbosity=0)
    assert not (Path(tmp_path).parent / "outside").exists()

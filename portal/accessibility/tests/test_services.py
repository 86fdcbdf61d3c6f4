"""Recording on publish (services.py, tasks.py, signals.py): one recording per revision, identical
text reused, a failing engine never blocks publishing, the voice setting checked, pruning."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from .factories import BODY, needs_espeak, publish_edit


@pytest.mark.django_db(transaction=True)
def test_publishing_records_each_revision_and_reuses_identical_text(category, command_engine, client):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    article = make_article(category, "Thông báo tuyển chọn nhiệm vụ", body=BODY)
    article.refresh_from_db()
    first = ArticleAudio.objects.get(page=article)
    assert first.status == "ready" and first.revision_id == article.live_revision_id and first.engine == "command"
    assert first.size > 1000 and first.duration > 1 and len(first.sentences) == 8 - 1  # no caption here
    head = Path(first.file.path).read_bytes()[:3]
    assert head == b"ID3" or (head[0] == 0xFF and head[1] & 0xE0 == 0xE0)  # an MP3 frame

    article = publish_edit(article, summary="Tóm tắt mới hơn.")
    second = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    assert second.pk != first.pk and second.file.name != first.file.name and second.synthesis_seconds > 0

    article = publish_edit(article, search_description="Chỉ đổi mô tả SEO")  # nothing read changed
    third = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    assert third.file.name == second.file.name and third.synthesis_seconds == 0
    assert ArticleAudio.objects.filter(page=article).count() == 3
    assert Path(first.file.path).exists()  # earlier revisions keep their recordings

    data = client.get(f"/api/v1/read-aloud/articles/{article.pk}").json()
    assert data["status"] == "ready" and data["audio"]["url"] == f"/doc-bai/{article.pk}.mp3?v={third.pk}"
    assert [s["text"] for s in data["sentences"]][:2] == ["Thông báo tuyển chọn nhiệm vụ", "Tóm tắt mới hơn."]
    assert all(s["start"] < s["end"] for s in data["sentences"])


@pytest.mark.django_db(transaction=True)
def test_a_failing_engine_never_blocks_publishing(category, settings, fake_tts):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " fail {output}"
    settings.READ_ALOUD_ON_PUBLISH = True
    article = make_article(category, "Bài vẫn xuất bản")
    assert article.live
    audio = ArticleAudio.objects.get(page=article)
    assert audio.status == "failed" and "voice not found" in audio.error


@needs_espeak
@pytest.mark.django_db(transaction=True)
def test_publishing_records_with_espeak_through_the_task(category, settings, client):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    settings.READ_ALOUD_ON_PUBLISH = True
    settings.SPEECH_ENGINE = "espeak"
    article = make_article(category, "Sở KH&CN tổ chức hội nghị", summary="Ngày 15/04/2026, 02 đơn vị được khen.")
    audio = ArticleAudio.objects.get(page=article)
    assert (audio.status, audio.engine, audio.voice) == ("ready", "espeak", "vi"), audio.error
    assert audio.duration > 2 and len(audio.sentences) == 3
    response = client.get(f"/doc-bai/{article.pk}.mp3")
    assert response.status_code == 200 and response["Content-Type"] == "audio/mpeg"


@pytest.mark.django_db
def test_voice_setting_is_checked():
    from django.core.exceptions import ValidationError

    from portal.accessibility.models import ReadAloudSettings

    with pytest.raises(ValidationError) as error:
        ReadAloudSettings(voice="vi; rm -rf /", site_id=1).full_clean()
    assert "voice" in error.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_prune_removes_recordings_no_reader_gets_and_keeps_shared_files(category, command_engine):
    import datetime as dt

    from django.utils import timezone

    from portal.accessibility.models import ArticleAudio, ReadAloudSettings
    from portal.news.tests.factories import make_article

    article = make_article(category, "Thông báo tuyển chọn nhiệm vụ", body=BODY)
    article.refresh_from_db()
    first = ArticleAudio.objects.get(page=article)
    article = publish_edit(article, summary="Tóm tắt mới hơn.")
    second = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    article = publish_edit(article, search_description="Chỉ đổi mô tả SEO")  # reuses second's file
    current = ArticleAudio.objects.get(page=article, revision_id=article.live_revision_id)
    assert current.file.name == second.file.name
    # A failure whose revision was deleted since (revision_id NULL) is stale as well.
    ArticleAudio.objects.create(
        page=article, revision=None, engine="command", script_hash="x", status="failed", error="…"
    )

    def age(days):
        ArticleAudio.objects.update(updated_at=timezone.now() - dt.timedelta(days=days))

    age(2)  # recent changes are kept: a page opened before them still plays
    assert call_command("audio_prune", stdout=StringIO()) is None and ArticleAudio.objects.count() == 4
    age(10)
    out = StringIO()
    call_command("audio_prune", "--dry-run", stdout=out)
    assert "Sẽ xoá 3 bản đọc và 1 tệp" in out.getvalue() and ArticleAudio.objects.count() == 4
    call_command("audio_prune", stdout=out)
    assert "Đã xoá 3 bản đọc và 1 tệp" in out.getvalue()
    assert list(ArticleAudio.objects.values_list("pk", flat=True)) == [current.pk]
    assert not Path(first.file.path).exists() and Path(current.file.path).exists()

    # Switched off: nothing goes (the choice may be temporary). Taken down: it goes.
    article.unpublish()
    age(10)
    from wagtail.models import Site

    choice = ReadAloudSettings.for_site(Site.objects.get(is_default_site=True))
    choice.enabled = False
    choice.save()
    call_command("audio_prune", verbosity=0)
    assert ArticleAudio.objects.count() == 1
    choice.enabled = True
    choice.save()
    call_command("audio_prune", verbosity=0)
    assert not ArticleAudio.objects.exists() and not Path(current.file.path).exists()

"""The generate_audio command (management/commands/generate_audio.py)."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command


@pytest.mark.django_db(transaction=True)
def test_generate_audio_command(category, settings, fake_tts):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    articles = [make_article(category, f"Bài số {n}") for n in range(3)]
    assert not ArticleAudio.objects.exists()  # READ_ALOUD_ON_PUBLISH is off in tests
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " {output}"
    out = StringIO()
    call_command("generate_audio", "--missing", "--limit", "2", stdout=out)
    assert out.getvalue().count("giây") == 2 and "[2/2]" in out.getvalue()
    out = StringIO()
    call_command("generate_audio", "--missing", stdout=out)
    assert "[1/1]" in out.getvalue() and "Xong: 1/1 bài" in out.getvalue()
    assert ArticleAudio.objects.filter(status="ready").count() == 3
    call_command("generate_audio", "--missing", stdout=StringIO())  # nothing left
    first = ArticleAudio.objects.get(page=articles[0])
    call_command("generate_audio", "--all", stdout=StringIO())
    first.refresh_from_db()
    assert first.synthesis_seconds > 0 and ArticleAudio.objects.count() == 3  # recorded again, in place

    settings.SPEECH_COMMAND = fake_tts + " fail {output}"
    with pytest.raises(CommandError, match="1 bài"):
        call_command("generate_audio", "--article", str(articles[1].pk), stdout=StringIO())
    settings.SPEECH_ENGINE = "http"
    settings.SPEECH_HTTP_URL = ""
    with pytest.raises(CommandError, match="chưa sẵn sàng"):
        call_command("generate_audio", "--missing", stdout=StringIO())
    call_command("generate_audio", "--missing", "--skip-unavailable", stdout=StringIO())  # the scheduler's way


@pytest.mark.django_db(transaction=True)
def test_a_time_budget_stops_between_articles_and_the_next_run_goes_on(category, settings, fake_tts):
    from portal.accessibility.models import ArticleAudio
    from portal.core.jobs import registered_jobs
    from portal.news.tests.factories import make_article

    for n in range(3):
        make_article(category, f"Bài hẹn giờ {n}")
    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " {output}"
    out = StringIO()
    call_command("generate_audio", "--missing", "--time-budget", "0.000001", stdout=out)
    assert ArticleAudio.objects.filter(status="ready").count() == 1  # at least one, then it stops
    assert "còn 2 bài cho lần chạy sau" in out.getvalue() and "Xong: 1/1 bài" in out.getvalue()
    call_command("generate_audio", "--missing", "--time-budget", "30", stdout=StringIO())
    assert ArticleAudio.objects.filter(status="ready").count() == 3
    job = next(job for job in registered_jobs() if job.name == "generate_audio")
    assert job.options.get("time_budget") and not job.options.get("limit")  # as fast as the machine allows

"""Recordings in the admin (wagtail_hooks.py): listed for editors, never edited."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_recordings_are_listed_for_editors_and_never_edited(category, settings, fake_tts, client):
    from django.urls import reverse

    from portal.accessibility.models import ArticleAudio
    from portal.core import roles
    from portal.core.tests.factories import make_user
    from portal.news.tests.factories import make_article

    settings.SPEECH_ENGINE, settings.SPEECH_COMMAND = "command", fake_tts + " fail {output}"
    settings.READ_ALOUD_ON_PUBLISH = True
    make_article(category, "Bài có bản đọc lỗi")
    audio = ArticleAudio.objects.get()
    client.force_login(make_user("bt", roles.EDITORS))
    listing = client.get(reverse("article_audio:index"))
    assert listing.status_code == 200 and "Bài có bản đọc lỗi" in listing.content.decode()
    inspect = client.get(reverse("article_audio:inspect", args=[audio.pk]))
    assert "voice not found" in inspect.content.decode()
    for url in (
        reverse("article_audio:add"),
        reverse("article_audio:edit", args=[audio.pk]),
        reverse("article_audio:delete", args=[audio.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.force_login(make_user("admin", roles.ADMINISTRATORS))
    assert client.get(reverse("article_audio:edit", args=[audio.pk])).status_code in (302, 403)
    assert ArticleAudio.objects.get().status == "failed"

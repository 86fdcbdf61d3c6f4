"""The read-aloud API and audio files (api.py, views.py): before the recording, switched off,
ranges, only while the page is public."""

import pytest


@pytest.mark.django_db(transaction=True)
def test_api_before_the_recording_and_when_switched_off(category, client):
    from portal.accessibility.models import ReadAloudSettings
    from portal.news.tests.factories import make_article

    article = make_article(category, "Bài chưa có bản đọc", summary="Ngày 10/4 có 1.431 lượt xem.")
    data = client.get(f"/api/v1/read-aloud/articles/{article.pk}").json()
    assert data["status"] == "pending" and data["audio"] is None
    assert data["sentences"][1] == {
        "text": "Ngày 10/4 có 1.431 lượt xem.",
        "spoken": "Ngày mười tháng tư có một nghìn bốn trăm ba mươi mốt lượt xem.",
        "start": None,
        "end": None,
    }
    page = client.get(article.url)
    assert b"data-read-aloud" in page.content
    from wagtail.models import Site

    choice = ReadAloudSettings.for_site(Site.objects.get(is_default_site=True))
    choice.enabled = False
    choice.save()
    assert client.get(f"/api/v1/read-aloud/articles/{article.pk}").json() == {
        "status": "off",
        "audio": None,
        "sentences": [],
    }
    assert b"data-read-aloud" not in client.get(article.url).content
    assert client.get("/api/v1/read-aloud/articles/999999").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_audio_is_served_with_ranges_and_only_while_public(category, command_engine, client):
    from portal.accessibility.models import ArticleAudio
    from portal.news.tests.factories import make_article

    article = make_article(category, "Bài có bản đọc")
    audio = ArticleAudio.objects.get(page=article)
    url = f"/doc-bai/{article.pk}.mp3"  # the article's id, as a person would guess
    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes" and len(whole.content) == audio.size
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 100-199/{audio.size}"
    assert part.content == whole.content[100:200]
    assert client.get(url, HTTP_RANGE="bytes=-50").content == whole.content[-50:]
    assert client.get(url, HTTP_RANGE=f"bytes={audio.size - 10}-").content == whole.content[-10:]
    assert client.get(url, HTTP_RANGE=f"bytes={audio.size}-").status_code == 416
    assert client.get(url, HTTP_RANGE="bytes=abc").status_code == 416
    assert client.get(url, HTTP_IF_NONE_MATCH=whole["ETag"]).status_code == 304
    assert client.head(url)["Content-Length"] == str(audio.size)
    pinned = client.get(url, {"v": audio.pk})
    assert pinned.content == whole.content and "immutable" in pinned["Cache-Control"]
    assert client.get(url, {"v": audio.pk + 1000}).status_code == 404  # not a recording of this article
    article.unpublish()
    assert client.get(url).status_code == 404
    assert client.get(url, {"v": audio.pk}).status_code == 404
    assert client.get(f"/api/v1/read-aloud/articles/{article.pk}").status_code == 404


@pytest.mark.django_db(transaction=True)
def test_old_addresses_keyed_by_the_recording_still_work(category, command_engine, client):
    """The first version's addresses used the recording's id: one that is no article's id
    redirects to the article's address, pinned to that recording."""
    from portal.accessibility.models import ArticleAudio
    from portal.news.models import ArticlePage
    from portal.news.tests.factories import make_article

    article = make_article(category, "Bài có địa chỉ cũ")
    audio = ArticleAudio.objects.get(page=article)
    old_id = max(ArticlePage.objects.order_by("-pk").values_list("pk", flat=True)[0], audio.pk) + 7
    ArticleAudio.objects.filter(pk=audio.pk).update(id=old_id)
    response = client.get(f"/doc-bai/{old_id}.mp3")
    assert response.status_code == 301 and response["Location"] == f"/doc-bai/{article.pk}.mp3?v={old_id}"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/doc-bai/987654.mp3").status_code == 404

"""Read-aloud for the player: the sentences of an article (as shown and as spoken) and, once
recorded, the audio address with the time each sentence starts and ends."""

from django.core.cache import cache
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema

from portal.core.apierrors import with_errors
from portal.core.params import RecordId
from portal.news import selectors as news

from .selectors import article_audio_current
from .services import read_aloud_config
from .speech.normalize import portal_normalizer
from .speech.script import article_script

router = Router(tags=["read-aloud"])
SCRIPT_CACHE_SECONDS = 3600


class SentenceOut(Schema):
    text: str
    spoken: str
    start: float | None = None
    end: float | None = None


class AudioOut(Schema):
    url: str
    type: str = "audio/mpeg"
    duration: float
    size: int
    engine: str
    voice: str


class SpeechOut(Schema):
    status: str  # ready | pending | off
    audio: AudioOut | None = None
    sentences: list[SentenceOut]


def _script(page) -> list[dict]:
    key = f"read-aloud:script:{page.pk}:{page.live_revision_id}"
    script = cache.get(key)
    if script is None:
        script = [{"text": s.text, "spoken": s.spoken} for s in article_script(page, portal_normalizer())]
        cache.set(key, script, SCRIPT_CACHE_SECONDS)
    return script


@router.get(
    "/articles/{article_id}",
    response=with_errors(SpeechOut, 404, 422),
    summary="What “Đọc bài viết” reads, with the recording when ready",
)
def article_speech(request: HttpRequest, article_id: RecordId):
    page = get_object_or_404(news.live_articles(), pk=article_id)
    config = read_aloud_config()
    if not config.enabled:
        return {"status": "off", "audio": None, "sentences": []}
    sentences = _script(page)
    audio = article_audio_current(page, config)
    if audio is None or len(audio.sentences) != len(sentences):
        return {"status": "pending", "audio": None, "sentences": sentences}
    for sentence, timing in zip(sentences, audio.sentences, strict=True):
        sentence["start"], sentence["end"] = timing["start"], timing["end"]
    return {
        "status": "ready",
        "audio": {
            "url": f"{reverse('article_audio', args=[page.pk])}?v={audio.pk}",
            "duration": audio.duration,
            "size": audio.size,
            "engine": audio.engine,
            "voice": audio.voice,
        },
        "sentences": sentences,
    }

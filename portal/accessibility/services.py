"""Writes of read-aloud: the configured engine, recording an article, pruning recordings."""

from __future__ import annotations

import logging
from dataclasses import dataclass

logger = logging.getLogger("portal.accessibility")


@dataclass(frozen=True)
class ReadAloudConfig:
    enabled: bool
    engine: str
    voice: str
    speed: int

    def build_engine(self):
        from .speech.engines import speech_engine

        return speech_engine(self.engine, self.voice, self.speed)


def read_aloud_config(site=None) -> ReadAloudConfig:
    """The admin's choices (Cài đặt → Đọc bài viết) for the default site, else the settings."""
    from django.conf import settings
    from wagtail.models import Site

    from .models import ReadAloudSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    choice = ReadAloudSettings.for_site(site) if site else None
    engine = (choice.engine if choice else "") or settings.SPEECH_ENGINE
    voice = choice.voice if choice and choice.voice else ""
    if not voice and engine == settings.SPEECH_ENGINE:
        voice = settings.SPEECH_VOICE
    if not voice and engine == "espeak":
        voice = "vi"
    return ReadAloudConfig(
        enabled=choice.enabled if choice else True,
        engine=engine,
        voice=voice,
        speed=choice.speed if choice else 100,
    )


def article_audio_generate(page_id: int, revision_id: int | None = None, *, force: bool = False, progress=None):
    """Record the live version of an article (or the given revision, when it is the live one)
    with the configured engine. Returns the ArticleAudio (ready or failed), or None when the
    article is not live or read-aloud is switched off.

    An identical script (same spoken text, engine, voice, speed) already recorded for another
    revision is reused instead of synthesised again: editing only tags or the featured image
    costs nothing."""
    from django.core.files.base import ContentFile

    from portal.news import selectors as news

    from .models import ArticleAudio
    from .speech.engines import SpeechError
    from .speech.normalize import portal_normalizer
    from .speech.script import article_script, script_hash
    from .speech.synthesis import synthesize

    page = news.live_article(page_id, public=False)
    config = read_aloud_config()
    if page is None or not config.enabled:
        return None
    revision_id = page.live_revision_id or revision_id
    sentences = article_script(page, portal_normalizer())
    engine = config.build_engine()
    digest = script_hash(sentences, engine.label, config.speed)
    audio, _created = ArticleAudio.objects.get_or_create(
        page=page,
        revision_id=revision_id,
        engine=config.engine,
        voice=engine.voice,
        speed=config.speed,
        defaults={"script_hash": digest},
    )
    if not force and audio.status == ArticleAudio.Status.READY and audio.script_hash == digest and audio.file:
        return audio
    twin = (
        ArticleAudio.objects.filter(script_hash=digest, status=ArticleAudio.Status.READY)
        .exclude(pk=audio.pk)
        .exclude(file="")
        .first()
    )
    if twin and not force:
        _copy_recording(audio, twin, digest)
        return audio
    audio.script_hash = digest
    try:
        result = synthesize(sentences, engine, progress=progress)
    except SpeechError as error:
        audio.status, audio.error = ArticleAudio.Status.FAILED, str(error)
        audio.save(update_fields=["status", "error", "script_hash", "updated_at"])
        logger.warning("read-aloud of article %s failed: %s", page_id, error)
        return audio
    old_name = audio.file.name if audio.file else ""
    audio.file.save(
        f"{page.pk}-{revision_id or 0}-{config.engine}-{digest[:12]}.mp3", ContentFile(result.mp3), save=False
    )
    audio.status, audio.error = ArticleAudio.Status.READY, ""
    audio.duration, audio.size, audio.sentences = result.duration, len(result.mp3), result.timings
    audio.synthesis_seconds = round(result.seconds_spent, 3)
    audio.save()
    if old_name and old_name != audio.file.name and not ArticleAudio.objects.filter(file=old_name).exists():
        audio.file.storage.delete(old_name)
    logger.info("read-aloud of article %s: %.1f s of audio in %.1f s", page_id, result.duration, result.seconds_spent)
    return audio


def _copy_recording(audio, twin, digest: str) -> None:
    audio.script_hash = digest
    audio.status, audio.error = twin.status, ""
    audio.file.name = twin.file.name  # the same file serves both revisions
    audio.duration, audio.size, audio.sentences = twin.duration, twin.size, twin.sentences
    audio.synthesis_seconds = 0
    audio.save()


@dataclass
class PruneResult:
    recordings: int = 0  # rows removed
    files: int = 0  # files removed (a file shared by twin recordings goes with its last row)
    size: int = 0  # bytes freed


def article_audio_prune(*, older_than_days: int = 7, dry_run: bool = False) -> PruneResult:
    """Remove recordings no reader gets any more: of an older revision, of an article no
    longer live, of an engine, voice or speed no longer chosen, or failed; only once they have
    not changed for `older_than_days` (a page cached or opened before the change still plays).
    A file is deleted with the last recording that uses it. Nothing is removed while
    read-aloud is switched off (the choice may be temporary)."""
    from django.db.models import F, Q
    from django.utils import timezone

    from .models import ArticleAudio

    config = read_aloud_config()
    result = PruneResult()
    if not config.enabled:
        return result
    current = Q(
        status=ArticleAudio.Status.READY,
        page__live=True,
        revision_id=F("page__live_revision_id"),
        engine=config.engine,
        voice=config.voice,
        speed=config.speed,
    )
    cutoff = timezone.now() - timezone.timedelta(days=max(older_than_days, 0))
    stale = list(ArticleAudio.objects.filter(updated_at__lt=cutoff).exclude(current).only("pk", "file", "size"))
    if not stale:
        return result
    stale_ids = {audio.pk for audio in stale}
    files = {audio.file.name: audio.size for audio in stale if audio.file}
    still_used = set(
        ArticleAudio.objects.filter(file__in=list(files)).exclude(pk__in=stale_ids).values_list("file", flat=True)
    )
    doomed = {name: size for name, size in files.items() if name not in still_used}
    result.recordings, result.files, result.size = len(stale), len(doomed), sum(doomed.values())
    if dry_run:
        return result
    ArticleAudio.objects.filter(pk__in=stale_ids).delete()
    storage = ArticleAudio._meta.get_field("file").storage
    for name in doomed:
        # After the rows: a failure here leaves an orphan file, never a row without its file.
        try:
            storage.delete(name)
        except OSError as error:
            logger.warning("read-aloud file %s not removed: %s", name, error)
    logger.info("read-aloud prune: %s recordings, %s files, %s bytes", result.recordings, result.files, result.size)
    return result

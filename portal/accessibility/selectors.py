"""Reads for read-aloud: the recording a reader gets for an article."""

from __future__ import annotations

from .models import ArticleAudio


def article_audio_current(page, config) -> ArticleAudio | None:
    """The ready recording of the article's live revision with the configured engine, voice
    and speed; None while it is being made (the player then uses the browser's voice)."""
    return (
        ArticleAudio.objects.filter(
            page=page,
            revision_id=page.live_revision_id,
            engine=config.engine,
            speed=config.speed,
            status=ArticleAudio.Status.READY,
        )
        .exclude(file="")
        .filter(voice=config.voice)
        .order_by("-updated_at")
        .first()
    )

"""Background work of read-aloud: record an article after it is published or revised."""

import logging

from django_tasks import task

logger = logging.getLogger("portal.accessibility")


@task()
def generate_article_audio(page_id: int, revision_id: int | None = None) -> str:
    from .services import article_audio_generate

    try:
        audio = article_audio_generate(page_id, revision_id)
    except Exception:  # a recording must never break publishing (immediate backend) or the worker
        logger.exception("read-aloud of article %s failed unexpectedly", page_id)
        return "error"
    return audio.status if audio else "skipped"

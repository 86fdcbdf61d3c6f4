"""Importing articles from an old portal's export (`manage.py import_articles`): one JSON line
becomes one published article, in its own transaction; see docs/editorial.md."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images import get_image_model

from portal.core.text import slugify_vi

from .legacy_html import html_to_blocks
from .models import ArticlePage
from .services import MAX_SUMMARY, MAX_TITLE, article_view_count_set_minimum, category_get_or_create, unique_slug

logger = logging.getLogger("portal.news")


class ImportLineError(Exception):
    """A line of an import file that cannot be imported; the message is for the operator."""


@dataclass
class ArticleRecord:
    title: str
    body_html: str
    category: str
    published_at: dt.datetime
    summary: str = ""
    source_url: str = ""
    author: str = ""
    image_path: str = ""
    image_caption: str = ""
    tags: list[str] = field(default_factory=list)
    view_count: int | None = None


def parse_published_at(value: Any) -> dt.datetime:
    """ISO 8601 (with or without time zone), 'dd/mm/yyyy' or 'dd/mm/yyyy HH:MM'.
    Times without a zone are in the site's zone (Asia/Ho_Chi_Minh)."""
    if not isinstance(value, str) or not value.strip():
        raise ImportLineError(_("published_at is missing."))
    text = value.strip()
    parsed = None
    for fmt in ("%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y"):
        try:
            parsed = dt.datetime.strptime(text, fmt)
            break
        except ValueError:
            continue
    if parsed is None:
        try:
            parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ImportLineError(
                _("published_at “%(value)s” is not a date (use ISO 8601, dd/mm/yyyy or dd/mm/yyyy HH:MM).")
                % {"value": text[:40]}
            ) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def _text_field(data: dict, name: str, *, required: bool = False, max_length: int | None = None) -> str:
    value = data.get(name)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ImportLineError(_("%(field)s must be text.") % {"field": name})
    value = value.strip()
    if required and not value:
        raise ImportLineError(_("%(field)s is missing.") % {"field": name})
    if max_length and len(value) > max_length:
        raise ImportLineError(_("%(field)s is longer than %(max)d characters.") % {"field": name, "max": max_length})
    return value


def article_record_parse(data: Any) -> ArticleRecord:
    """Validate one decoded JSON object of an import file (no writes)."""
    if not isinstance(data, dict):
        raise ImportLineError(_("The line is not a JSON object."))
    title = " ".join(_text_field(data, "title", required=True, max_length=MAX_TITLE).split())
    body_html = _text_field(data, "body_html", required=True)
    category = _text_field(data, "category", required=True, max_length=MAX_TITLE)
    source_url = _text_field(data, "source_url", max_length=500)
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            raise ImportLineError(_("source_url is not a web address.")) from None
    tags = data.get("tags") or []
    if isinstance(tags, str):
        tags = [t for t in tags.split(",")]
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ImportLineError(_("tags must be a list of words."))
    view_count = data.get("view_count")
    if view_count is not None:
        if isinstance(view_count, str) and view_count.strip().isdigit():
            view_count = int(view_count)
        if isinstance(view_count, bool) or not isinstance(view_count, int) or view_count < 0:
            raise ImportLineError(_("view_count must be a whole number ≥ 0."))
    return ArticleRecord(
        title=title,
        body_html=body_html,
        category=category,
        published_at=parse_published_at(data.get("published_at")),
        summary=_text_field(data, "summary"),
        source_url=source_url,
        author=_text_field(data, "author", max_length=200),
        image_path=_text_field(data, "image_path"),
        image_caption=_text_field(data, "image_caption", max_length=250),
        tags=sorted({" ".join(t.split())[:100] for t in tags if t.strip()}),
        view_count=view_count,
    )


def _resolve_local_file(base_dir: Path, relative: str) -> Path:
    """A file named relative to the import file; it may not point outside that folder."""
    base = base_dir.resolve()
    path = (base / relative).resolve()
    if base not in path.parents:
        raise ImportLineError(_("The image path “%(path)s” points outside the import folder.") % {"path": relative})
    if not path.is_file():
        raise ImportLineError(_("The image file “%(path)s” does not exist.") % {"path": relative})
    return path


def image_import(*, path: Path, title: str, dry_run: bool = False):
    """Store a local image in the image library once (same content → same image)."""
    try:
        with PILImage.open(path) as probe:
            probe.verify()
    except Exception:
        raise ImportLineError(_("The file “%(name)s” is not an image.") % {"name": path.name}) from None
    if dry_run:
        return None
    Image = get_image_model()
    digest = hashlib.sha1(path.read_bytes()).hexdigest()
    existing = Image.objects.filter(file_hash=digest).first()
    if existing:
        return existing
    with path.open("rb") as handle:
        image = Image(title=title[:255] or path.stem, file=ImageFile(handle, name=path.name), file_hash=digest)
        image.save()
    return image


# Stands for an image that a dry run checked but did not store.
_CHECKED_IMAGE = object()


@dataclass
class ImportOutcome:
    action: str  # "created" | "updated" | "unchanged"
    article: ArticlePage | None
    warnings: list[str]  # sentences for the report: what was left out of the article and why


def _find_existing(record: ArticleRecord) -> ArticlePage | None:
    if record.source_url:
        found = ArticlePage.objects.filter(source_url=record.source_url).first()
        if found:
            return found
    local = timezone.localtime(record.published_at)
    start = timezone.make_aware(dt.datetime.combine(local.date(), dt.time.min), timezone.get_default_timezone())
    return (
        ArticlePage.objects.filter(title=record.title, date__gte=start, date__lt=start + dt.timedelta(days=1))
        .order_by("pk")
        .first()
    )


def article_import(*, data: Any, base_dir: Path, dry_run: bool = False) -> ImportOutcome:
    """Create or update one published article from a legacy export line.

    Runs in one transaction: a line either lands whole (article, category, images, count)
    or not at all. Re-running the same line updates the article it created (matched on
    source_url, else on title and publication day) and makes no new revision when nothing
    changed.
    """
    record = article_record_parse(data)
    # A picture that went missing from an old portal's export costs the article that picture,
    # never the article: it is imported without it and the line gets a warning.
    local_problems: dict[str, str] = {}

    with transaction.atomic():

        def local_image(src: str, caption: str):
            try:
                path = _resolve_local_file(base_dir, src)
                image = image_import(path=path, title=caption or record.title, dry_run=dry_run)
            except ImportLineError as problem:
                local_problems[src] = str(problem)
                return None
            return _CHECKED_IMAGE if dry_run else image

        def resolve(src: str, caption: str):
            if src.startswith(("http://", "https://", "//", "data:")):
                return None  # never hot-link another site from our pages
            return local_image(src, caption)

        conversion = html_to_blocks(record.body_html, resolve_image=resolve, default_alt=record.title)
        if not conversion.blocks:
            raise ImportLineError(_("body_html has no content left after cleaning."))
        warnings = [_warning_text(code, local_problems) for code in conversion.warnings]
        summary = record.summary or _summary_from(conversion.first_text())
        if len(summary) > MAX_SUMMARY:
            summary = summary[: MAX_SUMMARY - 1].rstrip() + "…"
        featured = None
        if record.image_path:
            featured = local_image(record.image_path, record.image_caption)
            if featured is None:
                warnings.append(
                    _("%(problem)s The article was imported without its featured image.")
                    % {"problem": local_problems[record.image_path]}
                )
            elif dry_run:
                featured = None
        existing = _find_existing(record)
        if dry_run:
            return ImportOutcome("updated" if existing else "created", existing, warnings)

        category, _created = category_get_or_create(name=record.category)
        fields = {
            "title": record.title,
            "summary": summary,
            "author": record.author,
            "date": record.published_at,
            "source_url": record.source_url,
            "featured_image": featured,
            "featured_image_alt": (record.image_caption or record.title)[:250] if featured else "",
        }
        if existing is None:
            article = ArticlePage(
                slug=unique_slug(category, slugify_vi(record.title)), body=conversion.blocks, **fields
            )
            category.add_child(instance=article)
            action = "created"
        else:
            article = existing.get_latest_revision_as_object()
            if existing.get_parent().pk != category.pk:
                existing.move(category, pos="last-child")
                article = ArticlePage.objects.get(pk=existing.pk).get_latest_revision_as_object()
            changed = _apply(article, fields, conversion.blocks, record.tags)
            action = "updated" if changed or not existing.live else "unchanged"
        if action == "created":
            article.tags.set(record.tags)
        if action != "unchanged":
            article.full_clean()
            article.save_revision(log_action=True).publish(log_action=True)
        if record.view_count is not None:
            article_view_count_set_minimum(article_id=article.pk, count=record.view_count)
    logger.info("article %s: %s", action, article.pk)
    return ImportOutcome(action, article, warnings)


def _warning_text(code: str, local_problems: dict[str, str]) -> str:
    """A converter's warning code ("image:<src>", "iframe") as a sentence for the import report."""
    kind, _sep, src = code.partition(":")
    if kind == "image" and src in local_problems:
        return _("%(problem)s The article was imported without it.") % {"problem": local_problems[src]}
    if kind == "image":
        return _("Left out the image %(src)s: pictures on other sites are not shown on this one.") % {"src": src}
    if kind == "iframe":
        return _("Left out an embedded frame from a host that is not in IFRAME_HOSTS.")
    return _("Left out %(what)s (not stored on this site).") % {"what": code}


def _apply(article: ArticlePage, fields: dict, blocks: list, tags: list[str]) -> bool:
    """Copy imported values onto the article; True if anything differed."""
    changed = False
    for name, value in fields.items():
        if getattr(article, name) != value:
            setattr(article, name, value)
            changed = True

    def content(stream) -> list:
        # Block ids are random per conversion: compare types and values only.
        return [(b["type"], b["value"]) for b in stream.get_prep_value()]

    if content(article.body) != content(ArticlePage(body=blocks).body):
        article.body = blocks
        changed = True
    if sorted(t.name for t in article.tags.all()) != tags:
        article.tags.set(tags)
        changed = True
    return changed


def _summary_from(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"

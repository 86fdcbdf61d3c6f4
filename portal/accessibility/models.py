"""The read-aloud settings and recordings (Đọc bài viết)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from portal.core.sitememo import MemoSettingMixin


@register_setting(icon="media")
class ReadAloudSettings(MemoSettingMixin, BaseSiteSetting):
    """ "Đọc bài viết" as the department wants it. The engines themselves (programs, service
    addresses and keys) are configured by the operator in the environment, not here."""

    ENGINE_CHOICES = [
        ("", _("As configured on the server (SPEECH_ENGINE)")),
        ("espeak", _("espeak-ng (offline, installed on the server)")),
        ("command", _("Speech program configured by the operator (SPEECH_COMMAND)")),
        ("http", _("Speech service configured by the operator (SPEECH_HTTP_URL)")),
    ]
    enabled = models.BooleanField(_("offer “Read the article”"), default=True)
    engine = models.CharField(_("speech engine"), max_length=16, choices=ENGINE_CHOICES, default="", blank=True)
    voice = models.CharField(
        _("voice"),
        max_length=64,
        blank=True,
        help_text=_("Empty: the engine's default (espeak-ng: vi; vi-vn-x-central, vi-vn-x-south for other accents)."),
    )
    speed = models.PositiveSmallIntegerField(
        _("speed (%)"),
        default=100,
        validators=[MinValueValidator(50), MaxValueValidator(200)],
        help_text=_("100 is the engine's normal rate."),
    )

    panels = [FieldPanel("enabled"), FieldPanel("engine"), FieldPanel("voice"), FieldPanel("speed")]

    class Meta:
        verbose_name = _("read aloud")

    def clean(self):
        self.voice = self.voice.strip()
        if self.voice and not all(ch.isalnum() or ch in "-_.+" for ch in self.voice):
            raise ValidationError({"voice": _("A voice name has only letters, digits and - _ . +")})


class ArticleAudio(models.Model):
    """The recording of one revision of an article by one engine and voice, with the time
    each sentence starts and ends (for highlighting while it plays)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being generated")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    page = models.ForeignKey(
        "news.ArticlePage", on_delete=models.CASCADE, related_name="audio_versions", verbose_name=_("article")
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    engine = models.CharField(_("engine"), max_length=16)
    voice = models.CharField(_("voice"), max_length=64, blank=True)
    speed = models.PositiveSmallIntegerField(_("speed (%)"), default=100)
    script_hash = models.CharField(max_length=64, db_index=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("file"), upload_to="audio/", max_length=255, blank=True)
    duration = models.FloatField(_("duration (s)"), default=0)
    size = models.PositiveIntegerField(_("size (bytes)"), default=0)
    sentences = models.JSONField(default=list, blank=True)
    error = models.TextField(_("error"), blank=True)
    synthesis_seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("article audio")
        verbose_name_plural = _("article audio")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision", "engine", "voice", "speed"], name="article_audio_unique_version"
            ),
        ]
        indexes = [models.Index(fields=["page", "status"])]

    def __str__(self):
        return f"{self.page_id}/{self.revision_id} {self.engine}:{self.voice} {self.status}"

"""Department identity and navigation, edited in the admin (Settings), one set per site.

A department installs the portal and types these in: nothing in code names a department.
The footer fields follow what a state agency site must display (Nghị định 42/2022/NĐ-CP,
Điều 9: name of the managing agency, address, phone, e-mail, the person responsible for
content, and the licence where the site has one).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField

from .blocks import LinkBlock, MenuItemBlock, SocialLinkBlock
from .navigation import BrokenLinksPanel
from .sitememo import MemoSettingMixin


@register_setting(icon="home")
class SiteIdentity(MemoSettingMixin, BaseSiteSetting):
    select_related = ["emblem"]  # the header shows it on every page
    parent_body = models.CharField(
        _("parent body"), max_length=200, blank=True, help_text=_("E.g. Ủy ban nhân dân tỉnh Phú Thọ")
    )
    department_name = models.CharField(
        _("department name"), max_length=200, default="", help_text=_("E.g. Sở Khoa học và Công nghệ")
    )
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("Used in page titles, e.g. Sở KH&CN Phú Thọ")
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("emblem / logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    working_hours = models.CharField(
        _("working hours"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Sáng 7h30–11h30, chiều 13h30–17h00, thứ Hai đến thứ Sáu"),
    )
    editor_in_chief = models.CharField(
        _("person responsible for content"),
        max_length=200,
        blank=True,
        help_text=_("Name and position of the head of the editorial board (Trưởng ban biên tập)."),
    )
    licence = models.CharField(
        _("licence"), max_length=300, blank=True, help_text=_("Licence number and issuing body, if any.")
    )
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])
    social_links = StreamField([("social", SocialLinkBlock())], verbose_name=_("social links"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("parent_body"), FieldPanel("department_name"), FieldPanel("short_name"), FieldPanel("emblem")],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("working_hours"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("editor_in_chief"),
                FieldPanel("licence"),
                FieldPanel("footer_text"),
                FieldPanel("social_links"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("department identity")

    @property
    def site_title(self) -> str:
        return self.short_name or self.department_name


@register_setting(icon="list-ul")
class SiteNavigation(MemoSettingMixin, BaseSiteSetting):
    main_menu = StreamField([("item", MenuItemBlock())], verbose_name=_("main menu"), blank=True)
    quick_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("quick links"),
        blank=True,
        help_text=_("Shown in the sidebar of every page (Lịch tiếp công dân, Thống kê KH&CN, …)."),
    )
    site_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("site links"),
        blank=True,
        help_text=_("Links to other agencies (Liên kết trang)."),
    )

    panels = [BrokenLinksPanel(), FieldPanel("main_menu"), FieldPanel("quick_links"), FieldPanel("site_links")]

    class Meta:
        verbose_name = _("menus and links")


class CalendarDay(models.Model):
    """A day the department's calendar treats differently from the national one: an extra day
    off (a provincial holiday, a day announced late) or an extra working day (a make-up
    Saturday the national data does not know yet). Legal deadlines count in working days
    (portal.core.calendar)."""

    date = models.DateField(_("date"), unique=True)
    working = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Ticked: a working day (e.g. a make-up Saturday). Not ticked: a day off."),
    )
    reason = models.CharField(_("reason"), max_length=200)

    panels = [FieldPanel("date"), FieldPanel("working"), FieldPanel("reason")]

    class Meta:
        ordering = ["-date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self):
        return f"{self.date:%d/%m/%Y}: {self.reason}"


class YearlySequence(models.Model):
    """The last number given in a year to one kind of record: PAKN-2026-000123 is the 123rd
    petition of 2026 (portal.core.tracking)."""

    name = models.CharField(max_length=20)  # the code's prefix: "PAKN", …
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="core_sequence_name_year")]

    def __str__(self):
        return f"{self.name}-{self.year}: {self.last}"


class ReportExport(models.Model):
    """An export of an admin report (who, which report, format and period): kept, never edited,
    and in Wagtail's action log too (portal.core.reports)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    report = models.CharField(_("report"), max_length=40)  # "visits", "petitions", …
    file_format = models.CharField(_("format"), max_length=40)  # "xlsx", "csv:articles", …
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    created_at = models.DateTimeField(_("exported"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report export")
        verbose_name_plural = _("report exports")

    def __str__(self):
        return f"{self.report} {self.date_from:%d/%m/%Y}–{self.date_to:%d/%m/%Y} ({self.file_format})"


class IdempotencyKey(models.Model):
    """A key a client sent with a request that creates something (portal.core.idempotency):
    bound to the client and to that request's content, kept for a limited time. Nothing in it
    is readable: the key and the client are in one keyed hash, the request in another."""

    scope = models.CharField(max_length=40)  # "petition", …
    key_hash = models.CharField(max_length=64)
    request_hash = models.CharField(max_length=64)
    target = models.CharField(max_length=64)  # the created record's id
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key_hash"], name="core_idempotency_scope_key")]

    def __str__(self):
        return f"{self.scope} {self.target}"


class RateCounter(models.Model):
    """A counter of attempts kept in the database (portal.core.ratelimit), where the cache
    cannot count atomically across processes (files shared by the workers of one machine)."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key}: {self.count}"


class Heartbeat(models.Model):
    """The last sign of life of a background process ("worker", "scheduler"): /readyz reads it
    (portal.core.health)."""

    name = models.CharField(max_length=40, primary_key=True)
    at = models.DateTimeField()

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name} {self.at:%Y-%m-%d %H:%M:%S}"


class JobClaim(models.Model):
    """When a scheduled job last started, whichever scheduler started it: several schedulers
    (one per app node) claim each round in this shared row, so a job runs once per interval
    and not once per node (portal.core.jobs.claim)."""

    name = models.CharField(max_length=60, primary_key=True)
    started_at = models.DateTimeField()

    class Meta:
        verbose_name = _("scheduled job run")
        verbose_name_plural = _("scheduled job runs")

    def __str__(self):
        return f"{self.name} {self.started_at:%Y-%m-%d %H:%M:%S}"


class MaintenanceWindow(models.Model):
    """A planned interruption of the site, announced on every public page from `announce_from`
    until it ends (portal.core.maintenance; the notice period is a setting)."""

    starts_at = models.DateTimeField(_("interruption starts"))
    ends_at = models.DateTimeField(_("interruption ends"))
    announce_from = models.DateField(_("announce from"), help_text=_("The notice appears on the site from this day."))
    message = models.TextField(
        pgettext_lazy("maintenance", "message"),
        max_length=1000,
        help_text=_("What visitors will read, e.g. which services stop and where to turn meanwhile."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("announce_from"),
        FieldPanel("message"),
    ]

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("planned maintenance")
        verbose_name_plural = _("planned maintenance")

    def __str__(self):
        return f"{self.starts_at:%d/%m/%Y %H:%M} – {self.ends_at:%d/%m/%Y %H:%M}"

    def clean(self):
        from django.core.exceptions import ValidationError
        from django.utils import timezone

        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The interruption must end after it starts.")})
        if self.starts_at and self.announce_from and self.announce_from > timezone.localdate(self.starts_at):
            raise ValidationError({"announce_from": _("The notice must appear before the interruption starts.")})

"""The S&T task registry: host organisations, tasks (đề tài, dự án…) with their budget, status
and results, the history of each task, and the yearly indicators that staff enter for the
statistics page.

The kinds, levels, fields and acceptance ratings are the names the regulations use (the field
classification of Quyết định 12/2008/QĐ-BKHCN, Bảng phân loại lĩnh vực nghiên cứu KH&CN, at its
first level), the same in every language of the admin, so they are not translated. The values
are the slugs of the public filters and of the API.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.core.text import fold_for_search


class Kind(models.TextChoices):
    TOPIC = "de-tai", "Đề tài"
    TRIAL_PRODUCTION = "du-an-sxtn", "Dự án sản xuất thử nghiệm"
    SCHEME = "de-an", "Đề án"
    PROJECT = "du-an-khcn", "Dự án KH&CN"
    OTHER = "khac", "Nhiệm vụ khác"


class Level(models.TextChoices):
    NATIONAL = "quoc-gia", "Quốc gia"
    MINISTRY = "bo", "Bộ"
    PROVINCE = "tinh", "Tỉnh"
    BASE = "co-so", "Cơ sở"


class Field(models.TextChoices):
    NATURAL = "tu-nhien", "Khoa học tự nhiên"
    ENGINEERING = "ky-thuat-cong-nghe", "Khoa học kỹ thuật và công nghệ"
    MEDICAL = "y-duoc", "Khoa học y, dược"
    AGRICULTURAL = "nong-nghiep", "Khoa học nông nghiệp"
    SOCIAL = "xa-hoi", "Khoa học xã hội"
    HUMANITIES = "nhan-van", "Khoa học nhân văn"


class Rating(models.TextChoices):
    EXCELLENT = "xuat-sac", "Xuất sắc"
    GOOD = "kha", "Khá"
    PASS = "dat", "Đạt"
    FAIL = "khong-dat", "Không đạt"


class TaskStatus(models.TextChoices):
    PROPOSED = "proposed", pgettext_lazy("S&T task status", "Proposed")
    APPROVED = "approved", pgettext_lazy("S&T task status", "Approved")
    IN_PROGRESS = "in_progress", pgettext_lazy("S&T task status", "In progress")
    EXTENDED = "extended", pgettext_lazy("S&T task status", "Extended")
    ACCEPTED = "accepted", pgettext_lazy("S&T task status", "Accepted")
    TERMINATED = "terminated", pgettext_lazy("S&T task status", "Terminated")


class Selection(models.TextChoices):
    CALL = "tuyen-chon", "Tuyển chọn"
    DIRECT = "giao-truc-tiep", "Giao trực tiếp"


RUNNING = (TaskStatus.IN_PROGRESS, TaskStatus.EXTENDED)


class Organisation(models.Model):
    """A host organisation (cơ quan chủ trì): institute, university, hospital, enterprise."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("active")]),
        FieldPanel("address"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("host organisation")
        verbose_name_plural = _("host organisations")

    def __str__(self):
        return self.name


class Task(ClusterableModel):
    """A science and technology task. Its status changes only through the services
    (portal.science.services, steps in portal.science.workflow); `clean()` holds the rules every
    task must meet whatever its source (admin, import)."""

    code = models.CharField(_("code"), max_length=40, unique=True, help_text=_("For example ĐT.02/2024 or DA.01/2023."))
    title = models.CharField(_("title"), max_length=500)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    field = models.CharField(_("field"), max_length=30, choices=Field.choices)
    host = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="tasks", verbose_name=_("host organisation")
    )
    investigator = models.CharField(_("principal investigator"), max_length=200)
    members = models.TextField(
        _("members"), blank=True, help_text=_("One per line. Internal: never shown on the site nor in the API.")
    )
    start = models.DateField(_("start date"))
    end = models.DateField(_("end date"), help_text=_("For an extended task, the end date after the extension."))
    budget_province = models.PositiveBigIntegerField(_("province S&T budget (VND)"), default=0)
    budget_other = models.PositiveBigIntegerField(_("other sources (VND)"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.PROPOSED)
    selection = models.CharField(_("way of assignment"), max_length=20, choices=Selection.choices, blank=True)
    rating = models.CharField(_("acceptance rating"), max_length=20, choices=Rating.choices, blank=True)
    accepted_on = models.DateField(_("acceptance date"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    results = models.TextField(_("results and products"), blank=True)
    application = models.TextField(_("where the results are applied"), blank=True)
    registration_number = models.CharField(_("result registration number"), max_length=60, blank=True)
    registration_date = models.DateField(_("result registration date"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("code"), FieldPanel("title"), FieldRowPanel([FieldPanel("kind"), FieldPanel("level")])],
            heading=_("Task"),
        ),
        FieldPanel("field"),
        FieldPanel("host"),
        FieldPanel("investigator"),
        FieldPanel("members"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("budget_province"), FieldPanel("budget_other")]),
        FieldPanel("summary"),
        FieldPanel("results"),
        FieldPanel("application"),
        FieldRowPanel([FieldPanel("registration_number"), FieldPanel("registration_date")]),
        InlinePanel("documents", label=_("Reports")),
    ]

    class Meta:
        ordering = ["-start", "code"]
        verbose_name = _("S&T task")
        verbose_name_plural = _("S&T tasks")
        permissions = [("manage_task", _("Change the status of S&T tasks"))]
        indexes = [models.Index(fields=["status", "start"]), models.Index(fields=["accepted_on"])]

    def __str__(self):
        return f"{self.code} – {self.title}"

    @property
    def budget_total(self) -> int:
        return (self.budget_province or 0) + (self.budget_other or 0)

    def public_time(self) -> dt.datetime:
        """When the task last made news (accepted, else started), for feeds and search."""
        day = self.accepted_on or self.start
        return timezone.make_aware(dt.datetime.combine(day, dt.time()))

    def active_in(self, year: int) -> bool:
        return self.start.year <= year <= self.end.year

    def clean(self):
        errors: dict[str, list[str]] = {}
        if self.start and self.end and self.end < self.start:
            errors.setdefault("end", []).append(_("The end date cannot be before the start date."))
        if self.status == TaskStatus.ACCEPTED:
            if not self.rating:
                errors.setdefault("rating", []).append(_("An accepted task needs its acceptance rating."))
            if not self.accepted_on:
                errors.setdefault("accepted_on", []).append(_("An accepted task needs its acceptance date."))
        else:
            if self.rating:
                errors.setdefault("rating", []).append(_("Only an accepted task has an acceptance rating."))
            if self.accepted_on:
                errors.setdefault("accepted_on", []).append(_("Only an accepted task has an acceptance date."))
        if self.accepted_on and self.accepted_on > timezone.localdate():
            errors.setdefault("accepted_on", []).append(_("The acceptance date cannot be in the future."))
        if self.accepted_on and self.start and self.accepted_on < self.start:
            errors.setdefault("accepted_on", []).append(_("The acceptance cannot be before the start date."))
        if self.registration_date and not self.registration_number:
            errors.setdefault("registration_number", []).append(_("A registration date needs its registration number."))
        if self.registration_date and self.accepted_on and self.registration_date < self.accepted_on:
            errors.setdefault("registration_date", []).append(
                _("The results are registered after the acceptance, not before.")
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        # A derived copy for searching without diacritics ("nong nghiep" finds "nông nghiệp").
        host = self.host.name if self.host_id else ""
        self.search_text = fold_for_search(" ".join([self.code, self.title, host, self.investigator, self.summary]))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)


class TaskDocument(Orderable):
    """A report of the task (final report, acceptance minutes…), a Wagtail document."""

    task = ParentalKey(Task, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=255, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    def __str__(self):
        return self.title or self.document.title


STEP_LABELS = {
    "create": pgettext_lazy("S&T task step", "Registered"),
    "edit": pgettext_lazy("S&T task step", "Details updated"),
    "approve": pgettext_lazy("S&T task step", "Approved"),
    "start": pgettext_lazy("S&T task step", "Started"),
    "extend": pgettext_lazy("S&T task step", "Extended"),
    "accept": pgettext_lazy("S&T task step", "Accepted"),
    "terminate": pgettext_lazy("S&T task step", "Stopped"),
    "import": pgettext_lazy("S&T task step", "Imported from a file"),
}


class TaskEvent(models.Model):
    """One change of a task: who, when, from which status to which, why."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    action = models.CharField(max_length=20)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["task", "at"])]

    def __str__(self):
        return f"{self.task_id} {self.action} {self.at:%Y-%m-%d}"

    @property
    def label(self) -> str:
        return str(STEP_LABELS.get(self.action, self.action))

    @property
    def from_label(self) -> str:
        return str(TaskStatus(self.from_status).label) if self.from_status in TaskStatus.values else ""

    @property
    def to_label(self) -> str:
        return str(TaskStatus(self.to_status).label) if self.to_status in TaskStatus.values else ""


RESERVED_SLUGS = frozenset(
    {"tasks-by-year-status", "tasks-by-field", "tasks-by-level", "budget-by-year", "acceptance-ratings",
     "top-host-organisations"}
)  # fmt: skip


class Indicator(ClusterableModel):
    """A yearly figure that staff enter for the statistics page (S&T organisations, researchers
    by degree, patents granted…), with its unit and source; its values are one per year and,
    where the figure is broken down (by degree, by kind of title), per category."""

    slug = models.SlugField(
        _("address name"),
        max_length=60,
        unique=True,
        help_text=_("Latin letters, digits and hyphens: the name of the dataset's files and of its API address."),
    )
    title = models.CharField(_("title"), max_length=255)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("For example: organisations, people, titles."))
    source = models.CharField(
        pgettext_lazy("S&T indicator", "source"),
        max_length=255,
        help_text=_("Who reports the figure, and in which report."),
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("order"), FieldPanel("published")]),
        FieldPanel("source"),
        FieldPanel("description"),
        InlinePanel(
            "values", heading=pgettext_lazy("S&T indicator", "Values"), label=pgettext_lazy("S&T indicator", "value")
        ),
    ]

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("S&T indicator")
        verbose_name_plural = _("S&T indicators")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This name belongs to a dataset computed from the registry.")})


class IndicatorValue(Orderable):
    """The value of an indicator for one year (and one category of its breakdown)."""

    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="values")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)])
    category = models.CharField(
        pgettext_lazy("S&T indicator", "category"),
        max_length=120,
        blank=True,
        help_text=_("Empty when the figure is not broken down."),
    )
    value = models.DecimalField(pgettext_lazy("S&T indicator", "value"), max_digits=18, decimal_places=2)
    note = models.CharField(_("note"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("category"), FieldPanel("value")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year", "category"], name="science_indicator_value_once")
        ]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.indicator_id} {self.year} {self.category}"

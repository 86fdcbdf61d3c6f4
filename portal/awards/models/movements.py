"""Emulation organised: blocs and clusters (khối, cụm thi đua) with each year's rotating head and
deputy, covenant and the unit the bloc voted to lead it; movements (phong trào thi đua) with
their launch and reviews; and registrations of the titles units and officials aim for."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .records import AWARDS, YEAR_VALIDATORS, OfSubject, Unit


class Bloc(ClusterableModel):
    class Kind(models.TextChoices):
        BLOC = "khoi", _("Emulation bloc (khối)")
        CLUSTER = "cum", _("Emulation cluster (cụm)")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices, default=Kind.BLOC)
    members = ParentalManyToManyField(Unit, related_name="blocs", verbose_name=_("member units"))
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        FieldPanel("description"),
        InlinePanel("years", label=_("Years"), heading=_("Each year: head, deputy, covenant, leader")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("emulation bloc or cluster")
        verbose_name_plural = _("emulation blocs and clusters")

    def __str__(self):
        return self.name


class BlocYear(models.Model):
    """One year of a bloc: its head and deputy (rotating), the covenant the members signed, and
    the member the bloc voted to lead it (suy tôn dẫn đầu, a condition of Cờ thi đua)."""

    bloc = ParentalKey(Bloc, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    head = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("head (khối trưởng)"))
    deputy = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("deputy (khối phó)")
    )
    covenant_signed_on = models.DateField(_("covenant signed on"), null=True, blank=True)
    targets = models.TextField(_("covenant targets"), blank=True)
    covenant = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("covenant document"),
    )
    leader = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("voted to lead the bloc"),
        help_text=_("Leave empty until the bloc's year-end review."),
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("head"), FieldPanel("deputy")]),
        MultiFieldPanel(
            [FieldPanel("covenant_signed_on"), FieldPanel("targets"), FieldPanel("covenant")], heading=_("Covenant")
        ),
        FieldPanel("leader"),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("bloc year")
        verbose_name_plural = _("bloc years")
        constraints = [models.UniqueConstraint(fields=["bloc", "year"], name="awards_blocyear_once")]

    def __str__(self):
        return f"{self.bloc} – {self.year}"

    def clean(self):
        errors = {}
        if self.head_id and self.deputy_id and self.head_id == self.deputy_id:
            errors["deputy"] = _("The head and the deputy are two different members.")
        if self.bloc_id and self.year:
            previous = BlocYear.objects.filter(bloc_id=self.bloc_id, year=self.year - 1).exclude(pk=self.pk).first()
            if previous is not None and previous.head_id == self.head_id:
                errors["head"] = _("The head rotates: this member was the head the year before.")
        if errors:
            raise ValidationError(errors)


class Movement(models.Model):
    """An emulation movement: regular (thường xuyên) or by campaign or theme (theo đợt, chuyên
    đề); awards for a thematic movement are no basis for the titles that count years."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Regular (thường xuyên)")
        THEMATIC = "thematic", _("By campaign or theme (theo đợt, chuyên đề)")

    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.REGULAR)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    targets = models.TextField(_("targets"))
    criteria = models.TextField(_("criteria"), blank=True)
    launched_on = models.DateField(_("launched on"), null=True, blank=True)
    midterm_on = models.DateField(_("mid-term review (sơ kết) on"), null=True, blank=True)
    final_on = models.DateField(_("final review (tổng kết) on"), null=True, blank=True)
    results = models.TextField(_("results of the reviews"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("plan or launching document"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("targets"),
        FieldPanel("criteria"),
        FieldRowPanel([FieldPanel("launched_on"), FieldPanel("midterm_on"), FieldPanel("final_on")]),
        FieldPanel("results"),
        FieldPanel("document"),
    ]

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("emulation movement")
        verbose_name_plural = _("emulation movements")

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end cannot come before the start.")
        for name in ("midterm_on", "final_on"):
            value = getattr(self, name)
            if value and self.starts_on and value < self.starts_on:
                errors[name] = _("A review cannot come before the movement starts.")
        if self.midterm_on and self.final_on and self.final_on < self.midterm_on:
            errors["final_on"] = _("The final review comes after the mid-term review.")
        if errors:
            raise ValidationError(errors)


class Registration(OfSubject):
    """At the start of the year, a unit or an official registers the title it aims for."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    code = models.CharField(_("title or form aimed for"), max_length=40, choices=AWARDS)
    registered_on = models.DateField(_("registered on"))

    panels = [
        FieldRowPanel([FieldPanel("official"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("code"), FieldPanel("registered_on")]),
    ]

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("emulation registration")
        verbose_name_plural = _("emulation registrations")
        constraints = [
            OfSubject.subject_constraint("awards_registration_one_subject"),
            models.UniqueConstraint(fields=["official", "year", "code"], name="awards_registration_once_official"),
            models.UniqueConstraint(fields=["unit", "year", "code"], name="awards_registration_once_unit"),
        ]

    def __str__(self):
        return f"{self.get_code_display()} {self.year} – {self.subject}"

    def clean(self):
        self.clean_subject(_("A registration is of one official or of one unit."))
        if self.registered_on and self.year and self.registered_on.year > self.year:
            raise ValidationError({"registered_on": _("Registration comes at the start of the year, not after it.")})

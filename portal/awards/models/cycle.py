"""The yearly cycle after the records: nominations (hồ sơ đề nghị) with the checker's answer
kept as it was when checked, the council meeting (Hội đồng Thi đua – Khen thưởng) and its
secret ballot, the decision that confers the titles, and the settings they read (voting rules,
base salary) kept by date so that a past year is always computed by the rules of its day.

Every change of state goes through services (portal.awards.services), which check where a
nomination starts from and log who did what."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from ..eligibility.council import parse_ratio
from .records import AWARDS, YEAR_VALIDATORS, OfSubject

SMALL_COUNT = [MaxValueValidator(999)]


class CouncilMeeting(models.Model):
    """One meeting of the department's emulation and awards council for an achievement year."""

    year = models.PositiveSmallIntegerField(_("achievement year"), validators=YEAR_VALIDATORS)
    held_on = models.DateField(_("held on"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    chair = models.CharField(_("chair"), max_length=120)
    secretary = models.CharField(_("secretary"), max_length=120)
    members_total = models.PositiveSmallIntegerField(
        _("council members"), validators=[MinValueValidator(1), *SMALL_COUNT]
    )
    members_present = models.PositiveSmallIntegerField(_("members present"), validators=SMALL_COUNT)
    written_votes = models.PositiveSmallIntegerField(
        _("absent members voting in writing"), default=0, validators=SMALL_COUNT
    )
    notes = models.TextField(_("other business"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("held_on"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("chair"), FieldPanel("secretary")]),
        FieldRowPanel([FieldPanel("members_total"), FieldPanel("members_present"), FieldPanel("written_votes")]),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("council meeting")
        verbose_name_plural = _("council meetings")

    def __str__(self):
        return _("Council meeting of %(date)s") % {"date": self.held_on.strftime("%d/%m/%Y")}

    @property
    def voting(self) -> int:
        return self.members_present + self.written_votes

    def clean(self):
        if self.closed_at:
            raise ValidationError(_("The meeting is closed: its record can no longer change."))
        if self.members_total is not None and self.members_present is not None:
            if self.members_present + (self.written_votes or 0) > self.members_total:
                raise ValidationError(
                    {"members_present": _("Members present and voting in writing exceed the council's members.")}
                )


class Decision(models.Model):
    """A decision conferring titles and forms (quyết định khen thưởng)."""

    number = models.CharField(_("number"), max_length=60, unique=True)
    signed_on = models.DateField(_("signed on"))
    signer = models.CharField(_("signed by"), max_length=160)
    recipients = models.TextField(_("sent to"), blank=True, help_text=_("Nơi nhận, one per line."))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed copy"),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("signed_on")]),
        FieldPanel("signer"),
        FieldPanel("recipients"),
        FieldPanel("document"),
    ]

    class Meta:
        ordering = ["-signed_on", "number"]
        verbose_name = _("award decision")
        verbose_name_plural = _("award decisions")

    def __str__(self):
        return _("Decision %(number)s of %(date)s") % {
            "number": self.number,
            "date": self.signed_on.strftime("%d/%m/%Y"),
        }


class Nomination(OfSubject):
    """A proposal to confer one title or form for the achievements of `year`."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Preparing the dossier")
        SUBMITTED = "submitted", _("Before the council")
        APPROVED = "approved", _("Proposed by the council")
        REJECTED = "rejected", _("Not proposed by the council")
        DECIDED = "decided", _("Decided")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    code = models.CharField(_("title or form"), max_length=40, choices=AWARDS)
    year = models.PositiveSmallIntegerField(_("achievement year"), validators=YEAR_VALIDATORS)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    # The checker's answer when last checked (kept: the council decides on what it saw).
    checker_eligible = models.BooleanField(_("checker's answer"), null=True, editable=False)
    checker_reasons = models.JSONField(default=list, editable=False)
    checker_basis = models.JSONField(default=list, editable=False)
    checker_rules = models.CharField(max_length=120, blank=True, editable=False)
    checked_at = models.DateTimeField(null=True, editable=False)
    # The council secretary's written reasons to go ahead against the checker.
    override_reason = models.TextField(_("secretary's reasons"), blank=True, editable=False)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    override_at = models.DateTimeField(null=True, editable=False)
    documents = models.JSONField(_("documents received"), default=list, editable=False)
    meeting = models.ForeignKey(
        CouncilMeeting, null=True, on_delete=models.PROTECT, related_name="nominations", editable=False
    )
    votes_for = models.PositiveSmallIntegerField(null=True, editable=False)
    votes_against = models.PositiveSmallIntegerField(null=True, editable=False)
    votes_invalid = models.PositiveSmallIntegerField(null=True, editable=False)
    decision = models.ForeignKey(
        Decision, null=True, on_delete=models.PROTECT, related_name="nominations", editable=False
    )
    prize_amount = models.PositiveBigIntegerField(_("prize (đồng)"), null=True, editable=False)
    # Public disclosure of a nominee for a higher form, before the dossier goes on.
    disclosure_opens = models.DateField(_("disclosed from"), null=True, editable=False)
    disclosure_until = models.DateField(_("disclosed until"), null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("official"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("code"), FieldPanel("year")]),
    ]

    class Meta:
        ordering = ["-year", "code", "pk"]
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        permissions = [("override_nomination", _("Can let a nomination go ahead against the checker"))]
        constraints = [
            OfSubject.subject_constraint("awards_nomination_one_subject"),
            models.UniqueConstraint(
                fields=["official", "code", "year"],
                condition=~models.Q(status="withdrawn"),
                name="awards_nomination_once_per_official",
            ),
            models.UniqueConstraint(
                fields=["unit", "code", "year"],
                condition=~models.Q(status="withdrawn"),
                name="awards_nomination_once_per_unit",
            ),
        ]

    def __str__(self):
        return f"{self.get_code_display()} {self.year} – {self.subject}"

    def nominee(self) -> str:
        official = self.official
        return f"{official} ({official.unit})" if official else str(self.unit)

    nominee.short_description = _("Nominee")

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


class DisclosureComment(models.Model):
    """A citizen's comment on a nominee during public disclosure: read by the officers only
    (the name and contact are optional personal data, kept with consent, never shown publicly)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField(_("comment text"), max_length=2000)
    name = models.CharField(_("name"), max_length=100, blank=True)
    contact = models.CharField(_("phone or e-mail"), max_length=120, blank=True)
    consent_at = models.DateTimeField(_("consent given"))
    created_at = models.DateTimeField(auto_now_add=True)
    # When the name and contact were removed after the keeping period (services.disclosure).
    personal_removed_at = models.DateTimeField(_("personal data removed"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("disclosure comment")
        verbose_name_plural = _("disclosure comments")

    def __str__(self):
        return f"{self.nomination} – {self.created_at:%d/%m/%Y}"


class VotingRule(models.Model):
    """Quorum and the share of ballots a title needs, from a date (the decree or the council's
    regulation in force). A blank title is every title without its own rule and sets the quorum."""

    valid_from = models.DateField(_("in force from"))
    code = models.CharField(_("title or form"), max_length=40, choices=AWARDS, blank=True)
    quorum = models.CharField(_("quorum"), max_length=12, blank=True, help_text=_("For example 2/3."))
    approval = models.CharField(_("votes needed"), max_length=12, help_text=_("For example 90% or 1/2."))
    strict = models.BooleanField(_("more than (not at least)"), default=False)
    of_all_members = models.BooleanField(
        _("counted on all council members"), default=False, help_text=_("Otherwise on the ballots cast.")
    )
    basis = models.CharField(_("legal basis"), max_length=300)

    panels = [
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("quorum"), FieldPanel("approval"), FieldPanel("strict")]),
        FieldPanel("of_all_members"),
        FieldPanel("basis"),
    ]

    class Meta:
        ordering = ["-valid_from", "code"]
        verbose_name = _("voting rule")
        verbose_name_plural = _("voting rules")
        constraints = [models.UniqueConstraint(fields=["valid_from", "code"], name="awards_votingrule_unique")]

    def __str__(self):
        return f"{self.get_code_display() or _('Other titles')} – {self.approval}"

    def clean(self):
        errors = {}
        for field in ("quorum", "approval"):
            value = getattr(self, field)
            if value:
                try:
                    parse_ratio(value)
                except ValueError as error:
                    errors[field] = str(error)
        if not self.code and not self.quorum:
            errors["quorum"] = _("The rule for other titles sets the quorum.")
        if errors:
            raise ValidationError(errors)


class BaseSalary(models.Model):
    """The base salary (mức lương cơ sở) from a date, which prize coefficients multiply."""

    valid_from = models.DateField(_("in force from"), unique=True)
    amount = models.PositiveIntegerField(_("amount (đồng a month)"), validators=[MinValueValidator(1000)])
    basis = models.CharField(_("legal basis"), max_length=300)

    panels = [FieldRowPanel([FieldPanel("valid_from"), FieldPanel("amount")]), FieldPanel("basis")]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")

    def __str__(self):
        return f"{self.amount:,} đ – {self.valid_from:%d/%m/%Y}".replace(",", ".")

"""The records the checker reads: units (a tree), officials, and for each of them one record per
year (rating, initiatives, discipline, months worked; for a unit its member counts) and the
titles and awards received, each with the decision and the achievement year (năm thành tích)
it names. selectors.case_for() turns them into the checker's Case."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from ..eligibility.case import DISCIPLINE_FORMS

RATINGS = [
    ("htxsnv", _("Completed duties excellently")),
    ("httnv", _("Completed duties well")),
    ("htnv", _("Completed duties")),
    ("khtnv", _("Did not complete duties")),
]
YEAR_VALIDATORS = [MinValueValidator(1945), MaxValueValidator(2100)]

# Titles and forms (the checker's codes, README "Emulation and awards"): their names are those
# of the law, the same in every language of the admin, so they are not translated.
AWARDS = [
    ("ldtt", "Lao động tiên tiến"),
    ("cstd_co_so", "Chiến sĩ thi đua cơ sở"),
    ("cstd_bo_tinh", "Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh"),
    ("cstd_toan_quoc", "Chiến sĩ thi đua toàn quốc"),
    ("tt_ldtt", "Tập thể lao động tiên tiến"),
    ("tt_ldxs", "Tập thể lao động xuất sắc"),
    ("co_thi_dua_bo_tinh", "Cờ thi đua của bộ, ban, ngành, tỉnh"),
    ("co_thi_dua_chinh_phu", "Cờ thi đua của Chính phủ"),
    ("giay_khen", "Giấy khen"),
    ("bang_khen_bo_tinh", "Bằng khen của bộ, ban, ngành, tỉnh"),
    ("bang_khen_ttg", "Bằng khen của Thủ tướng Chính phủ"),
    ("huan_chuong_lao_dong_hang_ba", "Huân chương Lao động hạng Ba"),
]


class Unit(models.Model):
    """A unit of the department (phòng, chi cục, trung tâm), under another unit or at the top."""

    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name=_("part of")
    )
    active = models.BooleanField(_("active"), default=True)
    external = models.BooleanField(
        _("outside the department"),
        default=False,
        help_text=_("Another department, member of an emulation bloc with this one: no officials, no honor roll."),
    )

    panels = [FieldPanel("name"), FieldPanel("parent"), FieldRowPanel([FieldPanel("active"), FieldPanel("external")])]

    class Meta:
        ordering = ["name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="awards_unit_unique_name")]

    def __str__(self):
        return self.name

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A unit cannot be part of itself.")})
            ancestor = ancestor.parent


class Official(ClusterableModel):
    """A person whose achievements are recorded (cán bộ, công chức, viên chức, người lao động).
    `unit` is where they work now; `postings` where they worked which years, which makes them
    members of those units' collectives in those years (selectors.unit_members)."""

    full_name = models.CharField(_("full name"), max_length=120)
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="officials",
        verbose_name=_("unit"),
        limit_choices_to={"external": False},
    )
    position = models.CharField(_("position"), max_length=120, blank=True)
    active = models.BooleanField(_("working here"), default=True)

    panels = [
        FieldPanel("full_name"),
        FieldRowPanel([FieldPanel("unit"), FieldPanel("position")]),
        FieldPanel("active"),
        InlinePanel("postings", heading=_("Units worked in"), label=_("posting")),
    ]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("official")
        verbose_name_plural = _("officials")

    def __str__(self):
        return self.full_name


class Posting(Orderable):
    """A stretch of years an official worked in a unit (quá trình công tác). An official with no
    posting belongs to their current unit every year."""

    official = ParentalKey(Official, on_delete=models.CASCADE, related_name="postings")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name=_("unit"), limit_choices_to={"external": False}
    )
    start_year = models.PositiveSmallIntegerField(_("from year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(
        _("to year"), null=True, blank=True, validators=YEAR_VALIDATORS, help_text=_("Empty: still there.")
    )

    panels = [FieldRowPanel([FieldPanel("unit"), FieldPanel("start_year"), FieldPanel("end_year")])]

    class Meta(Orderable.Meta):
        verbose_name = _("posting")
        verbose_name_plural = _("postings")

    def clean(self):
        if self.end_year is not None and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The first year comes after the last.")})


class OfSubject(models.Model):
    """Belongs to one official or to one unit, never both (the checker's individual or
    collective). `subject_constraint()` names the database check each child adds."""

    official = models.ForeignKey(
        Official,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="%(class)ss",
        verbose_name=_("official"),
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="%(class)ss", verbose_name=_("unit")
    )

    class Meta:
        abstract = True

    @staticmethod
    def subject_constraint(name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=models.Q(official__isnull=True) ^ models.Q(unit__isnull=True), name=name
        )

    @property
    def subject(self):
        return self.official or self.unit

    @property
    def kind(self) -> str:
        return "individual" if self.official_id else "collective"

    def clean_subject(self, message):
        if bool(self.official_id) == bool(self.unit_id):
            raise ValidationError(message)


# The widest scope an initiative (sáng kiến) or an accepted S&T task of the year was recognised
# with: what Chiến sĩ thi đua cấp bộ/tỉnh (Luật 06/2022/QH15, Điều 22) and toàn quốc (Điều 21)
# ask beyond the cơ sở level. Blank: not recorded (the checker asks).
INITIATIVE_SCOPES = [
    ("co_so", _("no wider than cơ sở")),
    ("bo_tinh", _("ministry or province")),
    ("toan_quoc", _("whole country")),
]
# The checker's facts (eligibility.case.FACTS) each scope answers.
SCOPE_FACTS = {
    "co_so": {"initiative_bo_tinh": False, "initiative_toan_quoc": False},
    "bo_tinh": {"initiative_bo_tinh": True, "initiative_toan_quoc": False},
    "toan_quoc": {"initiative_bo_tinh": True, "initiative_toan_quoc": True},
}


class YearRecord(OfSubject):
    """What a year brought an official or a unit: the rating and what the checker reads."""

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    rating = models.CharField(_("rating"), max_length=8, choices=RATINGS)
    initiatives = models.PositiveSmallIntegerField(
        _("initiatives recognised at cơ sở level"), default=0, validators=[MaxValueValidator(1000)]
    )
    initiative_scope = models.CharField(
        _("widest recognised scope of an initiative or accepted S&T task"),
        max_length=12,
        choices=INITIATIVE_SCOPES,
        blank=True,
        help_text=_(
            "What the initiative council (or the acceptance of an S&T task) recognised that year; "
            "leave empty when not known, and the checker asks."
        ),
    )
    discipline = models.BooleanField(
        _("disciplined"),
        default=False,
        help_text=_(
            "For a unit: a member (or the unit) disciplined at cảnh cáo or above that year. For an official, "
            "record the decision under Disciplines (form, dates): this box alone makes the checker ask."
        ),
    )
    months_worked = models.PositiveSmallIntegerField(
        _("months worked"), default=12, validators=[MaxValueValidator(12)], help_text=_("Maternity leave counts.")
    )
    members_total = models.PositiveIntegerField(_("members"), null=True, blank=True)
    members_ldtt = models.PositiveIntegerField(_("members with Lao động tiên tiến"), null=True, blank=True)
    members_cstd = models.PositiveIntegerField(_("members with Chiến sĩ thi đua cơ sở"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("official"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("year"), FieldPanel("rating")]),
        FieldRowPanel([FieldPanel("initiatives"), FieldPanel("initiative_scope")]),
        FieldRowPanel([FieldPanel("months_worked"), FieldPanel("discipline")]),
        FieldRowPanel([FieldPanel("members_total"), FieldPanel("members_ldtt"), FieldPanel("members_cstd")]),
    ]

    class Meta:
        ordering = ["-year"]
        verbose_name = _("yearly record")
        verbose_name_plural = _("yearly records")
        constraints = [
            models.UniqueConstraint(fields=["official", "year"], name="awards_record_one_per_official_year"),
            models.UniqueConstraint(fields=["unit", "year"], name="awards_record_one_per_unit_year"),
            OfSubject.subject_constraint("awards_record_one_subject"),
        ]

    def __str__(self):
        return f"{self.subject} – {self.year}"

    def clean(self):
        self.clean_subject(_("A record is of one official or of one unit."))
        for part in ("members_ldtt", "members_cstd"):
            count = getattr(self, part)
            if count is not None and (self.members_total is None or count > self.members_total):
                raise ValidationError({part: _("More than the number of members.")})


class Award(OfSubject):
    """A title or form received, for the achievements of `achievement_year`."""

    code = models.CharField(_("title or form"), max_length=40, choices=AWARDS)
    achievement_year = models.PositiveSmallIntegerField(_("achievement year"), validators=YEAR_VALIDATORS)
    one_off = models.BooleanField(
        _("one-off or thematic"),
        default=False,
        help_text=_(
            "An award for a one-off achievement or a thematic movement: no basis for the forms that count years."
        ),
    )
    decision_number = models.CharField(_("decision number"), max_length=60)
    decision_date = models.DateField(_("decision date"))

    panels = [
        FieldRowPanel([FieldPanel("official"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("code"), FieldPanel("achievement_year"), FieldPanel("one_off")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
    ]

    class Meta:
        ordering = ["-achievement_year", "code"]
        verbose_name = _("award received")
        verbose_name_plural = _("awards received")
        constraints = [
            OfSubject.subject_constraint("awards_award_one_subject"),
        ]

    def __str__(self):
        return f"{self.get_code_display()} {self.achievement_year} – {self.subject}"

    def clean(self):
        self.clean_subject(_("An award is of one official or of one unit."))
        if self.decision_date and self.achievement_year and self.decision_date.year < self.achievement_year:
            raise ValidationError({"decision_date": _("The decision cannot come before the year it rewards.")})

    @property
    def checker_code(self) -> str:
        """The code the checker reads: one-off awards carry their mark (engine.NOT_PERIODIC)."""
        return self.code + ("_dot_xuat" if self.one_off else "")


class Discipline(models.Model):
    """A discipline decision about an official (quyết định kỷ luật): its form, the day it took
    effect and the day its effect ends. The checker counts the official's achievements only from
    that day (eligibility.discipline); a unit's record is marked when a member's decision of the
    year is cảnh cáo or above (Luật 06/2022/QH15, Điều 27, 28; services.year_record_count_members).
    Personal data: reading it needs two-step sign-in (wagtail_hooks, portal_sensitive_permissions)."""

    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="disciplines", verbose_name=_("official")
    )
    # The forms' names are those of the law (Nghị định 112/2020/NĐ-CP, Điều 7, 15), not translated.
    form = models.CharField(
        _("form of discipline"),
        max_length=20,
        choices=[(code, name) for code, (_rank, name) in DISCIPLINE_FORMS.items()],
    )
    decision_number = models.CharField(_("decision number"), max_length=60)
    effective_date = models.DateField(_("in effect from"))
    effect_until = models.DateField(
        _("in effect until"),
        null=True,
        blank=True,
        help_text=_(
            "The last day of the decision's effect, as the decision or the law sets it. Empty: not known yet, "
            "and the checker asks."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("official"), FieldPanel("form")]),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("effective_date"), FieldPanel("effect_until")]),
    ]

    class Meta:
        ordering = ["-effective_date"]
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")

    def __str__(self):
        return f"{self.official} – {self.get_form_display()} {self.effective_date:%d/%m/%Y}"

    @property
    def severity(self) -> int:
        return DISCIPLINE_FORMS[self.form][0]

    def clean(self):
        if self.effective_date and self.effect_until and self.effect_until < self.effective_date:
            raise ValidationError({"effect_until": _("The effect cannot end before it starts.")})

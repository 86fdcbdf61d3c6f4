"""Rule-set versions entered by an administrator (admin → Thi đua – khen thưởng → Bộ quy định
xét tặng): when a decree changes the conditions, the new version is data typed in here, checked
before it is saved (eligibility.validation), and judges the achievement years it names in place
of the rule set shipped with the portal. Nothing in the code changes."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..eligibility.validation import validate_ruleset


class RuleSetVersion(models.Model):
    data = models.JSONField(
        _("rule set (JSON)"),
        help_text=_(
            "The same format as the rule sets shipped in portal/awards/rules/ (docs/awards.md): version, name, "
            "basis, years [first, last], count_after_award, titles. Start from a copy of the shipped file."
        ),
    )
    note = models.CharField(
        _("why this version"), max_length=300, help_text=_("E.g. the decree that changed the rules.")
    )
    active = models.BooleanField(_("in use"), default=True)
    version = models.CharField(_("version"), max_length=80, unique=True, editable=False)
    first_year = models.PositiveSmallIntegerField(_("from achievement year"), editable=False)
    last_year = models.PositiveSmallIntegerField(_("to achievement year"), editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("note"), FieldPanel("active"), FieldPanel("data")]

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("rule set version")
        verbose_name_plural = _("rule set versions")

    def __str__(self):
        return f"{self.version} ({self.first_year}–{self.last_year})"

    def clean(self):
        errors = validate_ruleset(self.data)
        if errors:
            raise ValidationError({"data": errors})
        self._derive()
        if RuleSetVersion.objects.filter(version=self.version).exclude(pk=self.pk).exists():
            raise ValidationError({"data": _("Another version already has this “version” name.")})

    def _derive(self):
        self.version = self.data["version"]
        self.first_year, self.last_year = self.data["years"]

    def save(self, *args, **kwargs):
        self._derive()
        super().save(*args, **kwargs)

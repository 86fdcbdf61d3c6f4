"""The abbreviation glossary (Từ viết tắt): shown as a page, used to expand abbreviations in
article bodies (<abbr title="…">), in search (both directions) and for reading aloud. Below
the content apps: news, search and read-aloud all read it (portal.glossary.selectors)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.core.text import fold

MAX_ABBREVIATION = 32
MAX_FULL_FORM = 255


class Abbreviation(index.Indexed, models.Model):
    abbreviation = models.CharField(
        _("abbreviation"),
        max_length=MAX_ABBREVIATION,
        unique=True,
        help_text=_("As it is written in texts, with its capitals: UBND, KH&CN, NĐ-CP."),
    )
    full_form = models.CharField(_("full form"), max_length=MAX_FULL_FORM)
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    panels = [FieldPanel("abbreviation"), FieldPanel("full_form"), FieldPanel("note")]
    search_fields = [
        index.SearchField("abbreviation"),
        index.SearchField("full_form"),
        index.AutocompleteField("abbreviation"),
        index.AutocompleteField("full_form"),
    ]

    class Meta:
        # The table kept its name when the glossary left the accessibility app.
        db_table = "accessibility_abbreviation"
        ordering = ["abbreviation"]
        verbose_name = _("abbreviation")
        verbose_name_plural = _("abbreviations")

    def __str__(self):
        return f"{self.abbreviation} – {self.full_form}"

    def clean(self):
        self.abbreviation = " ".join((self.abbreviation or "").split())
        self.full_form = " ".join((self.full_form or "").split())
        self.note = " ".join((self.note or "").split())
        errors = {}
        if self.abbreviation and (not any(ch.isalnum() for ch in self.abbreviation) or " " in self.abbreviation):
            errors["abbreviation"] = _("An abbreviation is one word of letters or digits (it may contain & . - /).")
        if self.abbreviation and self.full_form and fold(self.abbreviation) == fold(self.full_form):
            errors["full_form"] = _("The full form must say more than the abbreviation.")
        if errors:
            raise ValidationError(errors)

"""Admin forms adjusted for a Vietnamese admin, and the forms that several admin views share."""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.widgets import AdminDateInput

from .params import DATE_FORMATS  # the one pair of date formats every date field accepts


class PortalLoginForm(LoginForm):
    """Wagtail's login form gives the password field no label, so Django derives the
    untranslatable "Password" from the field name; give it a translated one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class DateRangeForm(forms.Form):
    """The period of an admin report: from and to (inclusive), the start not after the end
    and at most `max_years` long (subclasses set it; reports read day by day)."""

    max_years = 3
    earliest, latest = dt.date(2000, 1, 1), dt.date(2100, 12, 31)  # a year 0001 once ended in a 500
    date_from = forms.DateField(label=_("From"), input_formats=DATE_FORMATS, widget=AdminDateInput)
    date_to = forms.DateField(label=_("To"), input_formats=DATE_FORMATS, widget=AdminDateInput)

    def _within_bounds(self, name: str):
        value = self.cleaned_data.get(name)
        if value and not self.earliest <= value <= self.latest:
            raise forms.ValidationError(
                gettext("Choose a date between %(earliest)s and %(latest)s.")
                % {"earliest": f"{self.earliest:%d/%m/%Y}", "latest": f"{self.latest:%d/%m/%Y}"}
            )
        return value

    def clean_date_from(self):
        return self._within_bounds("date_from")

    def clean_date_to(self):
        return self._within_bounds("date_to")

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if start > end:
                raise forms.ValidationError(gettext("The start date must not be after the end date."))
            if (end - start).days >= self.max_years * 366:
                raise forms.ValidationError(
                    ngettext(
                        "Choose a period of at most %(years)d year.",
                        "Choose a period of at most %(years)d years.",
                        self.max_years,
                    )
                    % {"years": self.max_years}
                )
        return data


@dataclass(frozen=True)
class SummaryItem:
    """One line of a form's error summary: the field's label and message, and the id of the
    control it links to (empty for a message about the form as a whole)."""

    anchor: str
    label: str
    message: str


def error_summary(errors: dict[str, list[str]], fields: list[tuple[str, str, str]]) -> list[SummaryItem]:
    """The errors of a form as the summary above it lists them: messages about the whole form
    first, then each field's in the order the form shows them, each naming its field, so a
    reader hears "Họ và tên: Trường này là bắt buộc." rather than the bare message three times.
    `fields`: (error key, label, id of the control) in the form's order; an error under a key
    not listed comes last, linked by id_<key>."""
    items = [SummaryItem("", "", message) for message in errors.get("__all__", [])]
    known = set()
    for key, label, anchor in fields:
        known.add(key)
        items += [SummaryItem(anchor, str(label), message) for message in errors.get(key, [])]
    for key, messages in errors.items():
        if key not in known and key != "__all__":
            items += [SummaryItem(f"id_{key}", "", message) for message in messages]
    return items

"""Forms of the awards admin pages: each only collects input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .eligibility.council import Ballot
from .eligibility.dossiers import checklist
from .models import CouncilMeeting, Nomination

REASON_WIDGET = forms.Textarea(attrs={"rows": 4})


class DocumentsForm(forms.Form):
    documents = forms.MultipleChoiceField(
        label=_("Documents received"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, nomination: Nomination, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["documents"].choices = [(item["key"], item["name"]) for item in checklist(nomination.code)]
        self.fields["documents"].initial = nomination.documents


class OverrideForm(forms.Form):
    reason = forms.CharField(label=_("Secretary's written reasons"), max_length=4000, widget=REASON_WIDGET)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("Why it is withdrawn"), max_length=1000, widget=REASON_WIDGET)


class SubmitForm(forms.Form):
    meeting = forms.ModelChoiceField(label=_("Council meeting"), queryset=CouncilMeeting.objects.none())

    def __init__(self, *args, nomination: Nomination, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = CouncilMeeting.objects.filter(year=nomination.year, closed_at__isnull=True)


class BallotsForm(forms.Form):
    """Three counts per nominee of the meeting: for, against, spoilt."""

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.nominations = list(nominations)
        for nomination in self.nominations:
            for part, label, initial in (
                ("for", _("For"), nomination.votes_for),
                ("against", _("Against"), nomination.votes_against),
                ("invalid", _("Spoilt"), nomination.votes_invalid or 0),
            ):
                self.fields[f"{part}_{nomination.pk}"] = forms.IntegerField(
                    label=f"{label}: {nomination}", min_value=0, max_value=999, initial=initial, required=part == "for"
                )

    def rows(self):
        return [
            (nomination, [self[f"{part}_{nomination.pk}"] for part in ("for", "against", "invalid")])
            for nomination in self.nominations
        ]

    def ballots(self) -> dict[int, Ballot]:
        data = self.cleaned_data
        return {
            n.pk: Ballot(data[f"for_{n.pk}"], data.get(f"against_{n.pk}") or 0, data.get(f"invalid_{n.pk}") or 0)
            for n in self.nominations
        }


class ConferForm(forms.Form):
    nominations = forms.ModelMultipleChoiceField(
        label=_("Nominations the council proposed"),
        queryset=Nomination.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nominations"].queryset = Nomination.objects.filter(
            status=Nomination.Status.APPROVED
        ).select_related("official", "unit")

"""Forms of the department's handling steps (each calls one service in admin_views)."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import get_rich_text_editor_widget

from .models import PetitionUnit

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "h3", "h4", "blockquote"]


def handlers():
    """Active staff who may handle petitions (directly or through a group)."""
    users = get_user_model().objects.filter(is_active=True)
    perm = (
        Q(user_permissions__codename="handle_petition")
        | Q(groups__permissions__codename="handle_petition")
        | Q(is_superuser=True)
    )
    return users.filter(perm).distinct().order_by("last_name", "first_name", "username")


class _UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class AcceptForm(forms.Form):
    note = forms.CharField(
        label=_("Internal note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=PetitionUnit.objects.filter(active=True), required=False)
    assignee = _UserChoice(label=_("Officer"), queryset=get_user_model().objects.none(), required=False)
    note = forms.CharField(
        label=_("Internal note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = handlers()


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the extension (shown to the citizen)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
    )


class RefuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for refusal (shown to the citizen)"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    legal_basis = forms.CharField(
        label=_("Legal basis"), max_length=300, help_text=_("E.g. Nghị định 20/2008/NĐ-CP, Điều 10")
    )


class TransferForm(forms.Form):
    agency = forms.CharField(label=_("Competent agency"), max_length=255)
    note = forms.CharField(label=_("Note to the citizen (optional)"), required=False, max_length=300)


class MergeForm(forms.Form):
    into = forms.CharField(label=_("Tracking code of the petition to merge into"), max_length=30)


class AnswerForm(forms.Form):
    body = forms.CharField(label=_("Answer"), widget=get_rich_text_editor_widget(features=ANSWER_FEATURES))


class ReturnForm(forms.Form):
    note = forms.CharField(label=_("What should change"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class PublishForm(forms.Form):
    title = forms.CharField(label=_("Published title"), max_length=200)
    question = forms.CharField(
        label=_("Published question (without personal data)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10_000,
    )
    answer = forms.CharField(label=_("Published answer"), widget=get_rich_text_editor_widget(features=ANSWER_FEATURES))

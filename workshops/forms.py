from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Div, Field, Layout, Row
from django import forms
from django.utils.translation import gettext_lazy as _

from core.translation import localized_value

from .choices import REQUESTABLE_KINDS, MemberStateKind
from .models import MemberState, TrainingRequest

MESSAGE_MIN_LENGTH = 20


def _single_line(value: str) -> str:
    # A line break in a one-line field has no honest use, and in the staff email it
    # would start a line of its own (a forged "Bcc:" line, say).
    if "\n" in value or "\r" in value:
        raise forms.ValidationError(_("Write this on one line."))
    return value


class TrainingRequestForm(forms.ModelForm):
    # Honeypot: hidden from people by the .contact-hp class (moved off-screen in
    # portal.css, and aria-hidden), so only a robot fills it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = TrainingRequest
        fields = ["name", "organisation", "member_state", "email", "training_kind", "message"]
        labels = {
            "name": _("Your name"),
            "organisation": _("Organisation or agency"),
            "member_state": _("Member state"),
            "email": _("Email address"),
            "training_kind": _("Kind of training wanted"),
            "message": _("What would you like the training to cover?"),
        }
        help_texts = {
            "organisation": _("For example: Immigration Department, National Police."),
            "email": _("We answer at this address. We never publish it."),
            "message": _("The topic, the officials to train, and when and where, if known."),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Trainings are requested for officials of member states; international
        # organisations and observers write to the office instead.
        self.fields["member_state"].queryset = (
            MemberState.objects.filter(kind=MemberStateKind.MEMBER)
            .annotate(label=localized_value("name"))
            .order_by("label")
        )
        self.fields["member_state"].label_from_instance = lambda state: state.label
        self.fields["member_state"].empty_label = _("Choose a member state")
        self.fields["training_kind"].choices = [
            ("", _("Choose a kind of training")),
            *((kind.value, kind.label) for kind in REQUESTABLE_KINDS),
        ]
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.layout = Layout(
            Row(Column("name", css_class="col-md-6"), Column("email", css_class="col-md-6")),
            Row(
                Column("organisation", css_class="col-md-6"),
                Column("member_state", css_class="col-md-6"),
            ),
            "training_kind",
            Field("message"),
            Div("website", css_class="contact-hp", aria_hidden="true"),
            StrictButton(_("Send the request"), type="submit", css_class="btn-primary"),
        )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < MESSAGE_MIN_LENGTH:
            raise forms.ValidationError(
                _(
                    "Tell us a little more (at least %(count)s characters): the topic and "
                    "who would attend."
                ),
                params={"count": MESSAGE_MIN_LENGTH},
            )
        return message

    def clean_name(self):
        return _single_line(self.cleaned_data["name"])

    def clean_organisation(self):
        return _single_line(self.cleaned_data["organisation"])

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))

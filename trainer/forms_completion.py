"""Forms of the trainers' completion and certificate pages."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

COMPLETED, NOT_COMPLETED = "completed", "not-completed"


def _helper(submit_label) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", submit_label))
    return helper


class CompletionOverrideForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[(COMPLETED, _("Completed")), (NOT_COMPLETED, _("Not completed"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Why this participant’s completion differs from the rule, e.g. “joined the "
            "third day by phone from the border post”. Staff can read it."
        ),
        error_messages={
            "required": _("Say why this participant’s completion differs from the rule.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Save the decision"))

    @property
    def is_completed(self) -> bool:
        return self.cleaned_data["outcome"] == COMPLETED


class RevokeCertificateForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to staff only; the public check says “revoked”."),
        error_messages={"required": _("Say why this certificate is revoked.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Revoke the certificate"))
        self.helper.inputs[0].field_classes = "btn btn-danger"

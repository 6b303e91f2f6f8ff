"""Forms of the trainers' area."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.contrib.auth import forms as auth_forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from participants.choices import AttendanceMark
from training.models import SessionLog

# What a browser posts with the roll call besides the marks and the day.
ROLL_CALL_CONTROL_FIELDS = {"csrfmiddlewaretoken"}


def _helper(submit_label) -> FormHelper:
    helper = FormHelper()
    helper.form_method = "post"
    helper.add_input(Submit("submit", submit_label))
    return helper


class LoginForm(auth_forms.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Log in"))


class PasswordResetForm(auth_forms.PasswordResetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Send me a link"))


class SetPasswordForm(auth_forms.SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = _helper(_("Set my password"))


def mark_field_name(registration_id) -> str:
    return f"mark-{registration_id}"


class RollCallForm(forms.Form):
    """A day's roll: one present/late/absent choice per registration on it, named
    mark-<registration id>, and the day's id.

    Refuses, as a whole, a submission with a field of no one on the roll (another
    workshop's registration, someone withdrawn since the page was loaded, a made-up
    name) or the id of another day: such a POST saves nothing and says why, rather
    than saving the part that looks right.
    """

    day = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, rows, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows, self.day = rows, day
        self.fields["day"].initial = day.pk
        for row in rows:
            # Not required: someone not marked yet (arriving later) keeps no mark.
            self.fields[mark_field_name(row.pk)] = forms.ChoiceField(
                choices=AttendanceMark.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=row.mark,
                label=str(row.participant),
            )

    def roll(self):
        """(registration row, its bound field) for the template, in roll order."""
        return [(row, self[mark_field_name(row.pk)]) for row in self.rows]

    def clean_day(self):
        if self.cleaned_data["day"] != self.day.pk:
            raise ValidationError(
                _("This form was sent for another day: nothing was saved."), code="other_day"
            )
        return self.cleaned_data["day"]

    def clean(self):
        unexpected = [
            name
            for name in self.data
            if name not in self.fields and name not in ROLL_CALL_CONTROL_FIELDS
        ]
        if unexpected:
            raise ValidationError(
                ngettext(
                    "Nothing was saved: the form had %(count)d field for someone who is not "
                    "on this day’s roll. The roll below is the current one; mark it again "
                    "and save.",
                    "Nothing was saved: the form had %(count)d fields for people who are not "
                    "on this day’s roll. The roll below is the current one; mark it again "
                    "and save.",
                    len(unexpected),
                )
                % {"count": len(unexpected)},
                code="not_on_roll",
            )
        return super().clean()

    def marks(self) -> dict[int, str]:
        """{registration id: mark} of the rows given a mark."""
        marks = {}
        for row in self.rows:
            mark = self.cleaned_data.get(mark_field_name(row.pk))
            if mark:
                marks[row.pk] = mark
        return marks


class SessionLogForm(forms.ModelForm):
    class Meta:
        model = SessionLog
        fields = ["start_time", "end_time", "speakers", "notes"]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "end_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "speakers": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "speakers": _("Who actually spoke; leave out anyone who did not."),
            "notes": _("What differed from the programme, questions raised, follow-up."),
        }

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the workshop's own speakers: an id from elsewhere is an invalid choice.
        self.fields["speakers"].queryset = speakers
        self.helper = _helper(_("Save the session log"))

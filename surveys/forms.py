"""The participant's survey form, built from a template's questions, and the staff's
period form of the results across workshops."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from core import period as core_period

from .choices import QuestionKind

TEXT_MAX_LENGTH = 4000
YES, NO = "yes", "no"


def field_name(question) -> str:
    return f"q{question.pk}"


def _rating_choices():
    return [
        ("1", _("1 – very poor")),
        ("2", "2"),
        ("3", "3"),
        ("4", "4"),
        ("5", _("5 – excellent")),
    ]


class SurveyForm(forms.Form):
    """One field per question, named q<question id>, labelled in the active language.

    `questions`: the template's questions with their choices prefetched. Each field
    says what is wrong with its own answer; the answers typed are given back as they
    were on an error (a bound form redisplays its data).
    """

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self._choices = {}
        for question in self.questions:
            self.fields[field_name(question)] = self._field(question)
        self.helper = FormHelper()
        self.helper.form_method = "post"
        # The survey view takes no CSRF token (see public/views/surveys.py): none is
        # rendered, so no CSRF cookie is set on a participant's browser either.
        self.helper.disable_csrf = True
        self.helper.add_input(Submit("submit", _("Send my answers")))

    def _field(self, question):
        errors = {
            "required": _("Please answer this question."),
            "invalid_choice": _("Choose one of the answers offered."),
        }
        common = {
            "label": question.localized_text,
            "required": question.is_required,
            "error_messages": errors,
        }
        match question.kind:
            case QuestionKind.RATING:
                return forms.TypedChoiceField(
                    choices=_rating_choices(),
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                    help_text=_("From 1 (very poor) to 5 (excellent)."),
                    **common,
                )
            case QuestionKind.YES_NO:
                return forms.ChoiceField(
                    choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common
                )
            case QuestionKind.SINGLE | QuestionKind.MULTIPLE:
                choices = list(question.choices.all())
                self._choices[question.pk] = {str(c.pk): c for c in choices}
                options = [(str(c.pk), c.localized_label) for c in choices]
                if question.kind == QuestionKind.SINGLE:
                    return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
                return forms.MultipleChoiceField(
                    choices=options,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Choose all that apply."),
                    **common,
                )
            case _:
                return forms.CharField(
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=TEXT_MAX_LENGTH,
                    **common,
                )

    def answers(self):
        """(question, value) for each question, values as surveys.services.submit_response
        takes them; call after is_valid()."""
        result = []
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            match question.kind:
                case QuestionKind.YES_NO:
                    value = {YES: True, NO: False}.get(value)
                case QuestionKind.SINGLE:
                    value = self._choices[question.pk].get(value)
                case QuestionKind.MULTIPLE:
                    value = [self._choices[question.pk][pk] for pk in value or []]
            result.append((question, value))
        return result


class PeriodForm(core_period.PeriodForm):
    """The period of the results across workshops (workshops whose last day falls in
    it, both days included), this calendar year by default, and the breakdown."""

    BREAKDOWNS = [
        ("", "None"),
        ("thematic_area", "Thematic area of the workshop"),
        ("member_state", "Member state of the respondent"),
    ]

    by = forms.ChoiceField(choices=BREAKDOWNS, required=False, label="Break down by")

    def values(self):
        """(start, end, breakdown) asked for when valid, else the defaults."""
        start, end = self.period()
        breakdown = self.cleaned_data["by"] if self.is_bound and self.is_valid() else ""
        return start, end, breakdown or ""

import datetime as dt

from django import forms
from django.utils import timezone


class PeriodForm(forms.Form):
    """The period of a report (the reports page, the surveys' results across
    workshops), both days included; this calendar year by default."""

    start = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    @staticmethod
    def default_period():
        year = timezone.localdate().year
        return dt.date(year, 1, 1), dt.date(year, 12, 31)

    def __init__(self, data=None, **kwargs):
        start, end = self.default_period()
        # Unbound when none of its fields was asked for, so that the defaults show
        # without errors.
        if data is not None and not (set(self.base_fields) & set(data)):
            data = None
        super().__init__(data, initial={"start": start, "end": end}, **kwargs)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError("The end date must be on or after the start date.")
        return cleaned

    def period(self):
        """(start, end) asked for when valid, else the default period."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return self.default_period()

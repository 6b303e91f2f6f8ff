"""Forms of the import of a virtual day's attendance: the upload of the platform's
report, and the preview's form that assigns people by hand and confirms."""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from training.zoom import MAX_BYTES, ZoomReportError, read_zoom_report

ASSIGN_PREFIX = "assign-"
# What a browser posts with the preview besides the assignments and the preview's id.
PREVIEW_CONTROL_FIELDS = {"csrfmiddlewaretoken", "preview", "update", "confirm", "cancel"}


def assign_field_name(index) -> str:
    return f"{ASSIGN_PREFIX}{index}"


class ZoomReportUploadForm(forms.Form):
    """The report's file; valid once training.zoom has read it (`self.report`)."""

    report = forms.FileField(
        label=_("Zoom participants report (CSV file)"),
        help_text=_(
            "In Zoom: Reports › Usage, the meeting’s number of participants, then Export "
            "as CSV file. Nothing is saved until you confirm the preview."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, day, **kwargs):
        super().__init__(*args, **kwargs)
        self.day = day
        self.report = None
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.add_input(Submit("upload", _("Upload and preview")))

    def clean_report(self):
        upload = self.cleaned_data["report"]
        if upload.size > MAX_BYTES:
            raise ValidationError(
                _("The file is over %(size)d MB: a participants report is much smaller.")
                % {"size": MAX_BYTES // (1024 * 1024)},
                code="too_large",
            )
        try:
            self.report = read_zoom_report(content=upload.read(), expected_on=self.day.held_on)
        except ZoomReportError as error:
            raise ValidationError(str(error), code="not_a_report") from error
        return upload


def _label(registration) -> str:
    participant = registration.participant
    agency = participant.agency
    if agency:
        return f"{participant} ({agency.acronym or agency.name})"
    return str(participant)


class VirtualImportForm(forms.Form):
    """The preview's form: one choice of registration per ambiguous or unmatched
    person of the report (assign-<their index>), and the preview's id.

    A POST for another preview than the one kept (the trainer uploaded another file in
    another tab since) or with an assignment field of no one in the preview is refused
    as a whole: nothing is saved and the current preview is shown again."""

    preview = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, preview_id, unresolved, roll, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview_id, self.unresolved = preview_id, unresolved
        self.fields["preview"].initial = preview_id
        everyone = [(registration.pk, _label(registration)) for registration in roll]
        for item in unresolved:
            if item.candidates:
                possible = {registration.pk for registration in item.candidates}
                choices = [
                    ("", _("Leave out")),
                    (
                        _("Possible matches"),
                        [(pk, label) for pk, label in everyone if pk in possible],
                    ),
                    (
                        _("Others on the roll"),
                        [(pk, label) for pk, label in everyone if pk not in possible],
                    ),
                ]
            else:
                choices = [("", _("Leave out: not on the roll")), *everyone]
            self.fields[assign_field_name(item.person.index)] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                label=_("Who is %(name)s?") % {"name": item.person.name},
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def assignment_fields(self):
        """(unresolved person, their bound field), in the order of the preview."""
        return [(item, self[assign_field_name(item.person.index)]) for item in self.unresolved]

    def clean_preview(self):
        if self.cleaned_data["preview"] != self.preview_id:
            raise ValidationError(
                _(
                    "Another report was uploaded for this day since this page was loaded: "
                    "nothing was saved. Check the preview below and confirm again."
                ),
                code="other_preview",
            )
        return self.cleaned_data["preview"]

    def clean(self):
        unexpected = [
            name
            for name in self.data
            if name not in self.fields and name not in PREVIEW_CONTROL_FIELDS
        ]
        if unexpected:
            raise ValidationError(
                ngettext(
                    "Nothing was saved: the form had %(count)d field for no one in this "
                    "preview. Check the preview below and confirm again.",
                    "Nothing was saved: the form had %(count)d fields for no one in this "
                    "preview. Check the preview below and confirm again.",
                    len(unexpected),
                )
                % {"count": len(unexpected)},
                code="not_in_preview",
            )
        return super().clean()

    def assignments(self) -> dict[int, int]:
        """{person index: registration id} of the people assigned by hand."""
        return {
            item.person.index: self.cleaned_data[assign_field_name(item.person.index)]
            for item in self.unresolved
            if self.cleaned_data.get(assign_field_name(item.person.index))
        }

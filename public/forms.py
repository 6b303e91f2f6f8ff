"""The filters of the public listings (GET forms: their values are in the address)."""

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.filter_forms import FilterForm
from publications import queries as publication_queries
from publications.choices import PublicationKind
from training.certificate_codes import normalise_code
from workshops import queries as workshop_queries
from workshops.choices import WorkshopKind


class EventFilterForm(FilterForm):
    """The filters of /events/ (a GET form: its values are in the page's address)."""

    aria_label = _("Filter events")
    columns = {
        "thematic_area": "col-md-3",
        "kind": "col-md-3",
        "member_state": "col-md-3",
        "year": "col-md-2",
    }
    passed_through = ("when",)

    when = forms.ChoiceField(
        choices=[(workshop_queries.UPCOMING, _("Upcoming")), (workshop_queries.PAST, _("Past"))],
        required=False,
        widget=forms.HiddenInput,
    )
    thematic_area = forms.ChoiceField(label=_("Thematic area"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *WorkshopKind.choices],
    )
    member_state = forms.TypedChoiceField(
        label=_("Member state"), required=False, coerce=int, empty_value=None
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain choices, one statement each: a ModelChoiceField would query again
        # to validate the chosen value.
        self.fields["thematic_area"].choices = [
            ("", _("All thematic areas")),
            *workshop_queries.thematic_area_choices(),
        ]
        self.fields["member_state"].choices = [
            ("", _("All member states")),
            *workshop_queries.member_state_choices(),
        ]
        self.fields["year"].choices = [("", _("All years"))] + [
            (year, year) for year in workshop_queries.event_years()
        ]


class NewsFilterForm(FilterForm):
    aria_label = _("Search and filter news")
    columns = {"q": "col-md-4", "thematic_area": "col-md-4", "year": "col-md-2"}

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    thematic_area = forms.ChoiceField(label=_("Thematic area"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thematic_area"].choices = [
            ("", _("All thematic areas")),
            *workshop_queries.thematic_area_choices(),
        ]
        self.fields["year"].choices = [
            ("", _("All years")),
            *((year, year) for year in publication_queries.news_years()),
        ]


class PublicationFilterForm(FilterForm):
    aria_label = _("Filter publications")
    columns = {"thematic_area": "col-md-4", "kind": "col-md-3", "language": "col-md-3"}

    thematic_area = forms.ChoiceField(label=_("Thematic area"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *PublicationKind.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("All languages")), *settings.LANGUAGES],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thematic_area"].choices = [
            ("", _("All thematic areas")),
            *workshop_queries.thematic_area_choices(),
        ]


class CertificateCodeForm(forms.Form):
    """The code typed at /certificates/ (a GET form): any case, with or without the
    dash; I, L and O read as 1, 1 and 0 (training.certificate_codes)."""

    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("Printed at the bottom of the certificate, e.g. 7KQ2M-X9D4T."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The template writes the <form> and its button: a submit input made by the
        # helper would add its name to the address (?code=...&submit=Check).
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_code(self):
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _(
                    "A certificate code has 10 letters and digits, like 7KQ2M-X9D4T. "
                    "Check what you typed."
                ),
                code="format",
            )
        return code

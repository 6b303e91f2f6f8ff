"""The filters of the public listings (GET forms: their values are in the address)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rso_portal.filter_forms import Choices, FilterForm

from . import queries
from .choices import PublicationKind


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
        self.fields["thematic_area"].choices = Choices(
            [("", _("All thematic areas")), *queries.thematic_area_choices()]
        )
        self.fields["year"].choices = Choices(
            [("", _("All years")), *((year, year) for year in queries.news_years())]
        )


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
        self.fields["thematic_area"].choices = Choices(
            [("", _("All thematic areas")), *queries.thematic_area_choices()]
        )

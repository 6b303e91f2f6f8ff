"""The filters of the public listings (GET forms: their values are in the address)."""

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from . import queries
from .choices import PublicationKind


class FilterForm(forms.Form):
    """A GET form whose invalid values (a hand-edited address) are ignored."""

    def _helper(self, label, *columns):
        helper = FormHelper()
        helper.form_method = "get"
        helper.disable_csrf = True
        helper.attrs = {"aria-label": label}
        helper.layout = Layout(
            Row(
                *columns,
                Column(
                    StrictButton(_("Filter"), type="submit", css_class="btn-primary w-100"),
                    css_class="col-md-2 d-flex align-items-end mb-3",
                ),
                css_class="g-2",
            )
        )
        return helper

    def filters(self) -> dict:
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}


class NewsFilterForm(FilterForm):
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
            *queries.thematic_area_choices(),
        ]
        self.fields["year"].choices = [("", _("All years"))] + [
            (year, year) for year in queries.news_years()
        ]
        self.helper = self._helper(
            _("Search and filter news"),
            Column("q", css_class="col-md-4"),
            Column("thematic_area", css_class="col-md-4"),
            Column("year", css_class="col-md-2"),
        )


class PublicationFilterForm(FilterForm):
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
            *queries.thematic_area_choices(),
        ]
        self.helper = self._helper(
            _("Filter publications"),
            Column("thematic_area", css_class="col-md-4"),
            Column("kind", css_class="col-md-3"),
            Column("language", css_class="col-md-3"),
        )

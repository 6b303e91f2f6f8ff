"""Forms, formsets and widgets behind the staff admin of workshops.

The workshop's change page schedules a whole workshop in one submit: its days, its
sessions, partners, trainers and registrations. What makes that possible lives here.
"""

import datetime as dt
import json

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminDateWidget, AdminRadioSelect

from core.admin_forms import (
    InstanceLabelsFormMixin,
    UniqueSlugForm,
    flag_duplicates,
    kept_forms,
    marked_for_deletion,
)

from .choices import WorkshopStatus
from .models import MemberState, Session, WorkshopDay
from .services import get_or_add_workshop_day
from .timezones import zones_of_country


class MemberStateForm(forms.ModelForm):
    class Meta:
        model = MemberState
        fields = ["name", "kind", "iso_code"]

    def clean_iso_code(self):
        iso_code = self.cleaned_data["iso_code"].upper()
        # The conditional unique constraint would only say “Constraint … is violated”.
        if (
            iso_code
            and MemberState.objects.filter(iso_code=iso_code).exclude(pk=self.instance.pk).exists()
        ):
            raise forms.ValidationError(f"Another member state already has the code {iso_code}.")
        return iso_code


# --- The workshop page ------------------------------------------------------------------


def _country_zones() -> dict[str, list[str]]:
    """{member state pk: its time zones, main first}, for the states whose ISO code the
    tz database knows (international organisations have none): one statement."""
    return {
        str(pk): zones
        for pk, iso_code in MemberState.objects.exclude(iso_code="").values_list("pk", "iso_code")
        if (zones := zones_of_country(iso_code))
    }


# One choice for where a workshop stands and whether the public sees it. Status and
# “is public” were two fields, and a draft with “is public” ticked was silently
# hidden; each choice here says whether the event is on the public site.
# value: (label, status, is_public); None keeps is_public as it was (a draft is
# never shown, whatever it holds).
PUBLISHING = {
    "draft": ("Draft: being prepared, not on the public site", WorkshopStatus.DRAFT, None),
    "scheduled": ("Scheduled, on the public site", WorkshopStatus.SCHEDULED, True),
    "scheduled-internal": (
        "Scheduled, for staff only: not on the public site",
        WorkshopStatus.SCHEDULED,
        False,
    ),
    "delivered": ("Delivered, on the public site", WorkshopStatus.DELIVERED, True),
    "delivered-internal": (
        "Delivered, for staff only: not on the public site",
        WorkshopStatus.DELIVERED,
        False,
    ),
    "cancelled": (
        "Cancelled, on the public site (marked as cancelled)",
        WorkshopStatus.CANCELLED,
        True,
    ),
    "cancelled-internal": (
        "Cancelled, not on the public site",
        WorkshopStatus.CANCELLED,
        False,
    ),
}


def publishing_of(workshop) -> str:
    """The PUBLISHING choice that describes `workshop` as it is."""
    if workshop.status == WorkshopStatus.DRAFT:
        return "draft"
    return workshop.status if workshop.is_public else f"{workshop.status}-internal"


class TimezoneSelect(forms.Select):
    """The ~600 zones of the tz database in a box staff can search (type “Jakarta”):
    the select2 that Django's admin ships and serves itself (no CDN, so the admin's
    Content Security Policy stays 'self'). admin-timezone.js also proposes the
    country's main zone when staff pick a country; `country_zones` ({member state pk:
    its zones, main first}) tells it which."""

    def __init__(self, *args, country_zones=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.country_zones = country_zones or {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-country-zones"] = json.dumps(self.country_zones)
        context["widget"]["attrs"]["class"] = "timezone-select"
        return context

    @property
    def media(self):
        # The same files as the admin's autocomplete widgets, so the page loads them once.
        extra = "" if settings.DEBUG else ".min"
        return forms.Media(
            js=(
                f"admin/js/vendor/jquery/jquery{extra}.js",
                f"admin/js/vendor/select2/select2.full{extra}.js",
                "admin/js/jquery.init.js",
                "js/admin-timezone.js",
            ),
            css={
                "screen": (
                    f"admin/css/vendor/select2/select2{extra}.css",
                    "admin/css/autocomplete.css",
                )
            },
        )


class WorkshopForm(UniqueSlugForm):
    """The workshop's own fields; WorkshopAdmin.fieldsets say which (the admin supplies Meta).

    Status and visibility are one choice, `publishing` (PUBLISHING), which sets both.

    The time zone is proposed from the country: when staff choose a country and leave
    the time zone as it was in the same submit, and that zone is not one of the
    country's, the country's main zone is taken (`proposed_timezone` says so, for the
    save message). With JavaScript the page proposes it as soon as a country is chosen.
    """

    publishing = forms.ChoiceField(
        label="Publishing",
        choices=[(value, label) for value, (label, _status, _public) in PUBLISHING.items()],
        widget=AdminRadioSelect(attrs={"class": "radiolist"}),
        help_text="Whether the event is on the public events pages, and where it stands. "
        "“Delivered” once it has taken place; the changelist's actions do the same for "
        "several at once.",
    )

    proposed_timezone = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publishing"].initial = publishing_of(self.instance)
        if "timezone" in self.fields:
            self.fields["timezone"].widget = TimezoneSelect(
                choices=self.fields["timezone"].choices, country_zones=_country_zones()
            )

    def clean(self):
        cleaned_data = super().clean()
        if publishing := cleaned_data.get("publishing"):
            # Not form fields: set on the instance before the model's validation.
            _label, self.instance.status, is_public = PUBLISHING[publishing]
            if is_public is not None:
                self.instance.is_public = is_public
        if cleaned_data.get("cover_image") and not cleaned_data.get("cover_image_alt"):
            self.add_error(
                "cover_image_alt",
                "Describe what the image shows, in a sentence, for visitors who cannot see it.",
            )
        country = cleaned_data.get("country")
        current = cleaned_data.get("timezone")
        if (
            country is not None
            and "country" in self.changed_data
            and "timezone" not in self.changed_data
        ):
            zones = zones_of_country(country.iso_code)
            if zones and current not in zones:
                cleaned_data["timezone"] = self.proposed_timezone = zones[0]
        return cleaned_data

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        # The database refuses 0 (workshops_workshop_capacity_positive) but would only
        # say “Constraint … is violated”.
        if capacity == 0:
            raise forms.ValidationError("Enter at least 1 place, or leave it empty for no limit.")
        return capacity


class WorkshopDayFormSet(forms.BaseInlineFormSet):
    def clean(self):
        flag_duplicates(self, ["held_on"], "This date is listed twice; remove one of the rows.")
        super().clean()

    def save_existing_objects(self, commit=True):
        # Each UPDATE is checked against the unique (workshop, date) at once, so two
        # days swapping dates, or a day moved onto the date of one deleted in the same
        # submit, would collide half-way. Days that move or go first leave their dates
        # for placeholders, inside the admin's transaction (no one else sees them);
        # clean() has made sure the final dates differ.
        if commit:
            leaving = [
                form.instance.pk
                for form in self.initial_forms
                if marked_for_deletion(self, form) or "held_on" in form.changed_data
            ]
            for offset, pk in enumerate(leaving):
                WorkshopDay.objects.filter(pk=pk).update(
                    held_on=dt.date.min + dt.timedelta(days=offset)
                )
        return super().save_existing_objects(commit)


class SessionForm(InstanceLabelsFormMixin, forms.ModelForm):
    """A session whose day is given as a date.

    The day (a WorkshopDay) may not exist yet when staff enter days and sessions in
    the same submit, so the form asks for a date and save() finds or creates the
    workshop's day on that date. An existing session whose date is left unchanged
    keeps its day, so moving a day under "Days" moves its sessions with it.
    """

    date = forms.DateField(
        widget=AdminDateWidget,
        help_text="If the workshop has no day on this date yet, saving adds it.",
    )

    class Meta:
        model = Session
        fields = [
            "workshop",
            "title",
            "description",
            "date",
            "start_time",
            "end_time",
            "order",
            "speakers",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 1, "cols": 24})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.day_id is not None:
            self.initial.setdefault("date", self.instance.day.held_on)

    def save(self, commit=True):
        session = self.instance
        if session.day_id is None or "date" in self.changed_data:
            session.day = get_or_add_workshop_day(
                workshop=session.workshop, held_on=self.cleaned_data["date"]
            )
        return super().save(commit=commit)


class SessionInlineFormSet(forms.BaseInlineFormSet):
    # Set by WorkshopAdmin: the days formset of the same submit, validated first.
    day_formset = None

    def clean(self):
        super().clean()
        deleted = self._dates_of_deleted_days()
        if not deleted:
            return
        for form in kept_forms(self):
            held_on = form.cleaned_data.get("date")
            if held_on in deleted:
                # Deleting the day would delete this session with it (on_delete
                # CASCADE) although the form keeps it: refuse instead of guessing.
                form.add_error(
                    "date",
                    f"You are deleting the day {held_on:%d %b %Y} under “Days”. Give this "
                    "session another date, or delete it too.",
                )

    def _dates_of_deleted_days(self) -> set:
        if self.day_formset is None:
            return set()
        return {
            form.initial["held_on"]
            for form in self.day_formset.initial_forms
            if marked_for_deletion(self.day_formset, form)
        }


class DuplicateWorkshopForm(forms.Form):
    starts_on = forms.DateField(
        label="New first day",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The other days keep their distance from the first.",
    )

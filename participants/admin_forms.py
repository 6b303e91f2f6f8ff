"""Forms and formsets behind the staff admin of registrations."""

from django import forms
from django.core.exceptions import ValidationError

from core.admin_forms import InstanceLabelsFormMixin, flag_duplicates, marked_for_deletion

from .choices import RegistrationStatus
from .models import Registration
from .services import change_registration, register_participant

DUPLICATE_REGISTRATION = next(
    constraint.violation_error_message
    for constraint in Registration._meta.constraints
    if constraint.name == "participants_registration_unique_participant_workshop"
)


def capacity_message(*, capacity: int, taken: int) -> str:
    places = "1 place" if capacity == 1 else f"{capacity} places"
    return (
        f"This workshop has {places}; {taken} registrations are not withdrawn. Raise its "
        f"capacity, or withdraw or remove {taken - capacity} of them."
    )


class RegistrationInlineForm(InstanceLabelsFormMixin, forms.ModelForm):
    class Meta:
        model = Registration
        fields = ["participant", "status", "notes"]


class RegistrationInlineFormSet(forms.BaseInlineFormSet):
    """The registrations of the workshop being edited, all of them, as one formset.

    Every registration of the workshop when the page was loaded is a form here, so
    counting forms, plus those another staff member saved since, gives the number of
    places taken after the save, with this submit's capacity (the workshop form has
    already copied it onto self.instance when formsets are validated).
    """

    def clean(self):
        flag_duplicates(self, ["participant"], DUPLICATE_REGISTRATION)
        super().clean()
        capacity = self.instance.capacity
        if not capacity:  # no limit; 0 is refused by the workshop form itself
            return
        taken = (
            sum(
                1
                for form in self.forms
                if form.is_valid()
                and form.cleaned_data.get("participant")
                and not marked_for_deletion(self, form)
                and form.cleaned_data.get("status") != RegistrationStatus.WITHDRAWN
            )
            + self._taken_since_the_page_was_loaded()
        )
        if taken > capacity:
            raise ValidationError(capacity_message(capacity=capacity, taken=taken))

    def _taken_since_the_page_was_loaded(self) -> int:
        """Registrations another staff member saved after this page was loaded: they
        are not among its forms, but they hold places all the same."""
        if self.instance.pk is None:
            return 0
        return (
            self.instance.registrations.exclude(status=RegistrationStatus.WITHDRAWN)
            .exclude(pk__in=[form.instance.pk for form in self.initial_forms])
            .count()
        )

    def save_existing(self, form, obj, commit=True):
        if not commit:
            return super().save_existing(form, obj, commit=commit)
        # Through the service: a status change here queues or cancels the emails.
        return change_registration(registration=obj, status=obj.status, notes=obj.notes)

    def save_new(self, form, commit=True):
        if not commit:
            return super().save_new(form, commit=commit)
        # Through the service, like the import, so a registration made here gets the
        # same checks and side effects. Existing rows are saved first (withdrawals
        # free places before new ones take them), so its capacity check passes
        # whenever clean() above did.
        return register_participant(
            workshop=self.instance,
            participant=form.cleaned_data["participant"],
            status=form.cleaned_data["status"],
            notes=form.cleaned_data["notes"],
        )


class RegistrationForm(forms.ModelForm):
    """A single registration (its own admin page), with the workshop's capacity rule."""

    class Meta:
        model = Registration
        fields = ["participant", "workshop", "status", "notes"]

    def clean(self):
        cleaned_data = super().clean()
        workshop = cleaned_data.get("workshop") or getattr(self.instance, "workshop", None)
        status = cleaned_data.get("status")
        if not workshop or not workshop.capacity or status == RegistrationStatus.WITHDRAWN:
            return cleaned_data
        others = (
            workshop.registrations.exclude(status=RegistrationStatus.WITHDRAWN)
            .exclude(pk=self.instance.pk)
            .count()
        )
        if others >= workshop.capacity:
            # On a change page the workshop is read-only, so the status is what to fix.
            field = "workshop" if "workshop" in self.fields else "status"
            self.add_error(field, capacity_message(capacity=workshop.capacity, taken=others + 1))
        return cleaned_data

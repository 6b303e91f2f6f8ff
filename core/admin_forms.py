"""Forms, widgets and formset helpers shared by the staff admin of several apps."""

from django import forms
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import (
    AdminTimeWidget,
    AutocompleteSelect,
    AutocompleteSelectMultiple,
)
from django.db import models
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.safestring import mark_safe

# --- Autocomplete without a query per inline row -------------------------------------


class LabelledAutocompleteMixin:
    """Labels the selected options from `labels` ({str(pk): label}) when it has them all.

    The stock autocomplete widget runs one query per widget to label what is selected,
    so an inline of 40 registrations costs 40 queries. The inline's queryset already
    loaded those objects (select_related / prefetch_related); InstanceLabelsFormMixin
    hands their labels over. Without labels, or for a value the user just picked, the
    stock query runs.
    """

    labels = None

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.labels is None or not set(selected) <= self.labels.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for pk in selected:
            options.append(self.create_option(name, pk, self.labels[pk], True, len(options)))
        return [(None, options, 0)]


class LabelledAutocompleteSelect(LabelledAutocompleteMixin, AutocompleteSelect):
    pass


class LabelledAutocompleteSelectMultiple(LabelledAutocompleteMixin, AutocompleteSelectMultiple):
    pass


class LabelledAutocompleteAdminMixin:
    """For an InlineModelAdmin: its autocomplete fields use the labelled widgets."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = LabelledAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = LabelledAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class InstanceLabelsFormMixin:
    """Gives each labelled autocomplete widget the labels of the objects already loaded.

    Reads the instance's related objects, so the inline's queryset must
    select_related its foreign keys and prefetch_related its many-to-many fields;
    otherwise this costs the same query the widget would have run.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the +/✎ wrapper
            if not isinstance(widget, LabelledAutocompleteMixin):
                continue
            model_field = self.instance._meta.get_field(name)
            if model_field.many_to_many:
                related = list(getattr(self.instance, name).all())
            else:
                obj = getattr(self.instance, name)
                related = [] if obj is None else [obj]
            widget.labels = {str(obj.pk): field.label_from_instance(obj) for obj in related}


# --- Shared validation helpers --------------------------------------------------------


def flag_duplicates(formset, field_names: list[str], message: str) -> None:
    """Put `message` on the last of `field_names` of each form repeating an earlier form.

    Call it from a model formset's clean() before super().clean(): the stock
    validate_unique() then skips the flagged forms instead of showing its generic
    "Please correct the duplicate data for participant and workshop" at the top.
    Every existing row of an inline is one of its forms, so this also catches a
    value already saved.
    """
    seen = set()
    for form in formset.forms:
        if not form.is_valid() or marked_for_deletion(formset, form):
            continue
        values = [form.cleaned_data.get(name) for name in field_names]
        if None in values:  # an empty extra form
            continue
        key = tuple(value.pk if isinstance(value, models.Model) else value for value in values)
        if key in seen:
            form.add_error(field_names[-1], message)
        else:
            seen.add(key)


def marked_for_deletion(formset, form) -> bool:
    """Whether “Delete” is ticked on the form, read from the box itself.

    Unlike formset.deleted_forms, this does not depend on the rest of the form being
    valid: a day marked for deletion is deleted once its other fields are fixed.
    """
    return (
        formset.can_delete
        and DELETION_FIELD_NAME in form.fields
        and bool(form[DELETION_FIELD_NAME].data)
    )


def kept_forms(formset):
    """The forms whose rows exist after saving: filled in and not marked for deletion."""
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None) and not marked_for_deletion(formset, form)
    ]


class LabelledForm(InstanceLabelsFormMixin, forms.ModelForm):
    """The form of an inline whose autocomplete fields use the labelled widgets."""


class UniqueSlugFormMixin:
    """Replaces “… with this Slug already exists.” by what to do about it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            noun = self._meta.model._meta.verbose_name
            self.fields["slug"].error_messages["unique"] = (
                f"Another {noun} already uses this slug, which is part of the page's "
                "address. Change it, e.g. by adding the year."
            )


class UniqueSlugForm(UniqueSlugFormMixin, forms.ModelForm):
    """The admin form of any model with a unique slug (the admin supplies Meta)."""


class ZoneTimeWidget(AdminTimeWidget):
    """A time field of the admin shown as 09:00 (not 09:00:00), for times in an
    event's own time zone.

    The admin's clock script notes under every time field how far the browser is
    from the server's time zone ("you are 5 hours behind server time"): right for a
    moment in time, wrong for a session time, which is in the workshop's zone
    whatever the server's or the browser's. The script adds its note only where no
    element of the class `timezonewarning` is beside the field, so an empty one is.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        return mark_safe(f'{field}<span class="timezonewarning" hidden></span>')  # noqa: S308


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    """The admin's autocomplete results, each labelled by the model admin's
    `autocomplete_label(obj)` when it has one (instead of str(obj)): a name alone
    does not tell two participants apart. The admin's `autocomplete_select_related`
    fields are read in the same query."""

    def get_queryset(self):
        queryset = super().get_queryset()
        related = getattr(self.model_admin, "autocomplete_select_related", ())
        return queryset.select_related(*related) if related else queryset

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        label = getattr(self.model_admin, "autocomplete_label", None)
        if label is not None:
            result["text"] = label(obj)
        return result

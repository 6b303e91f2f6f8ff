"""Changelist columns of the rows that belong to a registration (attendance marks,
completion decisions, certificates)."""

from django.contrib import admin


class RegistrationColumnsMixin:
    """`participant` and `workshop` columns, through the row's `registration`; list
    `registration__participant` and `registration__workshop` in list_select_related."""

    @admin.display(description="participant", ordering="registration__participant__family_name")
    def participant(self, obj):
        return obj.registration.participant

    @admin.display(description="workshop", ordering="registration__workshop__title")
    def workshop(self, obj):
        return obj.registration.workshop

"""The changelists' action form, its menu of actions drawn once per set of actions.

Django draws the menu (a <select> of the actions the user may run) through the form
renderer's templates on every changelist page: a template per option and per
attribute, about 1 ms of the registrations list in-process. The menu's HTML depends
only on what the widget is given (its name, value, attributes and choices, the
choices already in the page's language), so it is kept per those, and drawn by
Django the first time."""

from django import forms
from django.contrib.admin import helpers

KEPT_MENUS = 256


class KeptSelect(forms.Select):
    """A Select whose HTML is kept per (name, value, attributes, choices)."""

    kept: dict = {}

    def render(self, name, value, attrs=None, renderer=None):
        key = (
            name,
            repr(value),
            repr(sorted({**self.attrs, **(attrs or {})}.items())),
            repr([(str(choice), str(label)) for choice, label in self.choices]),
            id(renderer),
        )
        html = self.kept.get(key)
        if html is None:
            if len(self.kept) >= KEPT_MENUS:
                self.kept.clear()
            html = self.kept[key] = super().render(name, value, attrs, renderer)
        return html


class QuickActionForm(helpers.ActionForm):
    """Django's ActionForm with its menu of actions kept (KeptSelect)."""

    action = forms.ChoiceField(
        label=helpers.ActionForm.base_fields["action"].label, widget=KeptSelect
    )

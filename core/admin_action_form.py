"""The changelists' action form, its fields drawn once per set of actions.

Django draws the form's menu (a <select> of the actions the user may run) and its
hidden "all pages" field through the form renderer's templates on every changelist
page: a template per option and per attribute, about 1 ms of the registrations list
in-process. A field's HTML depends only on what its widget is given (the name, value,
attributes and choices, the choices already in the page's language), so it is kept
per those, and drawn by Django the first time."""

from django import forms
from django.contrib.admin import helpers

from .memo import memoised

_rendered: dict = {}


class KeptRender:
    """A widget whose HTML is kept (core.memo) per (name, value, attributes, choices)."""

    def render(self, name, value, attrs=None, renderer=None):
        key = (
            type(self),
            name,
            repr(value),
            repr(sorted({**self.attrs, **(attrs or {})}.items())),
            repr([(str(choice), str(label)) for choice, label in getattr(self, "choices", [])]),
            id(renderer),
        )
        return memoised(
            _rendered, key, lambda: super(KeptRender, self).render(name, value, attrs, renderer)
        )


class KeptSelect(KeptRender, forms.Select):
    pass


class KeptHiddenInput(KeptRender, forms.HiddenInput):
    pass


class QuickActionForm(helpers.ActionForm):
    """Django's ActionForm with its menu of actions and its hidden "all pages"
    field kept (KeptRender)."""

    action = forms.ChoiceField(
        label=helpers.ActionForm.base_fields["action"].label, widget=KeptSelect
    )
    select_across = forms.BooleanField(
        label="", required=False, initial=0, widget=KeptHiddenInput({"class": "select-across"})
    )

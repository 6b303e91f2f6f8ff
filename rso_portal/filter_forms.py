"""GET filter forms of the public listings, rendered by templates/includes/_filter_form.html.

Not crispy: rendering a four-select filter form through crispy's layout templates
took 70% of the time of an uncached listing page. Here Python prepares each
field's options once and the include prints them in one loop.
"""

from django import forms
from django.utils.choices import BaseChoiceIterator


class Choices(BaseChoiceIterator):
    """Choices that are (value, label) pairs already, set as a field's choices as they
    are. A list is normalised twice (for the field, then its widget), each value
    tested against five abstract classes: on the news filters, more than half of
    the form's time. It iterates (and compares equal to a list) like the list."""

    def __init__(self, pairs: list[tuple]):
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)


class FilterForm(forms.Form):
    """A GET form whose invalid values (a hand-edited address) are ignored.

    Subclasses set `aria_label` and `columns` ({field name: Bootstrap column class}).
    """

    aria_label = ""
    columns: dict[str, str] = {}
    # Fields kept in the address but not offered as a filter (e.g. upcoming/past).
    passed_through: tuple[str, ...] = ()

    def filters(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.passed_through and value not in ("", None)
        }

    def controls(self) -> list[dict]:
        """What the template prints for each field: hidden, search box or select."""
        controls = []
        for bound in self:
            value = bound.value()
            current = "" if value is None else str(value)
            control = {
                "name": bound.html_name,
                "id": bound.auto_id,
                "label": bound.label,
                "value": current,
                "column": self.columns.get(bound.name, "col-md"),
            }
            if bound.is_hidden:
                control["kind"] = "hidden"
            elif isinstance(bound.field, forms.ChoiceField):
                control["kind"] = "select"
                control["options"] = [
                    (str(option), label, str(option) == current)
                    for option, label in bound.field.choices
                ]
            else:
                control["kind"] = "search"
            controls.append(control)
        return controls

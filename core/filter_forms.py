"""GET filter forms of listings: invalid values (a hand-edited address) are ignored."""

from django import forms


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

"""POST data for admin pages, as a browser would submit them."""

from django.forms import CheckboxInput, FileInput


def inline(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    """An inline formset's management form and rows: {"title": ...} → "sessions-0-title"."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data


def resubmit(response) -> dict:
    """What the change form in `response` posts back if staff change nothing."""
    forms = [response.context["adminform"].form]
    for inline_admin_formset in response.context["inline_admin_formsets"]:
        formset = inline_admin_formset.formset
        forms += [formset.management_form, *formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if isinstance(field.field.widget, FileInput):
                continue  # a browser sends no file unless one is chosen again
            if isinstance(field.field.widget, CheckboxInput):
                if value:
                    data[field.html_name] = "on"
            elif value is not None:
                data[field.html_name] = value
    return data


def inline_errors(response, prefix: str) -> list:
    """The errors of each form of the inline `prefix` on a re-rendered page."""
    formset = inline_formset(response, prefix)
    return [form.errors for form in formset.forms]


def inline_formset(response, prefix: str):
    return next(
        inline_admin_formset.formset
        for inline_admin_formset in response.context["inline_admin_formsets"]
        if inline_admin_formset.formset.prefix == prefix
    )

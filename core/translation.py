"""Names of reference data in each language of the site.

The interface is translated with gettext; the few rows staff type that every visitor
reads as part of the interface (thematic areas, member states, newsletter figure
labels, publication file labels) carry one column per other language of
settings.LANGUAGES beside the English one: `name` and `name_id`, `name_ms`,
`name_vi`, `name_th`. An empty translation falls back to English.

Why plain columns rather than django-modeltranslation: our public pages read these
names through query functions that return values() rows across relations
(`thematicarea__name` through a many-to-many table, `country__name` on event cards),
where modeltranslation's rewriting of lookups does not reach (the through tables'
managers are not its own), so each query would name the language column anyway. With
plain columns that is one expression, `localized_value()`, visible in the query; the
admin shows the columns as ordinary fields with no patching; and a new language is a
migration, as it would be with modeltranslation.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

# The languages that have columns of their own: all but the default (English).
TRANSLATED_LANGUAGES = [
    (code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
]


def translations(field: str, *, max_length: int, verbose_name: str):
    """An abstract model adding `<field>_<code>` for each translated language, to
    put first among a model's bases: class ThematicArea(translations("name", ...),
    models.Model)."""
    attributes = {
        "__module__": __name__,
        "Meta": type("Meta", (), {"abstract": True}),
    }
    for code, language_name in TRANSLATED_LANGUAGES:
        attributes[f"{field}_{code}"] = models.CharField(
            f"{verbose_name} ({language_name})",
            max_length=max_length,
            blank=True,
            help_text="Leave empty to show the English one.",
        )
    return type(f"{field.title()}Translations", (models.Model,), attributes)


def translated_columns(field: str) -> list[str]:
    """["name_id", "name_ms", ...]: for only() next to the English column."""
    return [f"{field}_{code}" for code, _ in TRANSLATED_LANGUAGES]


def _active_code() -> str | None:
    """The active language if it has columns of its own, else None (English)."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if any(code == c for c, _ in TRANSLATED_LANGUAGES) else None


def localized(obj, field: str) -> str:
    """`obj.<field>` in the active language, English when not translated."""
    code = _active_code()
    if code:
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return getattr(obj, field)


def localized_value(path: str):
    """An expression of `path` ("name", "country__name") in the active language,
    English when that translation is empty: for annotate(), values() and order_by()."""
    code = _active_code()
    if not code:
        return F(path)
    return Coalesce(NullIf(F(f"{path}_{code}"), Value("")), F(path))

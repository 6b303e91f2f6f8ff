"""Helpers shared by the staff admin of all apps: counts, kept values, filters,
search, columns."""

import html
from functools import cache, lru_cache, reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.safestring import SafeString
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .cache import GENERATION_KEY, RECORDS_GENERATION_KEY, cached_per_generation


def count_of(queryset, fk: str):
    """Annotation: how many rows of `queryset` point to the outer row through `fk`.

    A correlated subquery rather than Count() over a join: two counts over joins
    (registrations × sessions on the workshop changelist) multiply the rows the
    database groups, and the paginator's count and the date hierarchy keep
    aggregate joins while they drop unreferenced subqueries.
    """
    return Coalesce(
        Subquery(
            queryset.filter(**{fk: OuterRef("pk")})
            .order_by()
            .values(fk)
            .annotate(count=Count("pk"))
            .values("count")
        ),
        0,
    )


def kept_per_generation(key: str, compute):
    """compute(), kept until a write bumps either generation, or ten minutes for the
    models that bump neither (the trainers' session logs). The choices of a sidebar
    filter: at 300,000 registrations, reading them cost the big changelists more
    than the rest of their statements, and they change a few times a year. The
    count of a big list (CappedCountPaginator)."""
    return cached_per_generation(
        f"admin:{key}",
        compute,
        timeout=10 * 60,
        generations=(GENERATION_KEY, RECORDS_GENERATION_KEY),
    )


def year_filter(field_path: str, title: str = "year"):
    """A sidebar filter by the year of `field_path` (a date or datetime, may span relations).

    Lists only the years that occur, in one query whatever the number of rows. For a
    path through a relation the years are read from the related rows that some row
    points to (the workshops that have registrations), not from every row joined to
    its related one: 300,000 registrations have some 3,000 workshops.
    """
    relation, _, date_field = field_path.rpartition("__")

    class YearFilter(admin.SimpleListFilter):
        parameter_name = "year"

        def lookups(self, request, model_admin):
            # Finding the years that occur took the attendance list 19 ms.
            return kept_per_generation(
                f"years:{model_admin.model._meta.label}:{field_path}",
                lambda: _years(model_admin.model),
            )

        def queryset(self, request, queryset):
            if self.value() and self.value().isdigit():
                return queryset.filter(**{f"{field_path}__year": self.value()})
            return queryset

    def _years(model):
        rows = model._default_manager.all()
        if relation:
            related = _related_model(model, relation)
            rows = related._default_manager.filter(
                Exists(model._default_manager.filter(**{relation: OuterRef("pk")}))
            )
        years = (
            rows.filter(**{f"{date_field}__isnull": False})
            .annotate(year=ExtractYear(date_field))
            .values_list("year", flat=True)
            .distinct()
            .order_by("-year")
        )
        return [(str(year), str(year)) for year in years]

    YearFilter.title = title
    return YearFilter


class KeptChoicesRelatedFilter(admin.RelatedFieldListFilter):
    """Django's filter by a related row (member state, agency), its choices kept
    (kept_per_generation): reading them (a statement and a model per row) was a tenth
    of a big changelist's time."""

    def field_choices(self, field, request, model_admin):
        return kept_per_generation(
            f"choices:{type(self).__name__}:{model_admin.model._meta.label}:"
            f"{self.field_path}:{get_language()}",
            lambda: self.read_choices(field, request, model_admin),
        )

    def read_choices(self, field, request, model_admin):
        return super().field_choices(field, request, model_admin)


class RelatedWithRowsFilter(KeptChoicesRelatedFilter):
    """RelatedOnlyFieldListFilter that asks each related row whether a row points to
    it (60 agencies, each an index probe) instead of reading every row's key to list
    the distinct ones (100,000 participants); kept as its parent's are."""

    def read_choices(self, field, request, model_admin):
        rows = model_admin.model._default_manager.filter(**{self.field_path: OuterRef("pk")})
        return field.get_choices(
            include_blank=False,
            limit_choices_to=Q(Exists(rows)),
            ordering=self.field_admin_ordering(field, request, model_admin),
        )


def _related_model(model, path: str):
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


# Matches listed by their keys up to this many; beyond, left to a subquery.
LISTED_MATCHES = 1000


def _through(model, path: str, condition: Q) -> Q:
    """`condition` on the rows `path` leads to, as `fk IN (…)` on each table along it
    rather than joins. The keys of the rows matching at each step are listed when
    they are few: then an index of the foreign key finds the rows, where a subquery
    under an OR has the database test every row of the table against it."""
    name, _, rest = path.partition("__")
    related = model._meta.get_field(name).related_model
    inner = _through(related, rest, condition) if rest else condition
    matching = related._default_manager.filter(inner).order_by()
    keys = list(matching.values_list("pk", flat=True)[: LISTED_MATCHES + 1])
    if len(keys) > LISTED_MATCHES:
        return Q(**{f"{name}__in": matching.values("pk")})
    return Q(**{f"{name}__in": keys})


class SubquerySearchMixin:
    """The admin's search, for a changelist of many rows searched by the fields of
    related ones (a registration by its participant's name or its workshop's title).

    Django joins every related table and tests `a LIKE … OR b LIKE …` across them on
    each joined row: at 300,000 registrations, seconds. Here each relation's fields
    are searched in its own table (100,000 participants, 3,000 workshops; by the
    participants' trigram indexes on PostgreSQL) and the rows kept are those
    pointing to a match, found through the foreign key's index. One statement more
    per word and relation, whatever the number of rows. Same terms as Django's:
    words (or "quoted phrases") each in some field, case-insensitively, anywhere.

    `subquery_search` maps a relation path ("" for the model's own fields) to field
    names; search_fields stays set, for the search box and Django's checks."""

    subquery_search: dict[str, list[str]] = {}

    def get_search_results(self, request, queryset, search_term):
        for bit in smart_split(search_term):
            if bit.startswith(('"', "'")) and bit[0] == bit[-1]:
                bit = unescape_string_literal(bit)
            conditions = []
            for path, fields in self.subquery_search.items():
                matches = reduce(or_, (Q(**{f"{field}__icontains": bit}) for field in fields))
                conditions.append(_through(self.model, path, matches) if path else matches)
            queryset = queryset.filter(reduce(or_, conditions))
        return queryset, False


def kept_reverse(viewname: str) -> str:
    """reverse(viewname) of a URL without arguments, kept per URL configuration and
    script prefix: a column linking each row to another list (a participant's
    registrations) reversed the same URL for every row, 50 µs each, a tenth of the
    participants list's time."""
    return _kept_reverse(viewname, settings.ROOT_URLCONF, get_urlconf(), get_script_prefix())


@lru_cache(maxsize=64)
def _kept_reverse(viewname, root_urlconf, urlconf, script_prefix):
    return reverse(viewname)


def count_column(annotation: str, description: str):
    """A sortable changelist column showing a count annotated by get_queryset (count_of)."""

    @admin.display(description=description, ordering=annotation)
    def column(model_admin, obj):
        return getattr(obj, annotation)

    return column


# Django's own message, translated by the admin's catalogs: through a name, so that
# makemessages leaves it out of ours.
DJANGO_ACTION_LABEL = "Select this object for an action - {}"


class QuickActionCheckboxMixin:
    """The changelist's checkbox of each row, as Django renders it, from a format
    string: Django renders a CheckboxInput through the form renderer's templates,
    about a quarter of the time of a 100-row page of registrations (cProfile)."""

    def action_checkbox(self, obj):
        # format_html() twice, written out: the label's format is not escaped, the
        # object's name and key are (as django.utils.html.escape() would).
        label = _action_label(get_language()).format(html.escape(str(obj)))
        return SafeString(
            f'<input type="checkbox" name="{helpers.ACTION_CHECKBOX_NAME}" '
            f'value="{html.escape(str(obj.pk))}" class="action-select" aria-label="{label}">'
        )


@cache
def _action_label(language):
    """The row checkbox's label in the active language, `language`: translated once,
    not for each of a page's rows."""
    return _(DJANGO_ACTION_LABEL)

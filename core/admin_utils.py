"""Query helpers shared by the staff admin of all apps."""

import hashlib
import html
from functools import cache, lru_cache, reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .admin_action_form import QuickActionForm
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


class AtLeast(int):
    """A count that stopped at a cap: a number for the changelist's arithmetic (pages,
    "show all"), printed "10,000+" wherever Django prints the count (the paginator's
    "N registrations", the search's "N results", the actions' "Select all N"), all
    of which print it through str(). Django's number formatting passes an int
    through str() unless USE_THOUSAND_SEPARATOR is on (the portal leaves it off)."""

    def __str__(self):
        return f"{int(self):,}+"


class CappedCountPaginator(Paginator):
    """The admin's paginator for changelists of hundreds of thousands of rows: counts
    at most COUNT_CAP + 1 of them. Django counts every row the filters leave at each
    page (75,000 registrations of one status: 20 ms of the page's SQL); beyond the
    cap the count is AtLeast(COUNT_CAP) and the pages end there: deeper rows are
    reached by filtering, searching or sorting the other way, as staff do anyway.
    Below the cap, the count, the pages and their links are Django's. The cap stays
    above list_per_page and list_max_show_all: a capped count must still ask for pages.

    With it, ROWS_PER_PAGE: what is left of such a page is mostly its rows (drawn by
    core.admin_rows), 100 by default; 50 was about half the page's time
    (registrations filtered: 60 -> 40 ms in-process, with Django's rows) and is still
    more rows than a screen shows."""

    COUNT_CAP = 10_000
    ROWS_PER_PAGE = 50

    # Set by LargeTableAdminMixin.get_paginator() for a list whose model's writes bump
    # the records generation (keep_counts).
    keep_count = False

    @cached_property
    def count(self):
        # Without ordering or columns: sorting or computing the annotations of rows
        # only counted is wasted (the participants' registrations count, per row).
        rows = self.object_list.order_by().values("pk")[: self.COUNT_CAP + 1]
        try:
            sql, params = rows.query.sql_with_params() if self.keep_count else (None, None)
        except EmptyResultSet:  # a search that matched nothing: no statement to run
            sql = None
        if sql is None:
            counted = rows.count()
        else:
            statement = f"{rows.db}|{sql}|{params!r}".encode()
            counted = kept_per_generation(
                f"count:{hashlib.sha256(statement).hexdigest()}", rows.count
            )
        return AtLeast(self.COUNT_CAP) if counted > self.COUNT_CAP else counted


class LargeTableChangeList(ChangeList):
    """The changelist of LargeTableAdminMixin.

    Its page of rows reads only the columns its model admin names in list_only
    (with select_related's related rows), where set, not every column of every
    joined table: the registrations list read the participant's, the workshop's and
    the state's every column for 50 rows, a quarter more time than the columns
    shown (bench: 7.8 -> 5.8 ms for the page's rows in-process). Only the rows
    shown: the queryset the actions get is the model admin's whole one.

    Its links (each filter choice, column header and page number: some 70 on the
    registrations list) encode each parameter of the page once, where Django
    encodes every parameter anew for each link: about 2 ms of that page."""

    def get_results(self, request):
        super().get_results(request)
        if self.model_admin.list_only:
            self.result_list = self.result_list.only(*self.model_admin.list_only)

    def get_query_string(self, new_params=None, remove=None):
        """Django's, the same string: urlencode(sorted(params), doseq=True) is the
        parameters' encodings in key order, each of which is kept for the page."""
        params = self.filter_params.copy()
        for prefix in remove or []:
            for key in list(params):
                if key.startswith(prefix):
                    del params[key]
        for key, value in (new_params or {}).items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = value
        pieces = (self._encoded(key, value) for key, value in sorted(params.items()))
        return "?" + "&".join(piece for piece in pieces if piece)

    def _encoded(self, key, value):
        # By type too: True and 1 are equal keys but encode as "True" and "1".
        memo_key = (key, type(value), tuple(value) if isinstance(value, list) else value)
        try:
            return self._encodings[memo_key]
        except KeyError:
            encoded = self._encodings[memo_key] = urlencode([(key, value)], doseq=True)
            return encoded
        except TypeError:  # a value that cannot be a key
            return urlencode([(key, value)], doseq=True)

    @cached_property
    def _encodings(self):
        return {}


class LargeTableAdminMixin:
    """The changelist settings of a table of hundreds of thousands of rows
    (participants, registrations, attendance, the outbox): one count per page, of
    the rows shown and up to a cap (CappedCountPaginator), never a second of them
    all; and no counts per filter choice ("Show counts"), each of which is a count
    over the whole table: at 300,000 registrations and 1,000,000 marks a click on it
    took the registrations page 0.6 s and the attendance page 2.4 s.

    list_only, where set, names the columns the rows shown need
    (LargeTableChangeList). A column left out of it is read by a statement per
    row, which the changelists' query-count tests catch.

    keep_counts: the list's count is kept per generation (kept_per_generation), for
    the lists of the rows whose every write bumps the records generation
    (reports.invalidation: participants, registrations, attendance) and that filter
    only by those rows and the content's. A filtered list of 75,000 registrations
    counted 10,001 of them on every page (2.5 ms of SQL); the first page after a
    write still does. The outbox, whose rows change state as they are sent, counts."""

    show_full_result_count = False
    paginator = CappedCountPaginator
    list_per_page = CappedCountPaginator.ROWS_PER_PAGE
    show_facets = admin.ShowFacets.NEVER
    action_form = QuickActionForm
    list_only: list[str] = []

    keep_counts = False

    def get_changelist(self, request, **kwargs):
        return LargeTableChangeList

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = super().get_paginator(
            request, queryset, per_page, orphans, allow_empty_first_page
        )
        paginator.keep_count = self.keep_counts
        return paginator

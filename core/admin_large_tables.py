"""The admin's settings for the tables of hundreds of thousands of rows
(participants, registrations, attendance, the outbox): LargeTableAdminMixin, with the
paginator that counts up to a cap and the changelist that reads and links less."""

import hashlib

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.http import urlencode

from .admin_action_form import QuickActionForm
from .admin_utils import kept_per_generation


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

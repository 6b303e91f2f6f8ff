"""The rows of every admin changelist, as Django's items_for_result() renders them,
cell for cell, without what it repeats for every row.

Why our own: on the registrations list (50 rows, filtered) Django's rows were 17 of
the page's 44 ms (bench/admin_changelists.py, cProfile). For each row it reverses
the change URL and then resolves that URL again to keep the filters in it
(add_preserved_filters), a third of the rows' time; and for each cell it asks the
admin for its empty value and formats the cell through format_html. Here the
change URL and the filters it keeps are worked out once per page (the pk is the
only part that differs from row to row) and each column's settings once per page;
the cells themselves go through Django's own lookup_field(), display_for_field()
and display_for_value(), so a cell says what Django's would. A list with editable
columns (list_editable) is left to Django. tests/admin/test_rows.py checks that the
HTML is Django's, byte for byte, on every big list, filtered and searched.
"""

import datetime as dt

from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    _coerce_field_name,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    display_for_field,
    display_for_value,
    lookup_field,
    quote,
)
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

# Stands for the row's key in the change URL worked out once per page; made of
# characters that neither reversing, quoting nor keeping the filters alters.
PK_PLACEHOLDER = "0pk0placeholder0"


class _Column:
    """One entry of list_display, with what items_for_result() works out for it
    anew in every row."""

    def __init__(self, name, index, is_link, tag):
        self.name = name
        self.is_link = is_link
        self.tag = tag
        self.base_class = f"field-{_coerce_field_name(name, index)}"

    def cell(self, cl, result, empty_value_display, row_url):
        """The cell's HTML, as items_for_result() yields it."""
        classes = [self.base_class]
        try:
            f, attr, value = lookup_field(self.name, result, cl.model_admin)
        except ObjectDoesNotExist:
            result_repr = empty_value_display
        else:
            empty = getattr(attr, "empty_value_display", empty_value_display)
            if isinstance(value, str) and value.strip() == "":
                value = ""
            if f is None or f.auto_created:
                if self.name == "action_checkbox":
                    classes = ["action-checkbox"]
                boolean = getattr(attr, "boolean", False)
                if isinstance(attr, property) and hasattr(attr, "fget"):
                    boolean = getattr(attr.fget, "boolean", False)
                result_repr = display_for_value(value, empty, boolean)
                if isinstance(value, (dt.date, dt.time)):
                    classes.append("nowrap")
            else:
                if isinstance(f.remote_field, models.ManyToOneRel):
                    field_val = getattr(result, f.name)
                    result_repr = empty if field_val is None else field_val
                else:
                    result_repr = display_for_field(value, f, empty, avoid_link=self.is_link)
                if isinstance(f, (models.DateField, models.TimeField, models.ForeignKey)):
                    classes.append("nowrap")
        # Every value below is escaped, as format_html() would; the classes are
        # field names.
        row_class = f' class="{" ".join(classes)}"'
        if not self.is_link:
            return mark_safe(f"<td{row_class}>{conditional_escape(result_repr)}</td>")  # noqa: S308
        url = row_url(result)
        if url is None:
            link_or_text = conditional_escape(result_repr)
        else:
            popup = ""
            if cl.is_popup:
                value = result.serializable_value(
                    str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname
                )
                popup = format_html(' data-popup-opener="{}"', value)
            link_or_text = (
                f'<a href="{conditional_escape(url)}"{popup}>{conditional_escape(result_repr)}</a>'
            )
        return mark_safe(f"<{self.tag}{row_class}>{link_or_text}</{self.tag}>")  # noqa: S308


def _columns(cl) -> list[_Column]:
    columns, first = [], True
    for index, name in enumerate(cl.list_display):
        if cl.list_display_links is None:
            is_link = False
        else:
            is_link = (first and not cl.list_display_links) or name in cl.list_display_links
        tag = "th" if is_link and first else "td"
        if is_link:
            first = False
        columns.append(_Column(name, index, is_link, tag))
    return columns


def _row_url_maker(cl):
    """row_url(result): the result's change URL with the page's filters kept, as
    items_for_result() builds it (None where it cannot be reversed), worked out once
    for the page when the changelist builds its URLs the usual way."""
    filters = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}

    def one_by_one(result):
        try:
            return add_preserved_filters(filters, cl.url_for_result(result))
        except NoReverseMatch:
            return None

    if type(cl).url_for_result is not ChangeList.url_for_result:
        return one_by_one
    try:
        url = reverse(
            f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change",
            args=(PK_PLACEHOLDER,),
            current_app=cl.model_admin.admin_site.name,
        )
    except NoReverseMatch:
        return lambda result: None
    url = add_preserved_filters(filters, url)
    if url.count(PK_PLACEHOLDER) != 1:
        return one_by_one
    before, after = url.split(PK_PLACEHOLDER)
    pk_attname = cl.pk_attname
    return lambda result: f"{before}{quote(getattr(result, pk_attname))}{after}"


def fast_results(cl):
    """What admin_list.results() yields: a ResultList of cells per row."""
    if cl.formset:
        yield from results(cl)
        return
    columns = _columns(cl)
    empty_value_display = cl.model_admin.get_empty_value_display()
    row_url = _row_url_maker(cl)
    for result in cl.result_list:
        yield ResultList(
            None, [column.cell(cl, result, empty_value_display, row_url) for column in columns]
        )


def fast_result_list(cl):
    """admin_list.result_list()'s context with fast_results()."""
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": list(fast_results(cl)),
    }

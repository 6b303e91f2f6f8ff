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
and display_for_value(), so a cell says what Django's would, with what those look
up anew for each row (where a column's name leads, a field's choices, the parts
of a date format) looked up once per page. A list with editable columns
(list_editable) is left to Django. tests/admin/test_rows.py checks that the HTML
is Django's, byte for byte, on every list, filtered, searched, in every language.
"""

import datetime as dt
import html

from django.conf import settings
from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    _coerce_field_name,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    lookup_field,
    quote,
)
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.dateformat import DateFormat, re_escaped, re_formatchars
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString

# Stands for the row's key in the change URL worked out once per page; made of
# characters that neither reversing, quoting nor keeping the filters alters.
PK_PLACEHOLDER = "0pk0placeholder0"


def _escape(text):
    """conditional_escape(text), the same text without its per-call check for lazy
    arguments (keep_lazy), which was a tenth of the rows' time."""
    if isinstance(text, Promise):
        text = str(text)
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))


def _date_of(value):
    return (value.year, value.month, value.day)


# What each date format specifier depends on (django.utils.dateformat): the date, the
# hour and minute, the second, the microsecond. The others (time zone, ISO, epoch)
# depend on the whole value; a format using one is left to Django.
_SPECIFIER_KEYS = {
    **dict.fromkeys("bdDEFjlLmMnNoStwWyYz", _date_of),
    **dict.fromkeys("aAfgGhHiP", lambda value: (value.hour, value.minute)),
    "s": lambda value: value.second,
    "u": lambda value: value.microsecond,
}


class _KeptDateFormat:
    """dateformat.format(value, format) for the dates of one page: the format split
    once, and each specifier's text kept per date or time of day. Django formats each
    value anew (a regex split, translated month names, "a.m."), 60 µs a cell, the
    most expensive column of the registrations list. parts is None for a format this
    cannot keep."""

    def __init__(self, format_string):
        self.texts = {}
        self.parts = []
        for index, piece in enumerate(re_formatchars.split(str(format_string))):
            if index % 2 == 0:
                if piece:
                    self.parts.append((re_escaped.sub(r"\1", piece), None))
            elif piece in _SPECIFIER_KEYS:
                self.parts.append((piece, _SPECIFIER_KEYS[piece]))
            else:
                self.parts = None
                return

    def __call__(self, value):
        pieces, formatter = [], None
        for text, key_of in self.parts:
            if key_of is None:
                pieces.append(text)
                continue
            key = (text, key_of(value))
            kept = self.texts.get(key)
            if kept is None:
                formatter = formatter or DateFormat(value)
                kept = self.texts[key] = str(getattr(formatter, text)())
            pieces.append(kept)
        return "".join(pieces)


def _field_display(field, empty_value_display, avoid_link):
    """display(value): display_for_field(value, field, ...) for every row of a page,
    with what it looks up anew for each (the choices, the date format) looked up once."""

    def django(value):
        return display_for_field(value, field, empty_value_display, avoid_link=avoid_link)

    if isinstance(field, models.BooleanField):
        # An icon per value, whose address static() works out anew for every row.
        icons = {}

        def icon(value):
            if value not in icons:
                icons[value] = django(value)
            return icons[value]

        return icon
    if getattr(field, "flatchoices", None):
        try:
            # As text: a label is a lazy translation, translated anew at each use.
            labels = {value: str(label) for value, label in dict(field.flatchoices).items()}
        except TypeError:
            return django

        def choice(value):
            try:
                return labels.get(value, empty_value_display)
            except TypeError:
                return django(value)

        return choice
    if isinstance(field, models.DateTimeField):
        date_format = _KeptDateFormat(formats.get_format("DATETIME_FORMAT"))
        zone = timezone.get_current_timezone() if settings.USE_TZ else None
    elif type(field) is models.DateField:
        date_format = _KeptDateFormat(formats.get_format("DATE_FORMAT"))
        zone = None
    else:
        return django
    if date_format.parts is None:
        return django

    def date(value):
        if value in field.empty_values:
            return empty_value_display
        if zone and not timezone.is_naive(value) and getattr(value, "convert_to_local_time", True):
            value = value.astimezone(zone)  # timezone.template_localtime()
        return date_format(value)

    return date


def _field_lookup(name, model_admin):
    """(field, lookup): the model field `name` names (None for a method or attribute)
    and lookup(obj), lookup_field(name, obj, model_admin) for every row of a page,
    with what depends on the name alone found once. Django looks the name up among
    the model's fields first, for every row: for a column drawn by a method of the
    admin (the checkbox, a related row's name) an exception each time."""
    try:
        field = _get_non_gfk_field(model_admin.model._meta, name)
    except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):
        if callable(name):
            return None, lambda obj: (None, name, name(obj))
        if hasattr(model_admin, name) and name != "__str__":
            method = getattr(model_admin, name)
            return None, lambda obj: (None, method, method(obj))
        return None, lambda obj: lookup_field(name, obj, model_admin)
    return field, lambda obj: (field, None, getattr(obj, name))


class _Column:
    """One entry of list_display, with what items_for_result() works out for it
    anew in every row."""

    def __init__(self, name, index, is_link, tag, model_admin, empty_value_display):
        self.name = name
        self.is_link = is_link
        self.tag = tag
        self.base_class = f"field-{_coerce_field_name(name, index)}"
        field, self.lookup = _field_lookup(name, model_admin)
        # A field's cells: its empty value is the page's, as a field has no
        # empty_value_display of its own.
        self.display = (
            None if field is None else _field_display(field, empty_value_display, is_link)
        )

    def cell(self, cl, result, empty_value_display, row_url):
        """The cell's HTML, as items_for_result() yields it."""
        classes = [self.base_class]
        try:
            f, attr, value = self.lookup(result)
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
                    result_repr = self.display(value)
                if isinstance(f, (models.DateField, models.TimeField, models.ForeignKey)):
                    classes.append("nowrap")
        # Every value below is escaped, as format_html() would; the classes are
        # field names. SafeString() rather than mark_safe(), which checks each call
        # for a lazy argument (keep_lazy).
        row_class = f' class="{" ".join(classes)}"'
        if not self.is_link:
            return SafeString(f"<td{row_class}>{_escape(result_repr)}</td>")
        url = row_url(result)
        if url is None:
            link_or_text = _escape(result_repr)
        else:
            popup = ""
            if cl.is_popup:
                value = result.serializable_value(
                    str(cl.to_field) if cl.to_field else cl.lookup_opts.pk.attname
                )
                popup = format_html(' data-popup-opener="{}"', value)
            link_or_text = f'<a href="{_escape(url)}"{popup}>{_escape(result_repr)}</a>'
        return SafeString(f"<{self.tag}{row_class}>{link_or_text}</{self.tag}>")


def _columns(cl, empty_value_display) -> list[_Column]:
    columns, first = [], True
    for index, name in enumerate(cl.list_display):
        if cl.list_display_links is None:
            is_link = False
        else:
            is_link = (first and not cl.list_display_links) or name in cl.list_display_links
        tag = "th" if is_link and first else "td"
        if is_link:
            first = False
        columns.append(_Column(name, index, is_link, tag, cl.model_admin, empty_value_display))
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
    empty_value_display = cl.model_admin.get_empty_value_display()
    columns = _columns(cl, empty_value_display)
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
        "results": [_as_one_cell(row) for row in fast_results(cl)],
    }


def _as_one_cell(row):
    """The row's cells joined: change_list_results.html prints a row's cells one after
    the other, and printing a value in a template (localize, escape) costs more than
    joining strings. A row of a list with editable columns stays as it is: the
    template reads its form."""
    if row.form is not None:
        return row
    return ResultList(None, [SafeString("".join(row))])

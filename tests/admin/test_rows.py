"""The changelists' rows drawn by core.admin_rows are Django's own, byte for byte:
every model's list, unfiltered, searched, sorted and as a popup (the filters each
row's link keeps)."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import result_list, results
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.utils import dateformat, translation

from core.admin_rows import _KeptDateFormat, fast_result_list, fast_results
from participants.models import Registration
from publications.models import Publication
from tests.admin.rows import MAKERS, make_rows
from tests.factories.workshops import StaffFactory
from workshops.models import WorkshopDay

pytestmark = pytest.mark.django_db


def changelist(model, query, rf):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    request = rf.get(f"{url}{query}")
    request.resolver_match = resolve(url)  # what the admin reads the filters to keep by
    request.user = StaffFactory()
    cl = admin.site._registry[model].get_changelist_instance(request)
    cl.formset = None  # as changelist_view() sets it for a list without editable columns
    return cl


@pytest.mark.parametrize("model", MAKERS, ids=lambda model: model.__name__)
def test_rows_are_djangos_own(model, rf):
    make_rows(model, 3)

    for query in ["", "?q=a", "?o=-1.2", "?_popup=1"]:
        cl = changelist(model, query, rf)
        ours = [list(row) for row in fast_results(cl)]
        djangos = [list(row) for row in results(cl)]

        assert ours == djangos, query
        if query == "":
            assert len(ours) == cl.result_count >= 3


def test_each_rows_link_keeps_the_filters(rf):
    make_rows(Registration, 2)
    status = Registration.objects.first().status
    cl = changelist(Registration, f"?status__exact={status}&o=-1", rf)

    links = [cell for row in fast_results(cl) for cell in row if "<a href" in cell]

    assert len(links) == 2
    assert all(f"?_changelist_filters=status__exact%3D{status}%26o%3D-1" in link for link in links)


LANGUAGES = [code for code, _name in settings.LANGUAGES]


DATED_MODELS = [Registration, WorkshopDay, Publication]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", DATED_MODELS, ids=lambda model: model.__name__)
def test_rows_are_djangos_own_in_every_language(model, language, rf):
    """The dates (a registration's time, a day's or publication's date) and the
    choices (a status, a kind) each language formats and names its own way."""
    make_rows(model, 3)

    with translation.override(language):
        cl = changelist(model, "", rf)
        ours = [list(row) for row in fast_results(cl)]
        djangos = [list(row) for row in results(cl)]

    assert ours == djangos


def test_the_rows_table_is_djangos_own(rf):
    """Each row's cells reach the template joined: the table is the same HTML."""
    make_rows(Registration, 3)
    cl = changelist(Registration, "?o=-5", rf)

    ours = render_to_string("admin/change_list_results.html", fast_result_list(cl))
    djangos = render_to_string("admin/change_list_results.html", result_list(cl))

    assert ours == djangos
    assert ours.count("<tr>") == 1 + 3  # the headers' row and the rows'


EVERY_SPECIFIER_KEPT = "b d D E F j l L m M n N o S t w W y Y z a A f g G h H i P s u \\N\\o"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_kept_date_format_writes_what_django_writes(language):
    start = dt.datetime(2024, 2, 27, 23, 58, 59, 123, tzinfo=dt.UTC)
    values = [start + dt.timedelta(hours=7 * n, seconds=n) for n in range(200)]

    with translation.override(language):
        kept = _KeptDateFormat(EVERY_SPECIFIER_KEPT)
        ours = [kept(value) for value in values]
        djangos = [dateformat.format(value, EVERY_SPECIFIER_KEPT) for value in values]

    assert ours == djangos
    assert len(set(ours)) == len(values)


@pytest.mark.parametrize("specifier", list("eOTZIcrU"))
def test_a_date_format_naming_the_zone_or_the_instant_is_left_to_django(specifier):
    assert _KeptDateFormat(f"j M Y {specifier}").parts is None

"""The changelists' rows drawn by core.admin_rows are Django's own, byte for byte:
every model's list, unfiltered, searched, sorted and as a popup (the filters each
row's link keeps)."""

import pytest
from django.contrib import admin
from django.contrib.admin.templatetags.admin_list import results
from django.urls import resolve, reverse

from core.admin_rows import fast_results
from participants.models import Registration
from tests.admin.rows import MAKERS, make_rows
from tests.factories.workshops import StaffFactory

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

"""The changelists' filter sidebar drawn by core.admin_filter_html is Django's own
block, byte for byte: every model's list, with and without a filter chosen, with
"Show counts" offered where the list offers it, in every language."""

import re
from pathlib import Path

import django.contrib.admin
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from core.admin_filter_html import filter_sidebar_html
from participants.models import Registration
from tests.admin.rows import MAKERS, make_rows
from tests.admin.test_rows import changelist
from workshops.models import Workshop

pytestmark = pytest.mark.django_db

DJANGO_CHANGE_LIST = (
    Path(django.contrib.admin.__file__).parent / "templates" / "admin" / "change_list.html"
)


def djangos_filters_block(cl) -> str:
    """Django's {% block filters %}, from Django's own template, for `cl`."""
    source = DJANGO_CHANGE_LIST.read_text()
    block = re.search(r"{% block filters %}(.*?){% endblock %}", source, re.DOTALL).group(1)
    return Template("{% load i18n admin_list %}" + block).render(Context({"cl": cl}))


def first_choice_query(cl) -> str:
    """The query string of the first filter's first choice other than "All"."""
    choices = [choice for spec in cl.filter_specs for choice in spec.choices(cl)]
    return next(choice["query_string"] for choice in choices if not choice["selected"])


@pytest.mark.parametrize("model", MAKERS, ids=lambda model: model.__name__)
def test_the_filters_are_djangos_own(model, rf):
    make_rows(model, 3)
    cl = changelist(model, "", rf)
    queries = [""] + ([first_choice_query(cl)] if cl.has_filters else [])

    for query in queries:
        cl = changelist(model, query, rf)

        assert filter_sidebar_html(cl) == djangos_filters_block(cl), query


@pytest.mark.parametrize("query", ["", "?_facets=True"])
def test_the_filters_with_counts_offered_are_djangos_own(query, rf):
    """The workshops list offers "Show counts" (the big lists do not)."""
    make_rows(Workshop, 2)
    cl = changelist(Workshop, query, rf)

    assert cl.is_facets_optional
    assert filter_sidebar_html(cl) == djangos_filters_block(cl)


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_filters_are_djangos_own_in_every_language(language, rf):
    make_rows(Registration, 3)

    with translation.override(language):
        cl = changelist(Registration, "?status__exact=attended", rf)

        assert filter_sidebar_html(cl) == djangos_filters_block(cl)

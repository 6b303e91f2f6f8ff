"""Every model's admin pages answer staff, with a query count that does not grow with rows."""

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin.rows import MAKERS, make_rows, one
from tests.factories.workshops import UserFactory
from tests.html import csp_violations
from workshops.models import Workshop

MODELS = list(MAKERS)
# Rows that change only through services: the admin reads them, it does not add them.
READ_ONLY = {"Notification"}


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def model_id(model):
    return model.__name__


def test_every_model_has_an_admin():
    assert [model for model in MODELS if not admin.site.is_registered(model)] == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_changelist_answers_staff(staff_client, model):
    one(model)

    response = staff_client.get(admin_url(model, "changelist"))

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_add_page_answers_staff(staff_client, model):
    response = staff_client.get(admin_url(model, "add"))

    assert response.status_code == (403 if model.__name__ in READ_ONLY else 200)


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_change_page_answers_staff(staff_client, model):
    obj = one(model)

    response = staff_client.get(admin_url(model, "change", obj.pk))

    assert response.status_code == 200
    assert response.context["original"] == obj


@pytest.mark.django_db
@pytest.mark.parametrize("view", ["changelist", "add", "change"])
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_admin_page_has_no_inline_code(staff_client, model, view):
    obj = one(model)
    args = [obj.pk] if view == "change" else []

    html = staff_client.get(admin_url(model, view, *args)).content.decode()

    assert csp_violations(html) == []


# Queries of one changelist request, whatever the number of rows; measured with the
# rows of tests/admin/rows.py, whose every column has something to show.
CHANGELIST_QUERIES = {
    "MemberState": 5,
    "Organisation": 6,
    "ThematicArea": 5,
    "Speaker": 6,
    "Workshop": 11,  # the partners column went: the changelist fits 1,366 px
    "WorkshopDay": 8,
    "Session": 7,
    "WorkshopPartner": 5,
    "TrainerAssignment": 5,
    # The big tables' changelists count their rows once, not twice
    # (show_full_result_count), and list workshops only once a year is chosen.
    "Participant": 6,
    "Registration": 6,
    "Attendance": 5,
    "Testimonial": 5,
    "PublicationSeries": 5,
    "Publication": 11,
    "PublicationFile": 5,
    "NewsArticle": 10,
    "NewsletterIssue": 6,
    "NewsletterFigure": 6,
    "NewsletterSection": 7,
    "TrainingRequest": 8,
    "Notification": 5,  # a date filter with fixed choices, not a date hierarchy
    "SurveyTemplate": 5,
    "Question": 6,
    "WorkshopSurvey": 6,
}


def changelist_queries(client, model):
    # As on a page whose cached reads (the year filters' years) have just expired;
    # what Django keeps in the process (content types) is kept, as in production.
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 200
    return len(queries), response.context["cl"].result_count


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS, ids=model_id)
def test_changelist_queries_are_the_same_at_5_and_50_rows(staff_client, model):
    make_rows(model, 5)
    staff_client.get(admin_url(model, "changelist"))
    at_5 = changelist_queries(staff_client, model)
    make_rows(model, 45)
    at_50 = changelist_queries(staff_client, model)

    expected = CHANGELIST_QUERIES[model.__name__]
    assert (at_5, at_50) == ((expected, 5), (expected, 50))


@pytest.mark.django_db
def test_admin_redirects_non_staff_to_login(client):
    client.force_login(UserFactory())
    url = admin_url(Workshop, "changelist")

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('admin:login')}?next={url}"

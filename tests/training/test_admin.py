"""Staff read the session logs in the admin, a day at a time; they cannot write them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories.training import SessionLogFactory
from tests.factories.workshops import SessionFactory, SpeakerFactory, StaffFactory
from tests.html import csp_violations

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:training_sessionlog_changelist")


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def make_logs(n, **session):
    for _ in range(n):
        log = SessionLogFactory(session=SessionFactory(**session))
        log.speakers.set(SpeakerFactory.create_batch(2))


def changelist(client, query=""):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(CHANGELIST + query)
    assert response.status_code == 200
    return len(queries), response.context["cl"].result_count


def test_session_log_changelist_queries_are_the_same_at_5_and_50_logs(staff_client):
    make_logs(5)
    at_5 = changelist(staff_client)
    make_logs(45)
    at_50 = changelist(staff_client)

    assert (at_5, at_50) == ((10, 5), (10, 50))


def test_session_log_changelist_day_link_lists_that_days_logs(staff_client, monday, wednesday):
    make_logs(2, day=monday)
    make_logs(3, day=wednesday)

    html = staff_client.get(CHANGELIST).content.decode()
    count = changelist(staff_client, f"?session__day__id__exact={wednesday.pk}")[1]

    assert f'href="?session__day__id__exact={wednesday.pk}"' in html
    assert count == 3
    assert csp_violations(html) == []


def test_session_log_admin_shows_a_log_but_cannot_change_or_add_one(staff_client):
    log = SessionLogFactory()
    change = reverse("admin:training_sessionlog_change", args=[log.pk])

    shown = staff_client.get(change)
    posted = staff_client.post(change, {"notes": "Rewritten by staff"})
    added = staff_client.get(reverse("admin:training_sessionlog_add"))

    assert (shown.status_code, posted.status_code, added.status_code) == (200, 403, 403)
    assert shown.context["original"] == log
    assert b'name="_save"' not in shown.content
    log.refresh_from_db()
    assert log.notes == "Started ten minutes late: the interpreters' line dropped."

"""One invitation answered twice at the same moment (two tabs, a double tap) on
PostgreSQL: one response is kept, the other request is told it was answered."""

import threading

import pytest
from django.db import connection

from surveys import services
from surveys.models import Answer, Invitation, Response
from tests.conftest import requires_postgres
from tests.surveys.conftest import questions_by_key

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]

SUBMISSIONS = 8


def test_answered_twice_concurrently_keeps_one_response(invitation, template):
    overall = questions_by_key(template)["overall"]
    start = threading.Barrier(SUBMISSIONS)
    outcomes = []

    def submit(rating):
        try:
            start.wait()
            fresh = Invitation.objects.get(pk=invitation.pk)
            services.submit_response(invitation=fresh, answers=[(overall, rating)], language="en")
            outcomes.append("saved")
        except services.AlreadyAnswered:
            outcomes.append("already answered")
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n % 5 + 1,)) for n in range(SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes) == ["already answered"] * (SUBMISSIONS - 1) + ["saved"]
    assert Response.objects.count() == 1
    assert Answer.objects.count() == 1


def test_the_database_refuses_a_second_response_whatever_the_code(invitation):
    from django.db import IntegrityError, transaction

    Response.objects.create(invitation=invitation, survey=invitation.survey)

    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(invitation=invitation, survey=invitation.survey)

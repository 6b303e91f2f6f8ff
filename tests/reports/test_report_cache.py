"""The reports page is computed once per period and kept until something it counts
changes: every kind of write the figures depend on must make it recompute."""

import datetime as dt

import pytest

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Registration
from participants.services import cancel_workshop
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import StaffFactory
from tests.public.builders import make_event
from training.services import confirm_completion, record_roll_call
from workshops.choices import WorkshopStatus

pytestmark = pytest.mark.django_db

URL = "/admin/reports/report/"
YEAR = {"start": "2022-01-01", "end": "2022-12-31"}


@pytest.fixture
def workshop():
    return make_event(days=[dt.date(2022, 8, 10)], status=WorkshopStatus.DELIVERED)


def people_trained(client):
    return client.get(URL, YEAR).context["report"].figures.people_trained


def test_a_report_read_again_costs_no_query_of_its_own(
    staff_client, workshop, django_assert_num_queries
):
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    first = staff_client.get(URL, YEAR)

    with django_assert_num_queries(2):  # the session and the user
        again = staff_client.get(URL, YEAR)

    assert again.context["report"] == first.context["report"]
    assert b"Computed at" in again.content


def test_a_saved_registration_makes_the_report_recompute(staff_client, workshop):
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    assert people_trained(staff_client) == 1

    RegistrationFactory(workshop=workshop, status=RegistrationStatus.COMPLETED)

    assert people_trained(staff_client) == 2


def test_a_withdrawal_saved_in_the_admin_makes_the_report_recompute(staff_client, workshop):
    registration = RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    assert people_trained(staff_client) == 1

    registration.status = RegistrationStatus.WITHDRAWN
    registration.save()

    assert people_trained(staff_client) == 0


def test_a_roll_call_makes_the_report_recompute(staff_client, workshop):
    # Written in bulk, without signals: the service says the records changed.
    registration = RegistrationFactory(workshop=workshop, status=RegistrationStatus.CONFIRMED)
    assert people_trained(staff_client) == 0

    record_roll_call(
        day=workshop.days.get(),
        marks={registration.pk: AttendanceMark.PRESENT},
        by=StaffFactory(),
    )

    assert people_trained(staff_client) == 1


def test_confirmed_completion_makes_the_report_recompute(staff_client, workshop):
    registration = RegistrationFactory(workshop=workshop, status=RegistrationStatus.CONFIRMED)
    record_roll_call(
        day=workshop.days.get(), marks={registration.pk: AttendanceMark.ABSENT}, by=None
    )
    Registration.objects.filter(pk=registration.pk).update(status=RegistrationStatus.ATTENDED)
    assert people_trained(staff_client) == 1  # stored with the status set behind its back

    confirm_completion(workshop=workshop, by=StaffFactory())

    # Absent on the only day: confirmed again, so no longer counted.
    assert people_trained(staff_client) == 0


def test_a_cancelled_workshop_makes_the_report_recompute(staff_client, workshop):
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    assert people_trained(staff_client) == 1

    cancel_workshop(workshop=workshop)

    assert people_trained(staff_client) == 0


def test_a_participant_moved_to_another_member_state_shows_in_the_breakdown(staff_client, workshop):
    registration = RegistrationFactory(workshop=workshop, status=RegistrationStatus.ATTENDED)
    staff_client.get(URL, YEAR)
    participant = registration.participant
    participant.member_state = ParticipantFactory().member_state
    participant.save()

    report = staff_client.get(URL, YEAR).context["report"]

    by_state = next(item for item in report.breakdowns if item.kind.slug == "member-state")
    assert [row.label for row in by_state.rows] == [participant.member_state.name]

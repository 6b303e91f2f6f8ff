import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from participants.models import Participant
from tests.factories.participants import (
    AttendanceFactory,
    ParticipantFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def test_second_registration_of_a_participant_in_a_workshop_is_refused():
    registration = RegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        RegistrationFactory(participant=registration.participant, workshop=registration.workshop)


def test_second_attendance_mark_for_the_same_day_is_refused():
    attendance = AttendanceFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceFactory(registration=attendance.registration, day=attendance.day)


def test_attendance_mark_outside_the_choices_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        AttendanceFactory(mark="maybe")


def test_email_differing_only_in_case_is_refused():
    ParticipantFactory(email="Officer@Agency.example")

    with pytest.raises(IntegrityError), transaction.atomic():
        ParticipantFactory(email="officer@agency.example")


def test_participants_without_email_may_be_many():
    ParticipantFactory(email="")
    ParticipantFactory(email="")

    assert Participant.objects.filter(email="").count() == 2


def test_duplicate_email_gets_a_form_message_before_the_database():
    ParticipantFactory(email="officer@agency.example")
    duplicate = ParticipantFactory.build(
        email="OFFICER@agency.example", agency=None, member_state=None
    )

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert error.value.messages == ["A participant with this email address already exists."]


def test_unknown_registration_status_is_refused():
    registration = RegistrationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        type(registration).objects.filter(pk=registration.pk).update(status="maybe")

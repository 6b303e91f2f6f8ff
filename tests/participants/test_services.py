import pytest
from django.core.exceptions import ValidationError

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Attendance, Registration
from participants.services import record_attendance, register_participant
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import WorkshopDayFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def test_register_participant_creates_a_nominated_registration():
    workshop, participant = WorkshopFactory(), ParticipantFactory()

    registration = register_participant(workshop=workshop, participant=participant)

    assert Registration.objects.get() == registration
    assert registration.status == RegistrationStatus.NOMINATED


def test_register_participant_twice_says_so_and_keeps_the_first():
    registration = RegistrationFactory()

    with pytest.raises(ValidationError) as error:
        register_participant(workshop=registration.workshop, participant=registration.participant)

    assert error.value.messages == ["This participant is already registered for this workshop."]
    assert list(Registration.objects.all()) == [registration]


def test_register_participant_in_a_full_workshop_is_refused():
    workshop = WorkshopFactory(capacity=1, title="Border Management by Air Workshop")
    RegistrationFactory(workshop=workshop)

    with pytest.raises(ValidationError) as error:
        register_participant(workshop=workshop, participant=ParticipantFactory())

    assert error.value.messages == [
        "Border Management by Air Workshop is full (1 places). Raise its capacity "
        "or withdraw another registration first."
    ]
    assert workshop.registrations.count() == 1


def test_withdrawn_registration_frees_its_place():
    workshop = WorkshopFactory(capacity=1)
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.WITHDRAWN)

    register_participant(workshop=workshop, participant=ParticipantFactory())

    assert workshop.registrations.count() == 2


def test_record_attendance_twice_keeps_one_mark_with_the_last_value():
    registration = RegistrationFactory()
    day = WorkshopDayFactory(workshop=registration.workshop)

    record_attendance(registration=registration, day=day, mark=AttendanceMark.PRESENT)
    record_attendance(registration=registration, day=day, mark=AttendanceMark.LATE)

    assert list(Attendance.objects.values_list("mark", flat=True)) == ["late"]


def test_record_attendance_on_another_workshops_day_is_refused():
    registration = RegistrationFactory()

    with pytest.raises(ValidationError):
        record_attendance(
            registration=registration, day=WorkshopDayFactory(), mark=AttendanceMark.PRESENT
        )

    assert Attendance.objects.count() == 0


def test_record_attendance_with_an_unknown_mark_is_refused():
    registration = RegistrationFactory()
    day = WorkshopDayFactory(workshop=registration.workshop)

    with pytest.raises(ValidationError) as refused:
        record_attendance(registration=registration, day=day, mark="maybe")

    assert refused.value.messages == ["Choose a mark among present, late, absent."]
    assert Attendance.objects.count() == 0

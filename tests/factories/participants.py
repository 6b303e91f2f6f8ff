import factory

from participants import choices
from participants.models import Attendance, Participant, Registration, Testimonial
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    given_name = factory.Sequence(lambda n: f"Given{n}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    email = factory.Sequence(lambda n: f"participant{n}@agency.example")
    member_state = factory.SubFactory(MemberStateFactory)
    agency = factory.SubFactory(
        OrganisationFactory, member_state=factory.SelfAttribute("..member_state")
    )
    position = "Immigration Officer"
    gender = choices.Gender.FEMALE
    has_consented_to_contact = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    participant = factory.SubFactory(ParticipantFactory)
    workshop = factory.SubFactory(WorkshopFactory)
    status = choices.RegistrationStatus.CONFIRMED


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    registration = factory.SubFactory(RegistrationFactory)
    day = factory.SubFactory(
        WorkshopDayFactory, workshop=factory.SelfAttribute("..registration.workshop")
    )
    mark = choices.AttendanceMark.PRESENT


class TestimonialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Testimonial

    workshop = factory.SubFactory(WorkshopFactory)
    quote = "This course was valuable to me."

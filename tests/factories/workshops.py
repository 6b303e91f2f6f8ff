import datetime as dt

import factory
from django.contrib.auth import get_user_model

from workshops import choices
from workshops.models import (
    MemberState,
    Organisation,
    Session,
    Speaker,
    ThematicArea,
    TrainerAssignment,
    TrainingRequest,
    Workshop,
    WorkshopDay,
    WorkshopPartner,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class MemberStateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberState
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Member State {n}")
    kind = choices.MemberStateKind.MEMBER


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Agency {n}")
    acronym = factory.Sequence(lambda n: f"AG{n}")
    kind = choices.OrganisationKind.GOVERNMENT_AGENCY
    member_state = factory.SubFactory(MemberStateFactory)


class ThematicAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThematicArea

    name = factory.Sequence(lambda n: f"Thematic area {n}")
    slug = factory.Sequence(lambda n: f"thematic-area-{n}")


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    honorific = "Ms."
    name = factory.Sequence(lambda n: f"Speaker {n}")
    position = "Programme Officer"
    organisation = factory.SubFactory(OrganisationFactory)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    title = factory.Sequence(lambda n: f"Workshop on Countering People Smuggling {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    kind = choices.WorkshopKind.WORKSHOP
    status = choices.WorkshopStatus.SCHEDULED
    delivery_mode = choices.DeliveryMode.VIRTUAL
    platform = "Zoom"
    timezone = "Asia/Jakarta"
    summary = "A workshop for front-line officials."


class WorkshopDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkshopDay

    workshop = factory.SubFactory(WorkshopFactory)
    held_on = factory.Sequence(lambda n: dt.date(2030, 1, 1) + dt.timedelta(days=n))


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    day = factory.SubFactory(WorkshopDayFactory)
    workshop = factory.SelfAttribute("day.workshop")
    title = factory.Sequence(lambda n: f"Session {n}")
    start_time = dt.time(9, 0)
    end_time = dt.time(10, 30)


class WorkshopPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkshopPartner

    workshop = factory.SubFactory(WorkshopFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = choices.PartnerRole.CO_HOST


class TrainerAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainerAssignment

    workshop = factory.SubFactory(WorkshopFactory)
    trainer = factory.SubFactory(UserFactory)


class TrainingRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRequest

    name = factory.Sequence(lambda n: f"Requester {n}")
    organisation = "Immigration Department"
    member_state = factory.SubFactory(MemberStateFactory)
    email = factory.Sequence(lambda n: f"requester{n}@agency.example")
    training_kind = choices.WorkshopKind.WORKSHOP
    message = "A workshop on identifying victims of trafficking at airports."

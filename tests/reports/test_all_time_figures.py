import pytest
from django.core.cache import cache

from participants.choices import RegistrationStatus
from reports.queries import all_time_figures
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.public.builders import make_event, past, register
from workshops.choices import WorkshopStatus

pytestmark = pytest.mark.django_db


def test_all_time_figures_are_reused_while_no_public_content_changes():
    workshop = make_event(days=[past(3)], status=WorkshopStatus.DELIVERED)
    register(workshop, count=2, status=RegistrationStatus.ATTENDED)
    latecomer = ParticipantFactory()
    assert all_time_figures().people_trained == 2

    # Registrations do not bump the content generation: the stored figures stay.
    RegistrationFactory(
        workshop=workshop, participant=latecomer, status=RegistrationStatus.ATTENDED
    )

    assert all_time_figures().people_trained == 2


def test_all_time_figures_are_recomputed_after_a_public_write():
    workshop = make_event(days=[past(3)], status=WorkshopStatus.DELIVERED)
    register(workshop, count=2, status=RegistrationStatus.ATTENDED)
    all_time_figures()
    register(workshop, count=1, status=RegistrationStatus.ATTENDED)

    workshop.save()

    assert all_time_figures().people_trained == 3


def test_all_time_figures_are_recomputed_once_expired():
    workshop = make_event(days=[past(3)], status=WorkshopStatus.DELIVERED)
    register(workshop, count=2, status=RegistrationStatus.ATTENDED)
    all_time_figures()
    register(workshop, count=1, status=RegistrationStatus.ATTENDED)

    cache.delete("reports:all-time-figures")  # as its timeout would

    assert all_time_figures().people_trained == 3

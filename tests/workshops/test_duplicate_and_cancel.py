import datetime as dt

import pytest

from participants.models import Registration
from tests.factories.participants import RegistrationFactory
from tests.factories.workshops import (
    SessionFactory,
    SpeakerFactory,
    StaffFactory,
    ThematicAreaFactory,
    TrainerAssignmentFactory,
    WorkshopPartnerFactory,
)
from tests.public.builders import make_event
from workshops.choices import WorkshopStatus
from workshops.models import Workshop
from workshops.services import cancel_workshops, duplicate_workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    """Monday 18 and Wednesday 20 July 2022, a session with a speaker on the second
    day, a partner, a trainer, a thematic area and a registration."""
    workshop = make_event(
        days=[dt.date(2022, 7, 18), dt.date(2022, 7, 20)],
        status=WorkshopStatus.DELIVERED,
        title="Addressing People Smuggling",
    )
    session = SessionFactory(day=workshop.days.get(held_on=dt.date(2022, 7, 20)), title="Roles")
    session.speakers.add(SpeakerFactory(name="Dr. Lee"))
    WorkshopPartnerFactory(workshop=workshop)
    TrainerAssignmentFactory(workshop=workshop)
    workshop.thematic_areas.add(ThematicAreaFactory(name="People smuggling"))
    RegistrationFactory(workshop=workshop)
    return workshop


def test_duplicate_workshop_shifts_the_days_and_keeps_their_gaps(workshop):
    copy = duplicate_workshop(workshop=workshop, starts_on=dt.date(2023, 3, 6))

    assert list(copy.days.values_list("held_on", flat=True)) == [
        dt.date(2023, 3, 6),
        dt.date(2023, 3, 8),
    ]
    assert (copy.starts_on, copy.ends_on) == (dt.date(2023, 3, 6), dt.date(2023, 3, 8))


def test_duplicate_workshop_copies_programme_partners_trainers_not_registrations(workshop):
    copy = duplicate_workshop(workshop=workshop, starts_on=dt.date(2023, 3, 6))

    session = copy.sessions.get()
    assert (session.title, session.day.held_on) == ("Roles", dt.date(2023, 3, 8))
    assert list(session.speakers.values_list("name", flat=True)) == ["Dr. Lee"]
    assert copy.partners.count() == 1
    assert copy.trainer_assignments.count() == 1
    assert list(copy.thematic_areas.values_list("name", flat=True)) == ["People smuggling"]
    assert Registration.objects.filter(workshop=copy).count() == 0


def test_duplicate_workshop_is_a_hidden_draft_with_its_own_slug(workshop):
    copy = duplicate_workshop(workshop=workshop, starts_on=dt.date(2023, 3, 6))

    assert (copy.status, copy.is_public, copy.title) == (
        WorkshopStatus.DRAFT,
        False,
        "Addressing People Smuggling",
    )
    assert copy.slug == "addressing-people-smuggling"
    assert copy.slug != workshop.slug


def test_cancel_workshops_leaves_delivered_ones(workshop):
    scheduled = make_event(days=[dt.date(2030, 1, 1)], status=WorkshopStatus.SCHEDULED)

    cancelled = cancel_workshops(workshops=[workshop, scheduled])

    assert cancelled == 1
    assert list(Workshop.objects.order_by("pk").values_list("status", flat=True)) == [
        WorkshopStatus.DELIVERED,
        WorkshopStatus.CANCELLED,
    ]


def test_duplicate_action_asks_for_the_date_then_opens_the_copy(client, workshop):
    client.force_login(StaffFactory())
    data = {"action": "duplicate", "_selected_action": [workshop.pk]}

    asked = client.post("/admin/workshops/workshop/", data)
    done = client.post(
        "/admin/workshops/workshop/", {**data, "apply": "1", "starts_on": "2023-03-06"}
    )

    assert b"New first day" in asked.content
    copy = Workshop.objects.exclude(pk=workshop.pk).get()
    assert done["Location"] == f"/admin/workshops/workshop/{copy.pk}/change/"


def test_cancel_action_cancels_the_selected_scheduled_workshop(client):
    scheduled = make_event(days=[dt.date(2030, 1, 1)], status=WorkshopStatus.SCHEDULED)
    client.force_login(StaffFactory())

    client.post(
        "/admin/workshops/workshop/", {"action": "cancel", "_selected_action": [scheduled.pk]}
    )

    scheduled.refresh_from_db()
    assert scheduled.status == WorkshopStatus.CANCELLED

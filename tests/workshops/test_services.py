import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from tests.factories.workshops import SessionFactory, WorkshopFactory
from workshops.models import Session, Workshop
from workshops.services import refresh_workshop_dates, set_workshop_days, unique_slug

pytestmark = pytest.mark.django_db

MONDAY, WEDNESDAY = dt.date(2022, 7, 18), dt.date(2022, 7, 20)


def test_set_workshop_days_derives_first_and_last_day():
    workshop = WorkshopFactory()

    days = set_workshop_days(workshop=workshop, dates=[WEDNESDAY, MONDAY])

    assert [d.held_on for d in days] == [MONDAY, WEDNESDAY]
    stored = Workshop.objects.get(pk=workshop.pk)
    assert (stored.starts_on, stored.ends_on) == (MONDAY, WEDNESDAY)


def test_set_workshop_days_drops_unlisted_days_with_their_sessions():
    workshop = WorkshopFactory()
    monday, wednesday = set_workshop_days(workshop=workshop, dates=[MONDAY, WEDNESDAY])
    SessionFactory(day=wednesday)
    kept = SessionFactory(day=monday)

    set_workshop_days(workshop=workshop, dates=[MONDAY])

    assert list(Session.objects.filter(workshop=workshop)) == [kept]
    stored = Workshop.objects.get(pk=workshop.pk)
    assert (stored.starts_on, stored.ends_on) == (MONDAY, MONDAY)


def test_refresh_workshop_dates_without_days_clears_them():
    workshop = WorkshopFactory()
    set_workshop_days(workshop=workshop, dates=[MONDAY])
    workshop.days.all().delete()

    refresh_workshop_dates(workshop=workshop)

    stored = Workshop.objects.get(pk=workshop.pk)
    assert (stored.starts_on, stored.ends_on) == (None, None)


def test_set_workshop_days_keeps_existing_days_and_ignores_repeats():
    workshop = WorkshopFactory()
    (monday,) = set_workshop_days(workshop=workshop, dates=[MONDAY])

    days = set_workshop_days(workshop=workshop, dates=[MONDAY, WEDNESDAY, MONDAY])

    assert [d.held_on for d in days] == [MONDAY, WEDNESDAY]
    assert days[0].pk == monday.pk


def test_unique_slug_numbers_a_taken_slug():
    WorkshopFactory(slug="border-forum")
    WorkshopFactory(slug="border-forum-2")

    assert unique_slug(Workshop, "Border Forum") == "border-forum-3"
    assert unique_slug(Workshop, "Dialogue") == "dialogue"


def test_session_clean_names_the_day_of_another_workshop():
    session = SessionFactory()
    session.day = SessionFactory().day

    with pytest.raises(ValidationError) as error:
        session.full_clean()

    assert error.value.message_dict == {"day": ["Choose one of this workshop’s own days."]}

"""Building the data public pages show, the way staff would enter it."""

import datetime as dt

from django.utils import timezone

from participants.choices import RegistrationStatus
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import (
    SessionFactory,
    SpeakerFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)
from workshops.services import refresh_workshop_dates


def make_event(*, days=(), sessions_per_day=0, speakers_per_session=0, **fields):
    """A public workshop held on `days` (dates), with its dates derived as the admin
    does, and a programme: `sessions_per_day` sessions (a number, or one per day),
    each with `speakers_per_session` speakers."""
    workshop = WorkshopFactory(**fields)
    counts = (
        sessions_per_day
        if isinstance(sessions_per_day, list | tuple)
        else [sessions_per_day] * len(days)
    )
    for held_on, count in zip(days, counts, strict=True):
        day = WorkshopDayFactory(workshop=workshop, held_on=held_on)
        for n in range(count):
            session = SessionFactory(
                day=day,
                order=n,
                start_time=dt.time(9 + n % 8, 0),
                end_time=dt.time(9 + n % 8, 45),
            )
            for _ in range(speakers_per_session):
                session.speakers.add(SpeakerFactory())
    refresh_workshop_dates(workshop=workshop)
    workshop.refresh_from_db()
    return workshop


def future(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


def past(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def register(workshop, *, count=1, status=RegistrationStatus.ATTENDED, **participant):
    return [
        RegistrationFactory(
            workshop=workshop, status=status, participant=ParticipantFactory(**participant)
        )
        for _ in range(count)
    ]


def contact_form_data(member_state) -> dict:
    """A valid training request as the contact form posts it."""
    return {
        "name": "Siti Aminah",
        "organisation": "Immigration Department of Malaysia",
        "member_state": str(member_state.pk),
        "email": "siti.aminah@imi.example",
        "training_kind": "workshop",
        "message": "A workshop on detecting people smuggling at airports for 25 officers.",
        "website": "",
    }

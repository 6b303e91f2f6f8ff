"""The session log page: a session as delivered, one POST."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from tests.factories.training import SessionLogFactory
from tests.factories.workshops import SessionFactory, SpeakerFactory, WorkshopDayFactory
from tests.html import csp_violations
from tests.i18n.pages import texts_of
from training.models import SessionLog

pytestmark = pytest.mark.django_db


def log_url(session):
    return reverse("trainer:session-log", kwargs={"slug": session.workshop.slug, "pk": session.pk})


@pytest.fixture
def session(monday):
    session = SessionFactory(day=monday, title="Victim-Centered Approaches")
    session.speakers.set([SpeakerFactory(name="Among Resi")])
    return session


def logs():
    return [
        (
            log.session.title,
            log.start_time,
            log.end_time,
            log.notes,
            sorted(s.name for s in log.speakers.all()),
            log.logged_by.username,
        )
        for log in SessionLog.objects.all()
    ]


def test_session_log_form_starts_from_the_programme(trainer_client, session):
    response = trainer_client.get(log_url(session))

    form = response.context["form"]
    assert response.status_code == 200
    assert (form["start_time"].value(), form["end_time"].value()) == (
        dt.time(9, 0),
        dt.time(10, 30),
    )
    assert form["speakers"].value() == [session.speakers.get().pk]
    assert csp_violations(response.content.decode()) == []


def test_session_log_post_saves_it_and_returns_to_the_day(trainer_client, session, monday):
    substitute = SpeakerFactory(name="Wendy MacDonald")
    SessionFactory(day=monday).speakers.add(substitute)

    response = trainer_client.post(
        log_url(session),
        {
            "start_time": "09:10",
            "end_time": "10:45",
            "speakers": [substitute.pk],
            "notes": "Among Resi could not connect; Wendy MacDonald stood in.",
        },
        follow=True,
    )

    assert response.redirect_chain == [
        (f"/trainer/workshops/{session.workshop.slug}/#day-2022-07-18", 302)
    ]
    assert [m.message for m in response.context["messages"]] == [
        "Log of “Victim-Centered Approaches” saved."
    ]
    assert logs() == [
        (
            "Victim-Centered Approaches",
            dt.time(9, 10),
            dt.time(10, 45),
            "Among Resi could not connect; Wendy MacDonald stood in.",
            ["Wendy MacDonald"],
            "trainer",
        )
    ]


def test_session_log_edit_shows_the_saved_log(trainer_client, session):
    SessionLogFactory(session=session, start_time=dt.time(9, 20), notes="Late start.")

    form = trainer_client.get(log_url(session)).context["form"]

    assert (form["start_time"].value(), form["notes"].value(), form["speakers"].value()) == (
        dt.time(9, 20),
        "Late start.",
        [],
    )


def test_session_log_ending_before_it_starts_is_refused(trainer_client, session):
    response = trainer_client.post(log_url(session), {"start_time": "10:00", "end_time": "09:00"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "end_time": ["The session must end after it starts."]
    }
    assert logs() == []


def test_session_log_with_a_speaker_of_another_workshop_is_refused(trainer_client, session):
    elsewhere = SpeakerFactory()
    SessionFactory().speakers.add(elsewhere)

    response = trainer_client.post(
        log_url(session),
        {"start_time": "09:00", "end_time": "10:00", "speakers": [elsewhere.pk]},
    )

    assert response.context["form"].errors == {
        "speakers": [f"Select a valid choice. {elsewhere.pk} is not one of the available choices."]
    }
    assert logs() == []


def test_session_log_of_a_future_day_is_refused(trainer_client, workshop):
    held_on = timezone.localdate() + dt.timedelta(days=2)
    later = SessionFactory(day=WorkshopDayFactory(workshop=workshop, held_on=held_on))

    shown = trainer_client.get(log_url(later))
    posted = trainer_client.post(log_url(later), {"start_time": "09:00", "end_time": "10:00"})

    assert texts_of(shown.content.decode(), "div", role="status") == [
        f"This session cannot be logged before {date_format(held_on)}."
    ]
    assert b'name="start_time"' not in shown.content
    assert texts_of(posted.content.decode(), "div", role="status") == [
        f"This session cannot be logged before {date_format(held_on)}."
    ]
    assert logs() == []

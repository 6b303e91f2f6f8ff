"""log_session: a session as delivered, one log per session."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories.training import SessionLogFactory
from tests.factories.workshops import SessionFactory, SpeakerFactory, UserFactory
from training.models import SessionLog
from training.services import log_session

pytestmark = pytest.mark.django_db

NINE, TEN, ELEVEN = dt.time(9, 0), dt.time(10, 0), dt.time(11, 0)


def test_log_session_records_times_notes_speakers_and_who(monday, trainer):
    session = SessionFactory(day=monday)
    spoke = SpeakerFactory(name="Wendy MacDonald")

    log = log_session(
        session=session,
        start_time=NINE,
        end_time=ELEVEN,
        notes="Ran over: many questions.",
        speakers=[spoke],
        by=trainer,
    )

    assert SessionLog.objects.get() == log
    assert (log.start_time, log.end_time, log.notes, log.logged_by) == (
        NINE,
        ELEVEN,
        "Ran over: many questions.",
        trainer,
    )
    assert list(log.speakers.values_list("name", flat=True)) == ["Wendy MacDonald"]


def test_log_session_again_replaces_the_log_and_its_author(monday, trainer):
    session = SessionFactory(day=monday)
    first = log_session(
        session=session, start_time=NINE, end_time=TEN, speakers=[SpeakerFactory()], by=trainer
    )
    colleague = UserFactory()

    second = log_session(session=session, start_time=NINE, end_time=ELEVEN, by=colleague)

    assert second.pk == first.pk
    assert list(SessionLog.objects.values_list("end_time", "logged_by")) == [(ELEVEN, colleague.pk)]
    assert second.speakers.count() == 0


def test_log_session_ending_before_it_starts_is_refused(monday, trainer):
    session = SessionFactory(day=monday)

    with pytest.raises(ValidationError) as refused:
        log_session(session=session, start_time=TEN, end_time=TEN, by=trainer)

    assert refused.value.message_dict == {"end_time": ["The session must end after it starts."]}
    assert SessionLog.objects.count() == 0


def test_log_session_of_a_day_not_come_yet_is_refused(workshop, trainer):
    session = SessionFactory(
        day__workshop=workshop, day__held_on=timezone.localdate() + dt.timedelta(days=2)
    )

    with pytest.raises(ValidationError) as refused:
        log_session(session=session, start_time=NINE, end_time=TEN, by=trainer)

    assert refused.value.code == "future_day"
    assert SessionLog.objects.count() == 0


def test_session_log_ending_before_it_starts_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionLogFactory(start_time=TEN, end_time=NINE)


def test_second_log_of_a_session_is_refused_by_the_database():
    log = SessionLogFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        SessionLogFactory(session=log.session)

import datetime as dt

import pytest
from django.core.mail import EmailMultiAlternatives

from notifications import registry
from tests.notifications.smtp_sink import SmtpSink, smtp_settings

# The workshop's days, far enough ahead for its reminders to be due later.
MONDAY = dt.date(2030, 3, 18)
WEDNESDAY = dt.date(2030, 3, 20)


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on loopback, and the portal's email settings pointing at it."""
    sink = SmtpSink().start()
    for name, value in smtp_settings(sink.port).items():
        setattr(settings, name, value)
    yield sink
    sink.stop()


@pytest.fixture
def outbox_settings(settings):
    settings.DEFAULT_FROM_EMAIL = "RSO Portal <no-reply@rso.example>"
    settings.NOTIFICATIONS_REPLY_TO = ["training@rso.example"]
    settings.NOTIFICATIONS_RETRY_DELAY = 60
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 3
    settings.NOTIFICATIONS_BATCH_SIZE = 100
    settings.NOTIFICATIONS_LEASE = 300
    return settings


@pytest.fixture
def plain_renderer(monkeypatch):
    """Confirmations rendered as a one-line email naming the row: the outbox's own tests
    exercise claiming and sending, not what participants read (test_emails.py)."""

    def render(notification):
        if notification.registration.notes == "obsolete":
            raise registry.Obsolete("the test says so")
        return EmailMultiAlternatives(
            subject=f"Email {notification.pk}",
            body="Body",
            to=[notification.registration.participant.email],
        )

    monkeypatch.setitem(
        registry._renderers,
        "confirmation",
        registry.Renderer(render=render, prefetch=("registration__participant",)),
    )


@pytest.fixture
def workshop(db):
    """A scheduled virtual workshop on two days that are not consecutive, in Jakarta's
    time, with a session each."""
    from tests.factories.workshops import SessionFactory, SpeakerFactory, WorkshopFactory
    from workshops.services import refresh_workshop_dates, set_workshop_days

    workshop = WorkshopFactory(
        title="Regional Workshop on Document Fraud",
        slug="document-fraud",
        timezone="Asia/Jakarta",
        platform="Zoom",
        joining_url="https://zoom.example/j/123456",
    )
    monday, wednesday = set_workshop_days(workshop=workshop, dates=[MONDAY, WEDNESDAY])
    opening = SessionFactory(
        day=monday, title="Opening", start_time=dt.time(9), end_time=dt.time(10, 30)
    )
    opening.speakers.set([SpeakerFactory(honorific="Ms.", name="Ana Lim")])
    SessionFactory(
        day=wednesday, title="Case studies", start_time=dt.time(13), end_time=dt.time(15)
    )
    return refresh_workshop_dates(workshop=workshop)


@pytest.fixture
def participant(db):
    from tests.factories.participants import ParticipantFactory

    return ParticipantFactory(given_name="Siti", family_name="Aminah", email="siti@imi.example")

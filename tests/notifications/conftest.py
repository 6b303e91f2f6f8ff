import pytest
from django.core.mail import EmailMultiAlternatives

from notifications import registry
from tests.notifications.smtp_sink import SmtpSink, smtp_settings


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

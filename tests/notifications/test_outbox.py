"""The outbox on its own: rows, claims, sending to a real SMTP server, retries, sweeps.

What the emails say is tested in test_emails.py; here a confirmation is rendered as a
one-line email (the plain_renderer fixture).
"""

import datetime as dt
import logging
import socket

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from notifications import services, tasks
from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification
from tests.factories.notifications import NotificationFactory
from tests.factories.participants import RegistrationFactory
from tests.notifications.smtp_sink import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_settings", "plain_renderer")]

NOW = dt.datetime(2030, 1, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def frozen_now(monkeypatch):
    monkeypatch.setattr(services.timezone, "now", lambda: NOW)
    return NOW


def states(*rows):
    return [Notification.objects.get(pk=row.pk).state for row in rows]


# --- Rows ---------------------------------------------------------------------------------


def test_notification_second_of_a_kind_for_a_registration_is_refused_by_the_database():
    first = NotificationFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(
            kind=first.kind, registration=first.registration, recipient="x@agency.example"
        )


def test_notification_reminders_at_two_offsets_are_two_rows():
    registration = RegistrationFactory()

    for offset in (7, 1):
        NotificationFactory(
            kind=NotificationKind.REMINDER, registration=registration, offset_days=offset
        )

    assert Notification.objects.filter(registration=registration).count() == 2


def test_notification_about_nothing_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Notification.objects.create(kind=NotificationKind.CONFIRMATION, recipient="x@a.example")


def test_notification_message_id_is_made_at_creation_from_the_senders_domain():
    first, second = NotificationFactory(), NotificationFactory()

    assert first.message_id.endswith("@rso.example>")
    assert first.message_id != second.message_id
    assert Notification.objects.get(pk=first.pk).message_id == first.message_id


def test_schedule_notification_twice_keeps_one_row_due_at_the_later_time():
    registration = RegistrationFactory()
    later = timezone.now() + dt.timedelta(days=3)
    common = {
        "kind": NotificationKind.REMINDER,
        "registration": registration,
        "offset_days": 7,
        "recipient": "a@agency.example",
        "language": "en",
    }

    services.schedule_notification(**common, due_at=later - dt.timedelta(days=1))
    services.schedule_notification(**common, due_at=later)

    row = Notification.objects.get()
    assert (row.due_at, row.state) == (later, NotificationState.PENDING)


def test_schedule_notification_brings_back_a_cancelled_row_but_not_a_sent_one():
    cancelled = NotificationFactory(state=NotificationState.CANCELLED, last_error="withdrawn")
    sent = NotificationFactory(state=NotificationState.SENT, sent_at=timezone.now())

    for row in (cancelled, sent):
        services.schedule_notification(
            kind=row.kind, registration=row.registration, recipient=row.recipient, language="en"
        )

    assert states(cancelled, sent) == [NotificationState.PENDING, NotificationState.SENT]
    assert Notification.objects.get(pk=cancelled.pk).last_error == ""


# --- Sending ------------------------------------------------------------------------------


def test_send_due_sends_each_due_email_once_and_leaves_later_ones(smtp_sink):
    due = NotificationFactory.create_batch(3)
    later = NotificationFactory(due_at=timezone.now() + dt.timedelta(hours=1))

    first = services.send_due_notifications()
    second = services.send_due_notifications()

    assert sorted(smtp_sink.message_ids()) == sorted(row.message_id for row in due)
    assert (first.sent, second.sent) == (3, 0)
    assert states(*due, later) == [NotificationState.SENT] * 3 + [NotificationState.PENDING]
    assert [Notification.objects.get(pk=row.pk).attempts for row in due] == [1, 1, 1]


def test_sent_email_carries_the_rows_message_id_sender_and_reply_to(smtp_sink):
    row = NotificationFactory()

    services.send_due_notifications()

    [received] = smtp_sink.received
    message = received.message
    assert (message["Message-ID"], message["From"], message["Reply-To"], message["To"]) == (
        row.message_id,
        "RSO Portal <no-reply@rso.example>",
        "training@rso.example",
        row.registration.participant.email,
    )
    assert received.rcpt_tos == (row.registration.participant.email,)
    assert Notification.objects.get(pk=row.pk).sent_at is not None


def test_send_due_sends_a_batch_over_one_connection(smtp_sink, settings):
    settings.NOTIFICATIONS_BATCH_SIZE = 4
    NotificationFactory.create_batch(10)

    report = services.send_due_notifications()

    # 4 + 4 + 2: one connection per batch.
    assert (report.sent, len(smtp_sink), smtp_sink.connections) == (10, 10, 3)


def test_sweep_past_its_time_limit_stops_after_a_batch_and_says_more_is_due(smtp_sink, settings):
    settings.NOTIFICATIONS_BATCH_SIZE = 2
    NotificationFactory.create_batch(5)

    report = services.send_due_notifications(time_limit=0)

    assert (report.sent, report.more, len(smtp_sink)) == (2, True, 2)


def test_smtp_server_refusing_twice_then_accepting_gets_the_email_on_the_third_try(
    smtp_sink, settings
):
    settings.NOTIFICATIONS_RETRY_DELAY = 0  # due again at once, for the test
    row = NotificationFactory()
    smtp_sink.refuse_next(2)

    reports = [services.send_due_notifications() for _ in range(3)]

    assert [(r.sent, r.retrying) for r in reports] == [(0, 1), (0, 1), (1, 0)]
    assert smtp_sink.message_ids() == [row.message_id]
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == (NotificationState.SENT, 3, "")


def test_failed_try_waits_twice_as_long_each_time_then_fails(smtp_sink, frozen_now):
    row = NotificationFactory(due_at=NOW - dt.timedelta(minutes=1))
    smtp_sink.refuse_next(3)
    waits = []

    for _ in range(3):
        services.send_due_notifications()
        row.refresh_from_db()
        waits.append(row.due_at - NOW)
        Notification.objects.filter(pk=row.pk).update(due_at=NOW)  # let time pass

    row.refresh_from_db()
    assert waits[:2] == [dt.timedelta(seconds=60), dt.timedelta(seconds=120)]
    assert (row.state, row.attempts, row.last_error) == (
        NotificationState.FAILED,
        3,
        "SMTPDataError: 451 4.3.0 Busy, try again later",
    )
    assert len(smtp_sink) == 0


def test_permanent_refusal_fails_the_email_at_once(smtp_sink):
    row = NotificationFactory()
    smtp_sink.refuse_next(1, "550 5.1.1 No such mailbox")

    report = services.send_due_notifications()

    row.refresh_from_db()
    assert (report.failed, row.state, row.attempts) == (1, NotificationState.FAILED, 1)
    assert row.last_error == "SMTPDataError: 550 5.1.1 No such mailbox"


def test_refused_email_does_not_stop_the_rest_of_its_batch(smtp_sink):
    refused, *others = NotificationFactory.create_batch(3, due_at=timezone.now())
    Notification.objects.filter(pk=refused.pk).update(due_at=timezone.now() - dt.timedelta(1))
    smtp_sink.refuse_next(1)

    report = services.send_due_notifications()

    assert (report.sent, report.retrying) == (2, 1)
    assert sorted(smtp_sink.message_ids()) == sorted(row.message_id for row in others)


def test_smtp_server_down_leaves_the_emails_pending_for_later(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens
    rows = NotificationFactory.create_batch(2)

    report = services.send_due_notifications()

    assert (report.sent, report.retrying) == (0, 2)
    assert states(*rows) == [NotificationState.PENDING] * 2
    assert Notification.objects.get(pk=rows[0].pk).last_error.startswith("ConnectionRefusedError")


def test_smtp_server_that_never_answers_costs_one_email_timeout(settings):
    listener = socket.create_server(("127.0.0.1", 0))  # accepts, never speaks
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", listener.getsockname()[1]
    settings.EMAIL_TIMEOUT = 1
    row = NotificationFactory()
    try:
        started = timezone.now()
        report = services.send_due_notifications()
        took = timezone.now() - started
    finally:
        listener.close()

    assert (report.sent, report.retrying) == (0, 1)
    assert took < dt.timedelta(seconds=3)
    assert Notification.objects.get(pk=row.pk).last_error == (
        "SMTPServerDisconnected: Connection unexpectedly closed: timed out"
    )


def test_email_no_longer_due_is_cancelled_with_the_reason(smtp_sink):
    row = NotificationFactory(registration__notes="obsolete")

    report = services.send_due_notifications()

    row.refresh_from_db()
    assert (report.cancelled, row.state, row.last_error) == (
        1,
        NotificationState.CANCELLED,
        "Not sent: the test says so",
    )
    assert len(smtp_sink) == 0


def test_claim_older_than_the_lease_is_taken_back_and_sent_with_its_message_id(smtp_sink, settings):
    # A sender claimed it and died before marking it sent.
    row = NotificationFactory(
        state=NotificationState.SENDING,
        claimed_at=timezone.now() - dt.timedelta(seconds=settings.NOTIFICATIONS_LEASE + 1),
    )
    fresh = NotificationFactory(state=NotificationState.SENDING, claimed_at=timezone.now())

    report = services.send_due_notifications()

    assert (report.taken_back, report.sent) == (1, 1)
    assert smtp_sink.message_ids() == [row.message_id]
    assert states(row, fresh) == [NotificationState.SENT, NotificationState.SENDING]
    assert Notification.objects.get(pk=row.pk).attempts == 2


def test_claim_expiring_after_the_last_attempt_fails_the_email(settings):
    row = NotificationFactory(
        state=NotificationState.SENDING,
        attempts=settings.NOTIFICATIONS_MAX_ATTEMPTS - 1,
        claimed_at=timezone.now() - dt.timedelta(seconds=settings.NOTIFICATIONS_LEASE + 1),
    )

    services.take_back_expired_claims()

    assert states(row) == [NotificationState.FAILED]


def test_send_notification_sends_only_a_due_pending_row(smtp_sink):
    due = NotificationFactory()
    later = NotificationFactory(due_at=timezone.now() + dt.timedelta(days=1))
    sent = NotificationFactory(state=NotificationState.SENT, sent_at=timezone.now())

    for row in (due, later, sent):
        services.send_notification(notification_id=row.pk)

    assert smtp_sink.message_ids() == [due.message_id]


def test_scheduled_email_due_now_is_sent_once_the_transaction_commits(
    smtp_sink, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        row = services.schedule_notification(
            kind=NotificationKind.CONFIRMATION,
            registration=registration,
            recipient=registration.participant.email,
            language="en",
        )
        assert len(smtp_sink) == 0

    assert smtp_sink.message_ids() == [row.message_id]


def test_email_queued_while_the_broker_is_down_stays_pending_for_the_sweep(
    monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def broker_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.task_send_notification, "apply_async", broker_down)
    registration = RegistrationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        row = services.schedule_notification(
            kind=NotificationKind.CONFIRMATION,
            registration=registration,
            recipient=registration.participant.email,
            language="en",
        )

    assert states(row) == [NotificationState.PENDING]
    assert caplog.messages == [
        f"notifications [{row.pk}]: not enqueued (OperationalError); the sweep will send them"
    ]


def test_resend_puts_only_failed_emails_back_in_the_outbox():
    failed = NotificationFactory(state=NotificationState.FAILED, attempts=3, last_error="550")
    sent = NotificationFactory(state=NotificationState.SENT, sent_at=timezone.now())

    resent = services.resend_notifications(notifications=Notification.objects.all())

    failed.refresh_from_db()
    assert (resent, failed.state, failed.attempts, failed.last_error) == (
        1,
        NotificationState.PENDING,
        0,
        "",
    )
    assert states(sent) == [NotificationState.SENT]


def test_cancel_notifications_cancels_only_pending_ones():
    pending = NotificationFactory()
    sent = NotificationFactory(state=NotificationState.SENT, sent_at=timezone.now())

    cancelled = services.cancel_notifications(
        notifications=Notification.objects.all(), reason="Registration withdrawn."
    )

    assert cancelled == 1
    assert states(pending, sent) == [NotificationState.CANCELLED, NotificationState.SENT]


def test_outbox_logs_carry_ids_never_addresses(smtp_sink, caplog, settings):
    settings.NOTIFICATIONS_RETRY_DELAY = 0
    rows = NotificationFactory.create_batch(2)
    smtp_sink.refuse_next(1)
    caplog.set_level(logging.INFO)

    services.send_due_notifications()
    services.send_due_notifications()

    assert caplog.text != ""
    for row in rows:
        participant = row.registration.participant
        assert participant.email not in caplog.text
        assert participant.family_name not in caplog.text


def test_send_due_notifications_command_sends_and_reports(smtp_sink, capsys):
    NotificationFactory.create_batch(2)

    call_command("send_due_notifications")

    assert capsys.readouterr().out == (
        "Emails: 2 sent, 0 to retry, 0 failed, 0 no longer due, 0 taken back from a lost sender.\n"
    )
    assert len(smtp_sink) == 2

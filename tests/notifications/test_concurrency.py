"""Senders racing on PostgreSQL: SKIP LOCKED and the conditional claim send each email once."""

import threading

import pytest
from django.db import connection, transaction

from notifications import services
from notifications.models import Notification
from tests.conftest import requires_postgres
from tests.factories.notifications import NotificationFactory

pytestmark = [
    requires_postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("outbox_settings", "plain_renderer"),
]


def in_thread(function):
    """Run `function` in a thread with its own database connection; return its result."""
    result = {}

    def run():
        try:
            result["value"] = function()
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def test_claim_skips_rows_another_sender_has_locked():
    locked, *free = NotificationFactory.create_batch(4)

    with transaction.atomic():
        # Another sender in the middle of its claim holds the first row.
        list(Notification.objects.select_for_update().filter(pk=locked.pk))
        thread, result = in_thread(lambda: services._claim(Notification.objects.all(), limit=10))
        thread.join(timeout=10)

    assert not thread.is_alive()  # skipped, not waited for
    assert sorted(row.pk for row in result["value"]) == sorted(row.pk for row in free)


def test_two_sweeps_at_once_send_each_email_once(smtp_sink, settings):
    settings.NOTIFICATIONS_BATCH_SIZE = 5
    rows = NotificationFactory.create_batch(60)
    start = threading.Barrier(2)

    def sweep():
        start.wait()
        return services.send_due_notifications()

    runs = [in_thread(sweep) for _ in range(2)]
    for thread, _result in runs:
        thread.join(timeout=60)

    assert sorted(smtp_sink.message_ids()) == sorted(row.message_id for row in rows)
    assert sum(result["value"].sent for _thread, result in runs) == 60

"""The outbox with a real Celery worker process on the real Redis broker: emails enqueued on
commit arrive, two sweeps share the work, and a worker killed mid-batch loses nothing."""

import uuid

import pytest
from celery import current_app
from django.db import connection
from django.utils import timezone

from notifications.choices import NotificationState
from notifications.models import Notification
from notifications.tasks import task_send_due_notifications
from participants.choices import RegistrationStatus
from participants.services import register_participant
from tests.conftest import REDIS_URL, requires_postgres, requires_redis
from tests.factories.notifications import NotificationFactory
from tests.factories.workshops import MemberStateFactory
from tests.notifications.smtp_sink import SmtpSink
from tests.notifications.worker import CeleryWorker, database_url, wait_for
from workshops.services import submit_training_request

pytestmark = [
    requires_postgres,
    requires_redis,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("outbox_settings"),
]

LEASE = 2  # seconds, for the worker: short, so the test need not wait five minutes


@pytest.fixture
def sink():
    sink = SmtpSink().start()
    yield sink
    sink.stop()


@pytest.fixture
def queue(settings):
    """This test's own queue on the broker: enqueue there, not eagerly."""
    name = f"rso-test-{uuid.uuid4().hex[:8]}"
    conf = current_app.conf
    saved = conf.task_always_eager, conf.task_default_queue
    conf.task_always_eager, conf.task_default_queue = False, name
    yield name
    conf.task_always_eager, conf.task_default_queue = saved


@pytest.fixture
def start_worker(queue, sink):
    workers = []

    def start(concurrency=1, batch_size=100, sweep_seconds=40):
        worker = CeleryWorker(
            queue=queue,
            concurrency=concurrency,
            env={
                "DATABASE_URL": database_url(connection.settings_dict),
                "REDIS_URL": REDIS_URL,
                "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
                "DEFAULT_FROM_EMAIL": "RSO Portal <no-reply@rso.example>",
                "CONTACT_EMAILS": "training@rso.example",
                "NOTIFICATIONS_LEASE": str(LEASE),
                "NOTIFICATIONS_BATCH_SIZE": str(batch_size),
                "NOTIFICATIONS_SWEEP_SECONDS": str(sweep_seconds),
            },
        )
        workers.append(worker)
        return worker.start()

    yield start
    for worker in workers:
        worker.stop()
    # The workers' connections are gone before the test database is flushed or dropped.


def all_sent():
    return not Notification.objects.exclude(state=NotificationState.SENT).exists()


def test_worker_sends_what_commits_enqueue_and_what_the_sweep_finds_due(
    start_worker, sink, workshop, participant
):
    start_worker()

    registration = register_participant(
        workshop=workshop, participant=participant, status=RegistrationStatus.CONFIRMED
    )
    submit_training_request(
        name="Siti Aminah",
        organisation="Immigration Department of Malaysia",
        member_state=MemberStateFactory(name="Malaysia"),
        email="siti.aminah@imi.example",
        training_kind="course",
        message="A course on detecting forged passports for 25 officers, please.",
    )
    assert wait_for(lambda: len(sink) == 3, timeout=30)
    registration.notifications.filter(offset_days=7).update(due_at=timezone.now())
    task_send_due_notifications.delay()
    assert wait_for(lambda: len(sink) == 4, timeout=30)

    subjects = sorted(received.message["Subject"] for received in sink.received)
    assert subjects == [
        "Reminder: Regional Workshop on Document Fraud starts in 7 days",
        "Training request: Immigration Department of Malaysia (Malaysia)",
        "We have received your training request",
        "Your place is confirmed: Regional Workshop on Document Fraud",
    ]
    assert sorted(sink.message_ids()) == sorted(
        Notification.objects.filter(state=NotificationState.SENT).values_list(
            "message_id", flat=True
        )
    )


def test_two_sweeps_on_a_worker_of_two_processes_send_each_email_once(start_worker, sink):
    rows = NotificationFactory.create_batch(60)
    start_worker(concurrency=2, batch_size=10)

    task_send_due_notifications.delay()
    task_send_due_notifications.delay()

    assert wait_for(all_sent, timeout=60)
    assert sorted(sink.message_ids()) == sorted(row.message_id for row in rows)


def test_worker_killed_mid_batch_then_restarted_delivers_every_email(start_worker, sink):
    sink.delay = 0.01  # 10 ms an email: the kill lands mid-batch
    rows = NotificationFactory.create_batch(150)
    worker = start_worker(batch_size=40)
    task_send_due_notifications.delay()
    assert wait_for(lambda: len(sink) >= 30, timeout=30)

    worker.kill()
    in_flight = Notification.objects.filter(state=NotificationState.SENDING).count()
    start_worker(batch_size=40)
    # A beat tick after the lease: the restarted worker takes the dead one's claims back.
    wait_for(lambda: False, timeout=LEASE + 0.5)
    task_send_due_notifications.delay()
    assert wait_for(all_sent, timeout=60)

    received = sink.message_ids()
    assert in_flight > 0
    assert sorted(set(received)) == sorted(row.message_id for row in rows)
    # Duplicates only of emails in flight when the worker died, each with the
    # Message-ID of its first copy, and no more than one batch of them.
    duplicates = len(received) - len(set(received))
    assert duplicates <= 40
    assert Notification.objects.filter(attempts=2).count() == in_flight

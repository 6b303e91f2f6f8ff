"""Benchmark of the email outbox against Django sending over one SMTP connection.

    .venv/bin/python bench/notifications.py [--count 10000] [--workers 2]

Makes COUNT due reminders (one workshop, COUNT confirmed participants in the five
languages) and sends them through a real Celery worker (WORKERS processes, the Redis
broker, PostgreSQL) to an SMTP sink on loopback (aiosmtpd, in this process). In the same
run, a separate process renders the same COUNT messages first and then times Django's
get_connection().send_messages() over one connection to the same sink: the ceiling of
this machine. Prints emails per second for both and their ratio, then missing and
duplicate emails (counted by Message-ID at the sink). Then again from fresh rows, with
the worker killed (SIGKILL) once mid-run, restarted, and the lease waited out: missing
must stay 0, and any duplicate must carry the Message-ID of its row.

Targets (issue 13): ratio >= 0.5, missing 0, duplicates 0 without a kill and only
same-Message-ID ones with it.

Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/rso_n_bench,
dropped and made again) and Redis (REDIS_URL, default redis://127.0.0.1:6379/8).
"""

import argparse
import os
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEASE = 5  # seconds: the kill run waits this out before the sweep takes claims back
TARGET_RATIO = 0.5

BASELINE = """
import sys, time
import django
django.setup()
from django.core.mail import get_connection
from notifications.models import Notification
from notifications.services import _render, SendReport

rows = list(Notification.objects.order_by("pk"))
messages = []
for start in range(0, len(rows), 100):
    messages += [message for _row, message in _render(rows[start:start + 100], SendReport())]
connection = get_connection()
connection.open()
started = time.perf_counter()
sent = connection.send_messages(messages)
elapsed = time.perf_counter() - started
connection.close()
print(f"BASELINE {sent} {elapsed}")
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args()

    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rso_n_bench"
    )
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/8")
    recreate_database(database_url)

    from tests.notifications.smtp_sink import SmtpSink

    sink = SmtpSink().start()
    queue = f"rso-bench-{uuid.uuid4().hex[:8]}"
    env = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
        "DEFAULT_FROM_EMAIL": "RSO Portal <no-reply@rso.example>",
        "CONTACT_EMAILS": "training@rso.example",
        "NOTIFICATIONS_LEASE": str(LEASE),
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "rso_portal.settings",
    }
    os.environ.update(env)
    import django

    django.setup()
    from celery import current_app
    from django.core.management import call_command

    current_app.conf.task_default_queue = queue
    print(f"Migrating {urlsplit(database_url).path[1:]}...", flush=True)
    call_command("migrate", verbosity=0)

    try:
        make_reminders(args.count)
        baseline = run_baseline(env, sink, args.count)
        outbox = run_worker(env, sink, queue, args, kill=False)
        ratio = outbox["rate"] / baseline
        print()
        print(f"{'':34} {'emails/s':>10}")
        print(f"{'send_messages(), one connection':34} {baseline:10.0f}")
        print(f"{'outbox, Celery worker':34} {outbox['rate']:10.0f}")
        print(
            f"ratio {ratio:.2f} (target >= {TARGET_RATIO}); missing {outbox['missing']}, "
            f"duplicates {outbox['duplicates']}"
        )

        make_reminders(args.count)
        killed = run_worker(env, sink, queue, args, kill=True)
        print(
            f"with the worker killed at {killed['killed_at']} emails: missing "
            f"{killed['missing']}, duplicates {killed['duplicates']} "
            f"({killed['same_id']} with their row's Message-ID), "
            f"{killed['in_flight']} emails in flight at the kill, all sent after "
            f"{killed['elapsed']:.1f} s (lease {LEASE} s)"
        )
        ok = (
            ratio >= TARGET_RATIO
            and outbox["missing"] == outbox["duplicates"] == 0
            and killed["missing"] == 0
            and killed["same_id"] == killed["duplicates"]
        )
        print("targets met" if ok else "TARGETS MISSED")
    finally:
        sink.stop()


def recreate_database(url):
    import psycopg2

    parts = urlsplit(url)
    name = parts.path[1:]
    connection = psycopg2.connect(
        dbname="postgres",
        user=parts.username,
        password=parts.password,
        host=parts.hostname,
        port=parts.port or 5432,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def make_reminders(count):
    """COUNT confirmed participants of one upcoming virtual workshop, each with a 7-day
    reminder due now; any earlier rows go (participants stay, a run reuses them)."""
    import datetime as dt

    from django.utils import timezone

    from notifications.choices import NotificationKind
    from notifications.models import Notification
    from participants.choices import RegistrationStatus
    from participants.models import Participant, Registration
    from workshops.choices import DeliveryMode, WorkshopKind, WorkshopStatus
    from workshops.models import Session, Workshop
    from workshops.services import set_workshop_days

    Notification.objects.all().delete()
    workshop, created = Workshop.objects.get_or_create(
        slug="bench-workshop",
        defaults={
            "title": "Regional Workshop on Document Fraud",
            "kind": WorkshopKind.WORKSHOP,
            "status": WorkshopStatus.SCHEDULED,
            "delivery_mode": DeliveryMode.VIRTUAL,
            "platform": "Zoom",
            "joining_url": "https://zoom.example/j/123456",
            "timezone": "Asia/Jakarta",
            "summary": "A workshop for front-line officials.",
        },
    )
    if created:
        first = timezone.localdate() + dt.timedelta(days=30)
        days = set_workshop_days(workshop=workshop, dates=[first, first + dt.timedelta(days=2)])
        for number, day in enumerate(days):
            for hour in (9, 11, 14):
                Session.objects.create(
                    workshop=workshop,
                    day=day,
                    title=f"Session {number + 1}.{hour}",
                    start_time=dt.time(hour),
                    end_time=dt.time(hour + 1, 30),
                )
        languages = ["en", "id", "ms", "vi", "th"]
        participants = Participant.objects.bulk_create(
            Participant(
                given_name="Bench",
                family_name=f"Participant {n:05d}",
                email=f"bench{n:05d}@agency.example",
                preferred_language=languages[n % 5],
                has_consented_to_contact=True,
            )
            for n in range(count)
        )
        Registration.objects.bulk_create(
            Registration(workshop=workshop, participant=p, status=RegistrationStatus.CONFIRMED)
            for p in participants
        )
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            kind=NotificationKind.REMINDER,
            registration=registration,
            offset_days=7,
            recipient=registration.participant.email,
            language=registration.participant.preferred_language,
            due_at=now,
        )
        for registration in Registration.objects.filter(workshop=workshop).select_related(
            "participant"
        )
    )


def run_baseline(env, sink, count):
    sink.received.clear()
    result = subprocess.run(
        [sys.executable, "-c", BASELINE],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BASELINE"))
    sent, elapsed = int(line.split()[1]), float(line.split()[2])
    if not sent == count == len(sink):
        raise RuntimeError(f"baseline sent {sent} of {count}; the sink has {len(sink)}")
    return sent / elapsed


def run_worker(env, sink, queue, args, *, kill):
    from notifications.choices import NotificationState
    from notifications.models import Notification
    from notifications.tasks import task_send_due_notifications
    from tests.notifications.worker import CeleryWorker, wait_for

    sink.received.clear()
    expected = set(Notification.objects.values_list("message_id", flat=True))

    def start():
        return CeleryWorker(queue=queue, env=env, concurrency=args.workers).start()

    def sweep():
        # One sweep per process: each claims its own batches (SKIP LOCKED).
        for _ in range(args.workers):
            task_send_due_notifications.delay()

    worker = start()
    result = {}
    try:
        started = time.perf_counter()
        sweep()
        if kill:
            wait_for(lambda: len(sink) >= args.count // 3, timeout=600)
            worker.kill()
            result["killed_at"] = len(sink)
            result["in_flight"] = Notification.objects.filter(
                state=NotificationState.SENDING
            ).count()
            worker = start()
            time.sleep(LEASE + 1)
            sweep()  # the next beat tick
        done = wait_for(
            lambda: not Notification.objects.exclude(state=NotificationState.SENT).exists(),
            timeout=900,
            interval=0.02,
        )
        elapsed = time.perf_counter() - started
        if not done:
            raise RuntimeError("not every email was sent")
        wait_for(lambda: len(sink) >= len(expected), timeout=10)
    finally:
        worker.stop()
    received = sink.message_ids()
    duplicates = len(received) - len(set(received))
    result.update(
        rate=len(expected) / elapsed,
        elapsed=elapsed,
        missing=len(expected - set(received)),
        duplicates=duplicates,
        # Every email at the sink carries the Message-ID of an outbox row, so a duplicate
        # repeats its row's; an ID of no row would mean a second row for one email.
        same_id=duplicates if set(received) <= expected else -1,
    )
    return result


if __name__ == "__main__":
    main()

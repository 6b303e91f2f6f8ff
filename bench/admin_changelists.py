"""Benchmark of the admin's changelists at size: registrations, participants,
attendance, workshops and the outbox's emails, each as staff open it, filter it and
search it, on PostgreSQL.

    .venv/bin/python bench/admin_changelists.py [--participants 100000] [--reuse-db]

Loads the rows of bench/reports.py (N participants, 3·N registrations, up to 10·N
attendance marks; --reuse-db keeps those already loaded, by either script) and one
email per registration not withdrawn (sent, or pending, or failed), in bulk, printing
the time. Then times each page in-process with Django's test client (the whole
middleware stack, no network), median of --runs, beside a 20-row page served the
same way: the ratio is that page's time over the page's. (bench/reports.py measures
the pages as issue 14 asks, through gunicorn and wrk; this one finds what to fix.)
Counts SQL statements per page, and prints the slowest statement of each.

The admin's index page comes first: the admin's own cost (its base template, menus,
context processors) with almost no data, the most any admin page can reach.

Needs PostgreSQL: BENCH_REPORTS_DB (default postgres://postgres@127.0.0.1:5432/rso_r).
"""

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path
from django.utils import timezone

# Sets up Django on BENCH_REPORTS_DB (before any model is imported) and serves the
# portal with the 20-row page.
from bench import reports
from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification, new_message_id
from participants.choices import RegistrationStatus
from participants.models import Attendance, Participant, Registration
from rso_portal import urls as portal_urls
from workshops.models import Workshop

STATES = [NotificationState.SENT] * 8 + [NotificationState.PENDING, NotificationState.FAILED]

PAGES = {
    "admin index (the floor)": "/admin/",
    "registrations": "/admin/participants/registration/",
    "registrations, filtered by status": "/admin/participants/registration/?status__exact=attended",
    "registrations, filtered by year": "/admin/participants/registration/?year=2023",
    "registrations, searched by name": "/admin/participants/registration/?q=Given4242",
    "registrations, searched by email": "/admin/participants/registration/?q=bench777%40",
    "participants": "/admin/participants/participant/",
    "participants, filtered by state": "/admin/participants/participant/?member_state__id__exact=1",
    "participants, searched by name": "/admin/participants/participant/?q=Family4242",
    "participants, searched by email": "/admin/participants/participant/?q=bench777%40",
    "attendance": "/admin/participants/attendance/",
    "attendance, filtered by mark": "/admin/participants/attendance/?mark__exact=late",
    "attendance, filtered by year": "/admin/participants/attendance/?year=2023",
    "attendance, searched by name": "/admin/participants/attendance/?q=Family4242",
    "workshops": "/admin/workshops/workshop/",
    "workshops, searched": "/admin/workshops/workshop/?q=workshop+42",
    "emails": "/admin/notifications/notification/",
    "emails, filtered by state": "/admin/notifications/notification/?state__exact=failed",
    "emails, of one workshop": (
        "/admin/notifications/notification/?registration__workshop__id__exact="
    ),
}


def load_emails():
    """One email per registration not withdrawn: a confirmation, mostly sent."""
    started = time.perf_counter()
    now = timezone.now()
    registrations = Registration.objects.exclude(status=RegistrationStatus.WITHDRAWN)
    keys = list(registrations.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(keys), reports.BATCH):
        emails = []
        for n, pk in enumerate(keys[start : start + reports.BATCH], start=start):
            state = STATES[n % len(STATES)]
            emails.append(
                Notification(
                    kind=NotificationKind.CONFIRMATION,
                    registration_id=pk,
                    recipient=f"bench{n}@example.invalid",
                    due_at=now - dt.timedelta(minutes=n),
                    state=state,
                    attempts=0 if state == NotificationState.PENDING else 1,
                    last_error="550 mailbox unavailable"
                    if state == NotificationState.FAILED
                    else "",
                    sent_at=now if state == NotificationState.SENT else None,
                    message_id=new_message_id(),
                )
            )
        Notification.objects.bulk_create(emails)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE notifications_notification")
    print(f"  {len(keys):,} emails loaded in {time.perf_counter() - started:.1f} s")


def slowest(client, url):
    """The page's statements, and the slowest one's time and start."""
    statements = []

    def timed_statement(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append((time.perf_counter() - started, sql))

    with connection.execute_wrapper(timed_statement):
        client.get(url)
    seconds, sql = max(statements)
    return seconds, " ".join(sql.split())[:70]


def twenty_rows(request):
    titles = list(Workshop.objects.order_by("pk").values_list("title", flat=True)[:20])
    return HttpResponse("<ul>" + "".join(f"<li>{t}</li>" for t in titles) + "</ul>")


# The portal's URLs with the 20-row page beside them (i18n_patterns cannot be included).
urlpatterns = [path("bench/twenty/", twenty_rows), *portal_urls.urlpatterns]


def timed(client, url, runs):
    """(median seconds of `runs` requests of `url`, SQL statements of one)."""
    statements = reports.statements(client, url)  # a warm-up, then one counted
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return statistics.median(times), statements


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--reuse-db", action="store_true", help="keep the loaded rows")
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    if not (args.reuse_db and Participant.objects.filter(email__startswith="bench").exists()):
        call_command("flush", interactive=False, verbosity=0)
        print(f"Loading {args.participants:,} participants…")
        reports.load(args.participants)
    if not Notification.objects.exists():
        load_emails()
    print(
        f"{Participant.objects.count():,} participants, {Registration.objects.count():,} "
        f"registrations, {Attendance.objects.count():,} attendance marks, "
        f"{Notification.objects.count():,} emails"
    )
    user = get_user_model().objects.create_superuser(
        f"bench{time.time_ns()}", "bench@example.invalid", None
    )
    client = Client()
    client.force_login(user)
    workshop = Notification.objects.values_list("registration__workshop", flat=True).first()
    pages = {
        name: url + (str(workshop) if url.endswith("=") else "") for name, url in PAGES.items()
    }
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(ROOT_URLCONF=__name__, STORAGES=storages):
        rows = []
        for name, url in pages.items():
            baseline, _ = timed(client, "/bench/twenty/", args.runs)
            seconds, queries = timed(client, url, args.runs)
            rows.append((name, seconds, queries, baseline, *slowest(client, url)))
    print(f"\n{'page':36} {'median ms':>10} {'queries':>8} {'20 rows ms':>11} {'ratio':>7}")
    for name, seconds, queries, baseline, *_ in rows:
        print(
            f"{name:36} {seconds * 1000:10.1f} {queries:8} {baseline * 1000:11.1f} "
            f"{baseline / seconds:7.3f}"
        )
    print("(target: ratio ≥ 0.1, a constant number of queries)")
    print(f"\n{'page':36} {'slowest statement':>18}")
    for name, *_, statement_seconds, sql in rows:
        print(f"{name:36} {statement_seconds * 1000:15.1f} ms  {sql}")
    print(f"\nmedian ratio: {statistics.median(row[3] / row[1] for row in rows[1:]):.3f}")


if __name__ == "__main__":
    main()

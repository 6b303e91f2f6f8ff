"""Benchmark of the staff pages at size: the reports page (one year, all time), the
participants and registrations changelists (filtered, searched) and the nomination-
sheet preview, on PostgreSQL.

    .venv/bin/python bench/reports.py [--participants 100000] [--reuse-db]

Loads N participants, 3·N registrations and up to 10·N attendance marks in bulk
(printing the time), then times each page in-process with Django's test client (the
whole middleware stack, no network), median of --runs, beside a 20-row page served
the same way from one query: the ratio is that page's time over the page's. Counts
SQL statements per page. The preview of a 5,000-row sheet is timed against openpyxl
alone reading the same file in read-only mode.

Unlike bench/public_pages.py this does not go through gunicorn and wrk: the staff
pages need a login, and the question here is the database's share.

Needs PostgreSQL: BENCH_REPORTS_DB (default postgres://postgres@127.0.0.1:5432/rso_r).
"""

import argparse
import datetime as dt
import io
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update(
    DJANGO_SETTINGS_MODULE="rso_portal.settings",
    DATABASE_URL=os.environ.get("BENCH_REPORTS_DB", "postgres://postgres@127.0.0.1:5432/rso_r"),
    CACHE_URL="dummycache://",
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
    DEBUG="false",
    SECURE_SSL_REDIRECT="false",
    ALLOWED_HOSTS="testserver",
    LOG_LEVEL="WARNING",
)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

from participants.models import Attendance, Participant, Registration  # noqa: E402
from participants.sheets import guess_mapping, preview_rows, read_sheet  # noqa: E402
from rso_portal import urls as portal_urls  # noqa: E402
from workshops.models import (  # noqa: E402
    MemberState,
    Organisation,
    ThematicArea,
    Workshop,
    WorkshopDay,
)

BATCH = 5000
MARKS = ["present", "present", "present", "late", "absent"]


def twenty_rows(request):
    titles = list(Workshop.objects.order_by("pk").values_list("title", flat=True)[:20])
    return HttpResponse("<ul>" + "".join(f"<li>{t}</li>" for t in titles) + "</ul>")


# The portal's URLs with the 20-row page beside them (i18n_patterns cannot be included).
urlpatterns = [path("bench/twenty/", twenty_rows), *portal_urls.urlpatterns]


def load(participants):
    rng = random.Random(14)  # noqa: S311 - reproducible data, not secrets
    started = time.perf_counter()
    states = MemberState.objects.bulk_create(
        MemberState(name=f"Bench state {n}", kind="member") for n in range(12)
    )
    agencies = Organisation.objects.bulk_create(
        Organisation(
            name=f"Bench agency {n}", kind="government_agency", member_state=states[n % 12]
        )
        for n in range(60)
    )
    areas = ThematicArea.objects.bulk_create(
        ThematicArea(name=f"Bench area {n}", slug=f"bench-area-{n}") for n in range(6)
    )
    count = max(participants // 33, 10)
    workshops = Workshop.objects.bulk_create(
        Workshop(
            title=f"Bench workshop {n}",
            slug=f"bench-workshop-{n}",
            kind=rng.choice(["workshop", "course", "forum", "dialogue"]),
            status="delivered",
            delivery_mode=rng.choice(["virtual", "in_person", "hybrid"]),
            timezone="Asia/Bangkok",
            starts_on=dt.date(2019, 1, 1) + dt.timedelta(days=n * 2190 // count),
            ends_on=dt.date(2019, 1, 4) + dt.timedelta(days=n * 2190 // count),
        )
        for n in range(count)
    )
    Workshop.thematic_areas.through.objects.bulk_create(
        Workshop.thematic_areas.through(workshop=w, thematicarea=areas[n % 6])
        for n, w in enumerate(workshops)
    )
    days = WorkshopDay.objects.bulk_create(
        WorkshopDay(workshop=w, held_on=w.starts_on + dt.timedelta(days=d))
        for w in workshops
        for d in range(4)
    )
    days_of = {}
    for day in days:
        days_of.setdefault(day.workshop_id, []).append(day)
    for start in range(0, participants, BATCH):
        Participant.objects.bulk_create(
            Participant(
                given_name=f"Given{n}",
                family_name=f"Family{n}",
                email=f"bench{n}@example.invalid",
                agency=agencies[n % 60],
                member_state=agencies[n % 60].member_state,
                gender=rng.choice(["female", "male", "undisclosed"]),
            )
            for n in range(start, min(start + BATCH, participants))
        )
    people = list(
        Participant.objects.filter(email__startswith="bench").values_list("pk", flat=True)
    )
    print(f"  reference data, workshops, participants: {time.perf_counter() - started:.1f} s")
    marks_left = 10 * participants
    for start in range(0, len(people), BATCH):
        registrations = Registration.objects.bulk_create(
            Registration(
                participant_id=pk,
                workshop=workshops[(n * 7 + k * (count // 3)) % count],
                status=rng.choice(["confirmed", "attended", "completed", "withdrawn"]),
            )
            for n, pk in enumerate(people[start : start + BATCH], start=start)
            for k in range(3)
        )
        marks = []
        for registration in registrations:
            for day in days_of[registration.workshop.pk][: min(4, marks_left)]:
                marks.append(Attendance(registration=registration, day=day, mark=rng.choice(MARKS)))
                marks_left -= 1
        Attendance.objects.bulk_create(marks, batch_size=BATCH)
    # VACUUM too, as autovacuum would have on a live database: it marks the pages
    # all-visible, which lets the reports read registrations from an index alone.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"  loaded in {time.perf_counter() - started:.1f} s")


def timed(client, url, runs):
    client.get(url)  # warm-up
    statements = []

    def count(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - started)
    return statistics.median(times), len(statements)


def sheet_preview(rows):
    workbook = Workbook()
    workbook.active.append(["Full name", "E-mail address", "Rank/Position", "Agency"])
    for n in range(rows):
        workbook.active.append(
            [f"Sheet Person {n}", f"sheet{n}@example.invalid", "Officer", "Bench agency 1"]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()

    started = time.perf_counter()
    book = load_workbook(io.BytesIO(content), read_only=True)
    for _ in book.active.iter_rows(values_only=True):
        pass
    book.close()
    alone = time.perf_counter() - started

    started = time.perf_counter()
    sheet = read_sheet(name="n.xlsx", content=content)
    preview_rows(
        workshop=Workshop.objects.first(), sheet=sheet, mapping=guess_mapping(headers=sheet.headers)
    )
    ours = time.perf_counter() - started
    return alone, ours


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
        load(args.participants)
    print(
        f"{Participant.objects.count():,} participants, {Registration.objects.count():,} "
        f"registrations, {Attendance.objects.count():,} attendance marks"
    )
    user = get_user_model().objects.create_superuser(
        f"bench{time.time_ns()}", "bench@example.invalid", None
    )
    client = Client()
    client.force_login(user)
    pages = {
        # The admin's own cost (base template, menus) with almost no data: the most
        # any admin page can reach.
        "admin index (the floor)": "/admin/",
        "reports, one year": "/admin/reports/report/?start=2023-01-01&end=2023-12-31",
        "reports, all time": "/admin/reports/report/?start=2000-01-01&end=2100-12-31",
        "participants, searched by name": "/admin/participants/participant/?q=Family4242",
        "participants, searched by email": "/admin/participants/participant/?q=bench777%40",
        "registrations, filtered": "/admin/participants/registration/?status__exact=attended",
        "registrations, searched": "/admin/participants/registration/?q=Given4242",
    }
    # Plain static storage: the manifest exists only after collectstatic.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(ROOT_URLCONF=__name__, STORAGES=storages):
        rows = []
        for name, url in pages.items():
            baseline, _ = timed(client, "/bench/twenty/", args.runs)
            seconds, queries = timed(client, url, args.runs)
            rows.append((name, seconds, queries, baseline))
    print(f"\n{'page':34} {'median ms':>10} {'queries':>8} {'20 rows ms':>11} {'ratio':>7}")
    for name, seconds, queries, baseline in rows:
        print(
            f"{name:34} {seconds * 1000:10.1f} {queries:8} {baseline * 1000:11.1f} "
            f"{baseline / seconds:7.3f}"
        )
    print("(target: ratio ≥ 0.1, a constant number of queries)")
    alone, ours = sheet_preview(5000)
    print(
        f"\n5,000-row sheet: openpyxl alone {alone * 1000:.0f} ms, read and preview "
        f"{ours * 1000:.0f} ms, {ours / alone:.2f}× (target ≤ 3×)"
    )


if __name__ == "__main__":
    main()

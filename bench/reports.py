"""Benchmark of the staff pages at size: the reports page (one year, all time), the
participants and registrations changelists (filtered, searched) and the nomination-
sheet preview, on PostgreSQL.

    .venv/bin/python bench/reports.py [--participants 100000] [--reuse-db]
                                      [--duration 4] [--rounds 3]

Loads N participants, 3·N registrations and up to 10·N attendance marks in bulk
(printing the time). Then, as issue 14 asks, each page is served by gunicorn with
Redis as the cache and loaded by wrk with a staff session, each against the bare
20-row Django page of bench/public_pages.py measured right after it, in --rounds
rounds: the ratio is the page's requests per second over the bare page's, the
median of the rounds (their range printed beside it). SQL statements per page are
counted in-process with the test client. The reports are stored once computed
(reports.queries.cached_period_report), so wrk measures them as staff read them
again; the time to compute each (what the first reading after a change costs) is
printed beside. The preview of a 5,000-row sheet is timed against openpyxl alone
reading the same file in read-only mode.

Needs PostgreSQL (BENCH_REPORTS_DB, default postgres://postgres@127.0.0.1:5432/rso_r;
the bare page's database is made beside it), Redis (REDIS_URL, default db 3), wrk.
"""

import argparse
import datetime as dt
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.update(
    DJANGO_SETTINGS_MODULE="rso_portal.settings",
    DATABASE_URL=os.environ.get("BENCH_REPORTS_DB", "postgres://postgres@127.0.0.1:5432/rso_r"),
    REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"),
    SECRET_KEY=os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
    DEBUG="false",
    SECURE_SSL_REDIRECT="false",
    ALLOWED_HOSTS="127.0.0.1,testserver",
    LOG_LEVEL="WARNING",
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from openpyxl import Workbook, load_workbook  # noqa: E402

from bench.public_pages import (  # noqa: E402
    BARE_DB,
    BARE_PORT,
    PORTAL_PORT,
    gunicorn,
    load_bare,
    pg_url,
    portal_env,
    recreate_database,
    run,
    wrk,
)
from participants.models import Attendance, Participant, Registration  # noqa: E402
from participants.sheets import guess_mapping, preview_rows, read_sheet  # noqa: E402
from reports.queries import period_report  # noqa: E402
from workshops.models import (  # noqa: E402
    MemberState,
    Organisation,
    ThematicArea,
    Workshop,
    WorkshopDay,
)

BATCH = 5000
MARKS = ["present", "present", "present", "late", "absent"]


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


def statements(client, url):
    """SQL statements of one request of `url`, after a first one (which stores what
    it caches)."""
    client.get(url)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return len(executed)


def answers_as_staff(url, session):
    """wrk counts a redirect as an answer: make sure the session is let in."""
    request = urllib.request.Request(url, headers={"Cookie": session})
    opener = urllib.request.build_opener(NoRedirect)
    with opener.open(request, timeout=30) as response:
        if response.status != 200:
            raise SystemExit(f"{url} answered {response.status} to the staff session")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def time_to_compute(start, end):
    started = time.perf_counter()
    period_report(start=start, end=end)
    return time.perf_counter() - started


def bare_database(pg, env):
    """The bare project's database of bench/public_pages.py, made anew."""
    bare_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.bare.settings",
        "DATABASE_URL": pg_url(pg, BARE_DB),
    }
    recreate_database(pg, BARE_DB)
    load_bare(bare_env)
    return bare_env


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
    parser.add_argument(
        "--duration", type=int, default=4, help="seconds per page and round (wrk -d)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of (page, bare page) per page"
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--reuse-db", action="store_true", help="keep the loaded rows")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (apt-get install wrk)")

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
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
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
    computed = {
        "reports, one year": time_to_compute(dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        "reports, all time": time_to_compute(dt.date(2000, 1, 1), dt.date(2100, 12, 31)),
    }
    # In-process, plain static storage: the manifest exists only after collectstatic.
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        sql = {name: statements(client, url) for name, url in pages.items()}

    pg = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
    tmp = Path(tempfile.mkdtemp(prefix="rso-bench-reports-"))
    env = portal_env(
        pg,
        tmp / "static",
        DATABASE_URL=os.environ["DATABASE_URL"],
        REDIS_URL=os.environ["REDIS_URL"],
        SECRET_KEY=settings.SECRET_KEY,
    )
    run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    bare_env = bare_database(pg, env)
    load_options = {"duration": args.duration, "connections": args.connections, "threads": 2}
    rows = {}
    with (
        gunicorn("bench.bare.wsgi:application", BARE_PORT, bare_env),
        gunicorn("rso_portal.wsgi:application", PORTAL_PORT, env),
    ):
        for name, url in pages.items():
            answers_as_staff(f"http://127.0.0.1:{PORTAL_PORT}{url}", session)
            rounds = []
            for _ in range(args.rounds):
                page = wrk(
                    f"http://127.0.0.1:{PORTAL_PORT}{url}",
                    **load_options,
                    headers=[f"Cookie: {session}"],
                )
                if page["errors"]:
                    sys.exit(f"{name}: {page['errors']} answers were not 2xx")
                bare = wrk(f"http://127.0.0.1:{BARE_PORT}/items/", **load_options)
                rounds.append((page, bare))
            rows[name] = rounds
    shutil.rmtree(tmp, ignore_errors=True)

    # Each round's ratio is to the bare page measured right after it, and the median
    # of the rounds is reported: the bare page alone moved by a third between runs
    # on this kind of machine.
    print(
        f"\n{'page':34} {'req/s':>7} {'p50 ms':>7} {'SQL':>4} {'bare req/s':>11} {'ratio':>6}"
        f" {'(rounds)':>13}  computed in"
    )
    failures = 0
    for name, rounds in rows.items():
        ratios = sorted(page["rps"] / bare["rps"] for page, bare in rounds)
        ratio = statistics.median(ratios)
        page_rps = statistics.median(page["rps"] for page, _bare in rounds)
        p50 = statistics.median(page["p50"] for page, _bare in rounds)
        bare_rps = statistics.median(bare["rps"] for _page, bare in rounds)
        floor = name.startswith("admin index")
        failures += not floor and ratio < 0.1
        extra = f"{computed[name] * 1000:.0f} ms" if name in computed else ""
        spread = f"{ratios[0]:.3f}-{ratios[-1]:.3f}"
        print(
            f"{name:34} {page_rps:7.0f} {p50:7.1f} {sql[name]:4} {bare_rps:11.0f} "
            f"{ratio:6.3f} {spread:>13}  {extra}"
        )
    print("(target: ratio ≥ 0.1, the median of the rounds; a constant number of queries)")
    alone, ours = sheet_preview(5000)
    print(
        f"\n5,000-row sheet: openpyxl alone {alone * 1000:.0f} ms, read and preview "
        f"{ours * 1000:.0f} ms, {ours / alone:.2f}× (target ≤ 3×)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

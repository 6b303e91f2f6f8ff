"""Benchmark of the public pages against a bare Django page, measured in the same run.

    .venv/bin/python bench/public_pages.py [--duration 10] [--reuse-db]

Serves the portal with gunicorn (2 sync workers, production settings, PostgreSQL,
demo data plus `load_demo --synthetic 1000`) and a bare Django project that renders
a 20-row template from one query; loads each with wrk (fixed connections and
duration, after a warm-up) and prints req/s, p50/p99 latency and SQL statements per
request, and each page's ratio to the bare page, measured again right after each page
(the machine's speed drifts within a run). First with the page cache off
(PAGE_CACHE_ENABLED=false; the cached figures and year lists still work, as on a
page-cache miss), then with the page cache on (Redis), every cacheable page against a
bare plain-text response. The news search runs over the 2,000 synthetic articles.

Needs: PostgreSQL (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432), Redis
(REDIS_URL, default redis://127.0.0.1:6379/3) and wrk (apt-get install wrk).
Everything runs on loopback and stops by itself.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
PORTAL_PORT, BARE_PORT = 8101, 8102
PORTAL_DB, BARE_DB = "rso_bench", "rso_bench_bare"

# Targets (issue 9): uncached, every page at least this ratio to the bare 20-row
# page with at most this many statements, the news search at least its own ratio;
# with the page cache, every cached page at least this ratio to the bare text.
UNCACHED_TARGET = (0.15, 8)
SEARCH_TARGET = 0.1
CACHED_TARGET = 0.5

PAGE_PROBE = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from publications.models import NewsArticle
from workshops.models import Workshop

article = NewsArticle.objects.published().order_by("-published_at").first()
event = (
    Workshop.objects.public().filter(title__startswith="Synthetic workshop")
    .order_by("-starts_on").first()
)
pages = {
    "home": "/",
    "news listing": "/news/",
    "article": article.get_absolute_url(),
    "events listing": "/events/",
    "event": event.get_absolute_url(),
    "event .ics": f"/events/{event.slug}.ics",
    "news search": "/news/?q=synthetic+article",
}
client = Client(HTTP_HOST="127.0.0.1")
out = {"event_sessions": event.sessions.count(), "event_days": event.days.count(), "pages": {}}
for name, path in pages.items():
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    out["pages"][name] = {"path": path, "status": status, "sql": len(queries)}
print("PROBE" + json.dumps(out))
"""


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def pg_url(base, db):
    return f"{base.rstrip('/')}/{db}"


def recreate_database(base_url, name):
    admin = pg_url(base_url, "postgres")
    for sql in (f"DROP DATABASE IF EXISTS {name}", f"CREATE DATABASE {name}"):
        subprocess.run(["psql", admin, "-q", "-c", sql], check=True)


def portal_env(base_url, static_root, **extra):
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "rso_portal.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": pg_url(base_url, PORTAL_DB),
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(static_root.parent / "media"),
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "LOG_LEVEL": "WARNING",
    }
    env.update(extra)
    return env


@contextmanager
def gunicorn(app, port, env, chdir=ROOT):
    cmd = [
        PY,
        "-m",
        "gunicorn",
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--log-level",
        "warning",
        "--chdir",
        str(chdir),
    ]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except urllib.error.HTTPError:
                break  # it answers; a 404 at / is fine for the bare project
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError(f"gunicorn {app} did not start on port {port}") from None
                time.sleep(0.3)
        yield
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def wrk(url, duration, connections, threads, headers=()):
    base = ["wrk", f"-t{threads}", f"-c{connections}", "--latency"]
    base += [arg for header in headers for arg in ("-H", header)]
    subprocess.run([*base, "-d2s", url], check=True, capture_output=True)  # warm-up
    out = subprocess.run([*base, f"-d{duration}s", url], check=True, capture_output=True, text=True)
    text = out.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    latency = {}
    for pct in ("50", "99"):
        value, unit = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s)", text).groups()
        latency[pct] = float(value) * UNITS[unit]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return {
        "rps": rps,
        "p50": latency["50"],
        "p99": latency["99"],
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


def print_table(title, rows, baseline_name):
    """Each row's ratio is to its own baseline, measured right after it: this kind of
    machine drifts by a quarter within a run, so a single baseline measured at the
    start can make a page look faster or slower than it is."""
    print(f"\n{title}")
    print(
        f"{'page':<16} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'SQL':>4} "
        f"{baseline_name + ' req/s':>17} {'ratio':>6}  path"
    )
    for name, r in rows.items():
        sql = "" if r.get("sql") is None else str(r["sql"])
        r["ratio"] = r["rps"] / r["baseline"]["rps"]
        flag = f"  ({r['errors']} non-2xx!)" if r["errors"] else ""
        print(
            f"{name:<16} {r['rps']:>9.0f} {r['p50']:>8.2f} {r['p99']:>8.2f} {sql:>4} "
            f"{r['baseline']['rps']:>17.0f} {r['ratio']:>6.2f}  {r['path']}{flag}"
        )


def load_bare(bare_env):
    """The bare project's tables and its 200 items, in its (empty) database."""
    run([PY, "-m", "django", "migrate", "--run-syncdb", "-v0"], bare_env)
    run(
        [
            PY,
            "-c",
            "import django, datetime as dt; django.setup(); "
            "from bench.bare.models import Item; Item.objects.bulk_create("
            "Item(title=f'Item {n}', published_on=dt.date(2024, 1, 1) + dt.timedelta(days=n))"
            " for n in range(200))",
        ],
        bare_env,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (wrk -d)")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--synthetic", type=int, default=1000)
    parser.add_argument("--reuse-db", action="store_true", help="keep the loaded databases")
    args = parser.parse_args()

    for tool in ("wrk", "psql"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (apt-get install {tool})")
    pg = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3")
    tmp = Path(tempfile.mkdtemp(prefix="rso-bench-"))
    env = portal_env(pg, tmp / "static")

    if not args.reuse_db:
        recreate_database(pg, PORTAL_DB)
        recreate_database(pg, BARE_DB)
        run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
        started = time.monotonic()
        run([PY, "manage.py", "load_demo"], env, stdout=subprocess.DEVNULL)
        run(
            [PY, "manage.py", "load_demo", "--synthetic", str(args.synthetic)],
            env,
            stdout=subprocess.DEVNULL,
        )
        print(f"demo data + --synthetic {args.synthetic}: {time.monotonic() - started:.1f} s")
    run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)

    bare_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "bench.bare.settings",
        "DATABASE_URL": pg_url(pg, BARE_DB),
    }
    if not args.reuse_db:
        load_bare(bare_env)

    # Planner statistics and visibility maps, as a server's autovacuum keeps them (it
    # is off on some machines): without them PostgreSQL plans the bulk-loaded tables
    # blind.
    for db in (PORTAL_DB, BARE_DB):
        subprocess.run(["psql", pg_url(pg, db), "-q", "-c", "VACUUM ANALYZE"], check=True)

    # Pages rendered on every request, as on a page-cache miss: the page cache is off,
    # the smaller cached reads it keys on (figures, years) work as in production.
    uncached_env = {**env, "REDIS_URL": redis_url, "PAGE_CACHE_ENABLED": "false"}
    probe = subprocess.run(
        [PY, "manage.py", "shell", "-c", PAGE_PROBE],
        cwd=ROOT,
        env=uncached_env,
        check=True,
        capture_output=True,
        text=True,
    )
    info = json.loads(probe.stdout.split("PROBE", 1)[1])
    pages = info["pages"]
    print(f"event measured: {info['event_days']} days, {info['event_sessions']} sessions")
    bad = {n: p["status"] for n, p in pages.items() if p["status"] != 200}
    if bad:
        sys.exit(f"pages not answering 200: {bad}")

    load = {"duration": args.duration, "connections": args.connections, "threads": args.threads}
    bare_page = f"http://127.0.0.1:{BARE_PORT}/items/"
    bare_text = f"http://127.0.0.1:{BARE_PORT}/plain"
    uncached, cached = {}, {}
    # The search is never stored (every visitor types another one).
    cacheable = [name for name in pages if name != "news search"]
    # Both servers stay up; each page is measured, then its baseline right after.
    with gunicorn("bench.bare.wsgi:application", BARE_PORT, bare_env):
        with gunicorn("rso_portal.wsgi:application", PORTAL_PORT, uncached_env):
            for name, page in pages.items():
                uncached[name] = {
                    **wrk(f"http://127.0.0.1:{PORTAL_PORT}{page['path']}", **load),
                    "path": page["path"],
                    "sql": page["sql"],
                    "baseline": wrk(bare_page, **load),
                }
        print_table(
            "Page cache off (PAGE_CACHE_ENABLED=false), ratio to the bare 20-row page (1 query)",
            uncached,
            "bare page",
        )

        cached_env = {**env, "REDIS_URL": redis_url}
        with gunicorn("rso_portal.wsgi:application", PORTAL_PORT, cached_env):
            for name in cacheable:
                path = pages[name]["path"]
                cached[name] = {
                    **wrk(f"http://127.0.0.1:{PORTAL_PORT}{path}", **load),
                    "path": path,
                    "baseline": wrk(bare_text, **load),
                }
        print_table(
            "Page cache on (Redis), ratio to the bare plain-text response", cached, "bare text"
        )

    print("\nTargets")
    failures = 0
    min_ratio, max_sql = UNCACHED_TARGET
    for name, r in uncached.items():
        target = SEARCH_TARGET if name == "news search" else min_ratio
        ok = r["ratio"] >= target and r["sql"] <= max_sql
        failures += not ok
        print(
            f"  {'PASS' if ok else 'FAIL'} uncached {name}: ratio {r['ratio']:.2f} >= {target}, "
            f"SQL {r['sql']} <= {max_sql}"
        )
    for name, r in cached.items():
        ok = r["ratio"] >= CACHED_TARGET
        failures += not ok
        print(
            f"  {'PASS' if ok else 'FAIL'} cached {name}: ratio {r['ratio']:.2f} >= {CACHED_TARGET}"
        )
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

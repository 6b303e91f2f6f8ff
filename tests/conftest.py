import datetime as dt
import os

import pytest
from django.utils import translation

from tests.factories.participants import RegistrationFactory
from tests.factories.workshops import (
    TrainerAssignmentFactory,
    UserFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)

# Which real services this run talks to. Tests that need one skip without it on a
# laptop; CI sets both and treats any skip as a failure (see pytest_sessionfinish).
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

requires_postgres = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://", "pgsql://")),
    reason="needs PostgreSQL: set DATABASE_URL=postgres://...",
)
requires_redis = pytest.mark.skipif(not REDIS_URL, reason="needs Redis: set REDIS_URL=redis://...")


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    # The manifest storage of production needs collectstatic first; tests render
    # templates straight from static/ instead. tests/test_static.py covers the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    from django.core.cache import cache

    from core.admin_site import forget_menus
    from core.cache import forget_content_generation, reset_cache_availability
    from public.cache import LOCAL_PAGES

    cache.clear()
    # What this process kept of the last test's pages and generation goes with it.
    LOCAL_PAGES.clear()
    forget_content_generation()
    forget_menus()
    # A test that broke the cache on purpose must not leave it skipped for the next.
    reset_cache_availability()


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"} and skipped:
        reporter.write_line(
            f"CI: {len(skipped)} test(s) skipped; in CI every test must run.", red=True
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    # LocaleMiddleware activates the page's language and leaves it active in the
    # test's thread: without this, a test after a /th/ request would run code outside
    # any request (a service, a task) in Thai.
    yield
    translation.deactivate()


# A trainer's workshop, for the tests of training/ and trainer/.
# The days of the two-day virtual workshop of the seeds: long past whenever tests run.
MONDAY = dt.date(2022, 7, 18)
WEDNESDAY = dt.date(2022, 7, 20)


@pytest.fixture
def trainer(db):
    return UserFactory(username="trainer", first_name="Tran", last_name="Ner")


@pytest.fixture
def workshop(trainer):
    workshop = WorkshopFactory(title="Virtual Training Workshop", slug="virtual-workshop")
    TrainerAssignmentFactory(workshop=workshop, trainer=trainer)
    return workshop


@pytest.fixture
def monday(workshop):
    return WorkshopDayFactory(workshop=workshop, held_on=MONDAY)


@pytest.fixture
def wednesday(workshop):
    return WorkshopDayFactory(workshop=workshop, held_on=WEDNESDAY)


@pytest.fixture
def make_roll(workshop):
    """n confirmed registrations of the workshop, by family name."""

    def make(n, **kwargs):
        return [
            RegistrationFactory(workshop=workshop, participant__family_name=f"P{i:03d}", **kwargs)
            for i in range(n)
        ]

    return make


class SilentServer:
    """A TCP server on loopback that accepts connections and never answers: a hung
    Redis, broker or mail server. `connections` counts the accepted ones."""

    def __init__(self):
        import socket
        import threading

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.port = self._socket.getsockname()[1]
        self.connections = 0
        self._held = []
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self.connections += 1
            self._held.append(connection)  # kept open, never read or written

    def close(self):
        self._socket.close()
        for connection in self._held:
            connection.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


@pytest.fixture
def closed_port():
    """A loopback port nothing listens on: a service that is down."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]

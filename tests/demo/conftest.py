import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# Hashing the two demo passwords with Argon2 costs more than half a second per load.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def run_load_demo(settings, tmp_path):
    """Run load_demo (with arguments) against this test's database and media directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = FAST_HASHERS
    return _load_demo


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The seed data, loaded once for a module of read-only tests; returns the output.

    The load runs in a transaction that is rolled back after the module, like Django's
    setUpTestData: each test's own transaction nests inside it as a savepoint. Loading
    through the services takes seconds, too long to repeat for every fact checked.
    """
    media_root = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media_root, PASSWORD_HASHERS=FAST_HASHERS),
        transaction.atomic(),
    ):
        yield _load_demo()
        transaction.set_rollback(True)

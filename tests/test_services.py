"""The real PostgreSQL and Redis that CI provides are the ones the portal uses."""

import pytest
from django.core.cache import cache, caches
from django.db import connection

from tests.conftest import requires_postgres, requires_redis


@requires_postgres
@pytest.mark.django_db
def test_database_is_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        (version,) = cursor.fetchone()

    assert connection.vendor == "postgresql"
    assert version.startswith("PostgreSQL ")


@requires_redis
def test_cache_is_redis_and_round_trips():
    cache.set("rso:probe", {"n": 1}, timeout=30)

    assert type(caches["default"]).__name__ == "RedisCache"
    assert cache.get("rso:probe") == {"n": 1}

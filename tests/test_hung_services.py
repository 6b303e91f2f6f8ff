"""A cache or broker that is down or hung costs a bounded wait, never a 500 or a hang."""

import json
import time

import pytest
from django.core.cache import caches

from core.cache import reset_cache_availability
from rso_portal.celery import app as celery_app
from tests.factories.workshops import MemberStateFactory
from tests.public.builders import contact_form_data
from workshops.models import TrainingRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache_at(settings):
    def use(port):
        settings.CACHES = {
            "default": {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{port}/0",
                "OPTIONS": settings.REDIS_CACHE_OPTIONS,
            }
        }
        caches["default"]  # the handler was reset by the setting change

    yield use
    reset_cache_availability()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Overrides the suite's cache.clear(): the cache here is the dead one."""
    reset_cache_availability()


def test_public_page_with_a_hung_cache_answers_and_then_skips_the_cache(
    client, redis_cache_at, silent_server, caplog
):
    redis_cache_at(silent_server.port)

    started = time.monotonic()
    first = client.get("/news/")
    first_seconds = time.monotonic() - started
    connections = silent_server.connections
    second = client.get("/events/")

    assert (first.status_code, second.status_code) == (200, 200)
    assert first_seconds < 5  # one socket timeout or two, not the system's minutes
    assert silent_server.connections == connections  # the second page never asked
    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1  # one line for the event, no traceback
    assert warnings[0].exc_info is None


def test_contact_form_with_the_cache_down_stores_the_request(client, redis_cache_at, closed_port):
    redis_cache_at(closed_port)
    data = contact_form_data(MemberStateFactory())

    response = client.post("/contact/", data)

    assert response.status_code == 302
    assert TrainingRequest.objects.count() == 1


def test_healthz_with_a_hung_broker_is_503_in_bounded_time(
    client, settings, monkeypatch, silent_server
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    monkeypatch.setitem(celery_app.conf, "broker_url", f"redis://127.0.0.1:{silent_server.port}/0")

    started = time.monotonic()
    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["checks"]["broker"] is False
    assert time.monotonic() - started < 5


def test_reports_page_with_the_cache_down_computes_and_answers(client, redis_cache_at, closed_port):
    from tests.factories.workshops import StaffFactory

    redis_cache_at(closed_port)
    client.force_login(StaffFactory())

    response = client.get("/admin/reports/report/", {"start": "2022-01-01", "end": "2022-12-31"})

    assert response.status_code == 200
    assert b"people trained" in response.content

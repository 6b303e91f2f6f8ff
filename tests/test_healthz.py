import json

import pytest
from django.db import OperationalError, connection

from rso_portal.celery import app as celery_app
from tests.conftest import REDIS_URL, requires_redis


@pytest.fixture
def broker(settings, monkeypatch):
    """Make the broker a dependency and point Celery at the given URL."""

    def use(url):
        settings.CELERY_TASK_ALWAYS_EAGER = False
        monkeypatch.setitem(celery_app.conf, "broker_url", url)

    return use


@pytest.mark.django_db
def test_healthz_in_eager_mode_checks_only_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok", "checks": {"database": True}}


@pytest.mark.django_db
def test_healthz_unreachable_broker_is_503(client, broker):
    broker("redis://127.0.0.1:1/0")

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "checks": {"database": True, "broker": False},
    }


@requires_redis
@pytest.mark.django_db
def test_healthz_real_broker_answers(client, broker):
    broker(REDIS_URL)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content)["checks"] == {"database": True, "broker": True}


@pytest.mark.django_db
def test_healthz_database_down_is_503(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert json.loads(response.content)["checks"] == {"database": False}

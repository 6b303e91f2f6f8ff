"""Reachability checks of the services the portal depends on, for /healthz."""

import logging

import redis
from celery import current_app as celery_app
from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


def database_is_up() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception as error:
        logger.warning("healthz: database unreachable (%s: %s)", type(error).__name__, error)
        return False


def broker_is_configured() -> bool:
    # In eager mode nothing is ever sent to the broker, so it is not a dependency.
    return not settings.CELERY_TASK_ALWAYS_EAGER


# /healthz must answer within the proxy's health-check timeout, even when the
# broker accepts connections and never answers.
BROKER_CHECK_SECONDS = 2


def broker_is_up() -> bool:
    url = celery_app.conf.broker_url or ""
    try:
        if url.startswith(("redis://", "rediss://")):
            client = redis.Redis.from_url(
                url,
                socket_connect_timeout=BROKER_CHECK_SECONDS,
                socket_timeout=BROKER_CHECK_SECONDS,
            )
            try:
                return bool(client.ping())
            finally:
                client.close()
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=BROKER_CHECK_SECONDS)
        return True
    except Exception as error:
        logger.warning("healthz: broker unreachable (%s: %s)", type(error).__name__, error)
        return False

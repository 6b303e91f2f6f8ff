"""Reachability checks of the services the portal depends on, for /healthz."""

import logging

from celery import current_app as celery_app
from django.conf import settings
from django.db import connection

logger = logging.getLogger(__name__)


def database_is_up() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("healthz: database unreachable", exc_info=True)
        return False


def broker_is_configured() -> bool:
    # In eager mode nothing is ever sent to the broker, so it is not a dependency.
    return not settings.CELERY_TASK_ALWAYS_EAGER


def broker_is_up() -> bool:
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return True
    except Exception:
        logger.warning("healthz: broker unreachable", exc_info=True)
        return False

"""Celery tasks of the outbox: they take ids (or nothing), and call one service."""

import logging

from celery import shared_task
from django.conf import settings

from . import services
from .models import Notification

logger = logging.getLogger(__name__)


@shared_task
def task_send_notification(notification_id: int) -> None:
    """Send one email of the outbox if it is still pending and due (enqueued on commit)."""
    if not Notification.objects.filter(pk=notification_id).exists():
        logger.warning("notification %s no longer exists; not sent", notification_id)
        return
    services.send_notification(notification_id=notification_id)


# expires: a tick queued while every worker was down is dropped rather than run late
# once per missed minute; the next tick does the same work.
@shared_task(expires=55)
def task_send_due_notifications() -> None:
    """The periodic sweep (Celery beat, every minute; see CELERY_BEAT_SCHEDULE)."""
    # A sweep starts no batch after NOTIFICATIONS_SWEEP_SECONDS, well inside the
    # tasks' soft time limit (60 s), and enqueues itself again when due emails
    # remain: a backlog of thousands drains without waiting for the next beat tick.
    report = services.send_due_notifications(time_limit=settings.NOTIFICATIONS_SWEEP_SECONDS)
    if report.more:
        task_send_due_notifications.apply_async()

"""Celery tasks of the surveys: they take ids (or nothing) and call one service."""

from celery import shared_task

from . import services


# expires: a tick queued while every worker was down is dropped rather than run late
# several times; the next tick does the same work, and the service is idempotent.
@shared_task(expires=10 * 60)
def task_open_due_surveys() -> None:
    """The periodic sweep (Celery beat; see CELERY_BEAT_SCHEDULE): invitations that have
    fallen due. Their emails go out through the outbox once this commits."""
    services.open_due_surveys()

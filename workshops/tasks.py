"""Celery tasks of workshops: they take ids, fetch the rows and call one service."""

import logging

from celery import shared_task

from . import services
from .models import TrainingRequest

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def task_notify_staff_of_training_request(training_request_id: int) -> None:
    """Email one training request to staff (smtplib's errors are OSErrors: retried)."""
    training_request = TrainingRequest.objects.filter(pk=training_request_id).first()
    if training_request is None:
        # Ids only: a request carries a name and an email address.
        logger.warning("training request %s no longer exists; not emailed", training_request_id)
        return
    services.notify_staff_of_training_request(training_request=training_request)

"""What beat and the workers run: the sweep every minute, tasks Celery knows by name."""

from celery import current_app
from django.conf import settings


def test_beat_runs_the_sweep_every_minute():
    assert settings.CELERY_BEAT_SCHEDULE["send-due-notifications"] == {
        "task": "notifications.tasks.task_send_due_notifications",
        "schedule": 60.0,
    }


def test_the_workers_know_the_outbox_tasks_by_the_names_beat_and_commits_use():
    current_app.loader.import_default_modules()

    assert {
        "notifications.tasks.task_send_notification",
        "notifications.tasks.task_send_due_notifications",
    } <= set(current_app.tasks)

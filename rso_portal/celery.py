import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rso_portal.settings")

app = Celery("rso_portal")
# Every CELERY_* Django setting configures Celery, so the one settings module
# stays the single place where configuration is read from the environment.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

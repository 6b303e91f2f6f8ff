"""What answers must never reach, and how the periodic task is scheduled."""

import logging

import pytest
from django.conf import settings

from surveys import services
from tests.surveys.conftest import EVALUATION_DUE, PRESENT
from tests.surveys.test_results import respond

pytestmark = pytest.mark.django_db


def test_beat_opens_due_surveys_every_quarter_hour_with_no_arguments():
    entry = settings.CELERY_BEAT_SCHEDULE["open-due-surveys"]

    assert entry == {"task": "surveys.tasks.task_open_due_surveys", "schedule": 900.0}


def test_public_event_page_shows_no_answer(client, survey, template):
    survey.workshop.is_public = True
    survey.workshop.status = "delivered"
    survey.workshop.save()
    respond(survey, template, overall=5, improve="A secret remark about the trainers")

    page = client.get(survey.workshop.get_absolute_url())

    assert page.status_code == 200
    assert "A secret remark" not in page.content.decode()


def test_opening_surveys_logs_counts_and_no_personal_data(attend, default_templates, caplog):
    attend(PRESENT, PRESENT, given_name="Aung", family_name="Kyaw", email="aung@agency.example")
    caplog.set_level(logging.DEBUG, logger="surveys")

    services.open_due_surveys(now=EVALUATION_DUE)

    assert caplog.messages == ["surveys: 1 surveys opened or topped up, 1 invitations made"]

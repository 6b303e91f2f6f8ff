"""From the beat task to the thank-you page, through the real outbox and an SMTP
server on loopback: the participant gets the email, follows its link, answers; the
reminder week passes and no reminder reaches them. No log line names them."""

import re

import pytest

from notifications.choices import NotificationState
from notifications.models import Notification
from notifications.services import send_due_notifications
from surveys.models import Response
from surveys.tasks import task_open_due_surveys
from tests.notifications.smtp_sink import SmtpSink, smtp_settings
from tests.surveys.conftest import PRESENT
from tests.surveys.test_page import valid_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_sink(settings):
    sink = SmtpSink().start()
    for name, value in smtp_settings(sink.port).items():
        setattr(settings, name, value)
    yield sink
    sink.stop()


def test_invitation_email_link_answers_and_no_reminder_follows(
    attend,
    survey,
    template,
    time_machine_now,
    smtp_sink,
    client,
    settings,
    caplog,
    django_capture_on_commit_callbacks,
):
    settings.SITE_URL = "https://rso.example"
    survey.send_at = time_machine_now
    survey.save()
    attend(
        PRESENT,
        PRESENT,
        given_name="Nguyen",
        family_name="Thi Lan",
        email="lan@agency.example",
        preferred_language="vi",
    )

    caplog.set_level("DEBUG")

    with django_capture_on_commit_callbacks(execute=True):
        task_open_due_surveys.delay()

    [received] = smtp_sink.received
    message = received.message
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https://rso\.example(/vi/survey/[\w-]+/)", body).group(1)
    assert received.rcpt_tos == ("lan@agency.example",)
    page = client.get(link)
    assert page["Content-Language"] == "vi"
    answered = client.post(link, valid_answers(template))
    assert answered.status_code == 302
    assert Response.objects.count() == 1

    Notification.objects.filter(state=NotificationState.PENDING).update(due_at=time_machine_now)
    send_due_notifications()

    assert len(smtp_sink.received) == 1
    assert "Thi Lan" not in caplog.text
    assert "lan@agency.example" not in caplog.text

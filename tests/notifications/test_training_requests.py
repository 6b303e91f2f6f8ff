"""The contact form's emails go through the outbox: the notice to staff and the
acknowledgement to the requester, each once, whatever happens to the broker or a worker."""

import pytest

from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification
from notifications.services import send_due_notifications
from tests.factories.workshops import MemberStateFactory, TrainingRequestFactory
from workshops.models import TrainingRequest
from workshops.services import submit_training_request

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_settings")]


@pytest.fixture(autouse=True)
def _staff_addresses(settings):
    settings.CONTACT_EMAILS = ["training@rso.example", "head@rso.example"]


def submit(language="en", **values):
    return submit_training_request(
        name="Siti Aminah",
        organisation=values.pop("organisation", "Immigration Department of Malaysia"),
        member_state=MemberStateFactory(name="Malaysia"),
        email="siti.aminah@imi.example",
        training_kind="course",
        message="A course on detecting forged passports for 25 officers, please.",
        language=language,
    )


def plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def test_submitted_request_puts_both_emails_in_the_outbox_in_its_transaction():
    request = submit(language="id")

    rows = Notification.objects.order_by("pk")
    assert [(n.kind, n.target, n.recipient, n.language, n.state) for n in rows] == [
        (
            NotificationKind.TRAINING_REQUEST,
            request,
            "training@rso.example, head@rso.example",
            "en",
            NotificationState.PENDING,
        ),
        (
            NotificationKind.TRAINING_REQUEST_RECEIVED,
            request,
            "siti.aminah@imi.example",
            "id",
            NotificationState.PENDING,
        ),
    ]


def test_staff_notice_and_acknowledgement_arrive_once_each(
    smtp_sink, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit()
    send_due_notifications()  # a later sweep finds nothing more to send

    staff, acknowledgement = (received.message for received in smtp_sink.received)
    assert (staff["To"], staff["Reply-To"], staff["Subject"]) == (
        "training@rso.example, head@rso.example",
        "siti.aminah@imi.example",
        "Training request: Immigration Department of Malaysia (Malaysia)",
    )
    assert "A course on detecting forged passports for 25 officers, please." in staff.get_content()
    assert (acknowledgement["To"], acknowledgement["Reply-To"], acknowledgement["Subject"]) == (
        "siti.aminah@imi.example",
        "training@rso.example",
        "We have received your training request",
    )
    text = plain(acknowledgement)
    assert text.split("\n")[0] == (
        "Thank you for your request for a training. We have received it, and we will reply "
        "to you by email."
    )
    # Nothing the requester typed is repeated to the address they typed.
    assert "forged passports" not in text
    assert "Siti" not in text
    assert len(smtp_sink) == 2


def test_staff_notice_subject_stays_on_one_line(smtp_sink):
    submit(organisation="Immigration\r\nBcc: spam@example.org")

    send_due_notifications()

    subjects = [received.message["Subject"] for received in smtp_sink.received]
    assert subjects[0] == "Training request: Immigration Bcc: spam@example.org (Malaysia)"
    assert smtp_sink.received[0].rcpt_tos == (
        "training@rso.example",
        "head@rso.example",
    )


def test_request_stored_while_the_mail_server_is_down_reaches_staff_later(smtp_sink, settings):
    smtp_sink.refuse_next(2)
    settings.NOTIFICATIONS_RETRY_DELAY = 0
    submit()

    send_due_notifications()
    send_due_notifications()

    assert [received.message["Subject"] for received in smtp_sink.received] == [
        "Training request: Immigration Department of Malaysia (Malaysia)",
        "We have received your training request",
    ]


def test_notice_of_a_deleted_request_is_cancelled(smtp_sink):
    request = submit()
    TrainingRequest.objects.filter(pk=request.pk).delete()

    send_due_notifications()

    assert set(Notification.objects.values_list("state", "last_error")) == {
        (NotificationState.CANCELLED, "Not sent: the training request was deleted")
    }
    assert len(smtp_sink) == 0


def test_training_request_admin_shows_the_staff_notice_state(admin_client):
    TrainingRequestFactory()  # recorded by staff, no notice
    submit()

    response = admin_client.get("/admin/workshops/trainingrequest/")

    assert [row.staff_notice_state for row in response.context["cl"].result_list] == [
        NotificationState.PENDING,
        None,
    ]


def test_acknowledgement_is_written_in_the_language_of_the_page_and_staff_read_english(
    smtp_sink,
):
    submit(language="vi")

    send_due_notifications()

    staff, acknowledgement = (received.message for received in smtp_sink.received)
    assert staff["Subject"] == "Training request: Immigration Department of Malaysia (Malaysia)"
    assert acknowledgement["Subject"].lstrip() == (
        "Chúng tôi đã nhận được yêu cầu đào tạo của quý vị"
    )
    assert plain(acknowledgement).split("\n")[0] == (
        "Cảm ơn quý vị đã gửi yêu cầu đào tạo. Chúng tôi đã nhận được yêu cầu và sẽ trả lời "
        "quý vị qua email."
    )

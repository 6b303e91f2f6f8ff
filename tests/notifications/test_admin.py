"""Staff and the outbox: each workshop's emails, resending failed ones, and the admin pages
whose changes participants hear of."""

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification
from participants.choices import RegistrationStatus
from participants.services import register_participant
from tests.admin.forms import resubmit
from tests.admin.test_workshop_page import schedule
from tests.factories.notifications import NotificationFactory
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import OrganisationFactory
from workshops.choices import WorkshopStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_settings")]

CHANGELIST = "/admin/notifications/notification/"


@pytest.fixture
def confirmed(workshop, participant, django_capture_on_commit_callbacks, mailoutbox):
    """A registration of `workshop` whose confirmation went out."""
    with django_capture_on_commit_callbacks(execute=True):
        registration = register_participant(
            workshop=workshop, participant=participant, status=RegistrationStatus.CONFIRMED
        )
    mailoutbox.clear()
    return registration


def test_workshop_changelist_counts_its_emails_and_links_to_them(admin_client, confirmed):
    NotificationFactory(
        registration__workshop=confirmed.workshop,
        state=NotificationState.FAILED,
        kind=NotificationKind.REMINDER,
        offset_days=3,
    )

    response = admin_client.get("/admin/workshops/workshop/")

    assert (
        f'<a href="{CHANGELIST}?registration__workshop__id__exact={confirmed.workshop.pk}">'
        "4 (1 failed)</a>" in response.content.decode()
    )


def test_outbox_filtered_by_workshop_lists_that_workshops_emails(admin_client, confirmed):
    NotificationFactory()  # another workshop's

    response = admin_client.get(
        CHANGELIST, {"registration__workshop__id__exact": confirmed.workshop.pk}
    )

    assert sorted(
        (n.kind, n.recipient, n.state, n.attempts) for n in response.context["cl"].result_list
    ) == [
        ("confirmation", "siti@imi.example", "sent", 1),
        ("reminder", "siti@imi.example", "pending", 0),
        ("reminder", "siti@imi.example", "pending", 0),
    ]


def test_resend_action_sends_a_failed_email_again_and_leaves_the_others(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    failed = NotificationFactory(state=NotificationState.FAILED, attempts=8, last_error="451")
    sent = NotificationFactory(state=NotificationState.SENT, sent_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST,
            {"action": "resend", "_selected_action": [failed.pk, sent.pk]},
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [
        "1 failed email(s) put back in the outbox.",
        "1 email(s) were not failed (pending, sending, sent or cancelled) and were left as "
        "they were.",
    ]
    failed.refresh_from_db()
    assert (failed.state, failed.attempts) == (NotificationState.SENT, 1)
    assert [m.extra_headers["Message-ID"] for m in mailoutbox] == [failed.message_id]


def test_outbox_rows_cannot_be_edited_in_the_admin(admin_client):
    row = NotificationFactory()
    url = reverse("admin:notifications_notification_change", args=[row.pk])

    page = admin_client.get(url)
    post = admin_client.post(url, {"state": "sent"})

    assert (page.status_code, post.status_code) == (200, 403)
    assert Notification.objects.get(pk=row.pk).state == NotificationState.PENDING


def test_workshop_page_moving_a_day_tells_the_confirmed_participant(
    admin_client, confirmed, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("admin:workshops_workshop_change", args=[confirmed.workshop.pk])
    data = resubmit(admin_client.get(url))
    data["days-1-held_on"] = "2030-03-21"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    assert [m.subject for m in mailoutbox] == ["Changed: Regional Workshop on Document Fraud"]
    assert "- Thursday, March 21, 2030, 13:00–15:00 (Asia/Jakarta, UTC+07:00)" in mailoutbox[0].body


def test_workshop_page_saved_unchanged_sends_nothing(
    admin_client, confirmed, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("admin:workshops_workshop_change", args=[confirmed.workshop.pk])

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, resubmit(admin_client.get(url)))

    assert mailoutbox == []
    assert confirmed.notifications.count() == 3


def test_workshop_page_cancelling_tells_the_confirmed_participant(
    admin_client, confirmed, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("admin:workshops_workshop_change", args=[confirmed.workshop.pk])
    data = resubmit(admin_client.get(url))
    data["publishing"] = "cancelled"

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, data)

    assert [m.subject for m in mailoutbox] == ["Cancelled: Regional Workshop on Document Fraud"]
    assert set(
        confirmed.notifications.filter(kind=NotificationKind.REMINDER).values_list("state")
    ) == {(NotificationState.CANCELLED,)}


def test_cancel_action_cancels_the_workshops_and_tells_their_participants(
    admin_client, confirmed, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/workshops/workshop/",
            {"action": "cancel", "_selected_action": [confirmed.workshop.pk]},
        )

    confirmed.workshop.refresh_from_db()
    assert confirmed.workshop.status == WorkshopStatus.CANCELLED
    assert [m.subject for m in mailoutbox] == ["Cancelled: Regional Workshop on Document Fraud"]


def test_registration_page_confirming_sends_the_confirmation(
    admin_client, workshop, mailoutbox, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(workshop=workshop, status=RegistrationStatus.NOMINATED)
    url = reverse("admin:participants_registration_change", args=[registration.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"status": "confirmed", "notes": ""})

    assert response.status_code == 302
    assert [m.subject for m in mailoutbox] == [
        "Your place is confirmed: Regional Workshop on Document Fraud"
    ]


def test_workshop_page_withdrawing_a_registration_cancels_its_reminders(
    admin_client, confirmed, django_capture_on_commit_callbacks
):
    url = reverse("admin:workshops_workshop_change", args=[confirmed.workshop.pk])
    data = resubmit(admin_client.get(url))
    data["registrations-0-status"] = RegistrationStatus.WITHDRAWN

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, data)

    assert sorted(confirmed.notifications.values_list("kind", "state")) == [
        ("confirmation", "sent"),
        ("reminder", "cancelled"),
        ("reminder", "cancelled"),
    ]


def test_workshop_add_page_confirming_participants_queues_their_emails(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    participants = ParticipantFactory.create_batch(2)
    data = schedule(
        days=["2030-03-18", "2030-03-20"],
        sessions=[],
        participants=participants,
        partner=OrganisationFactory(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("admin:workshops_workshop_add"), data)

    assert response.status_code == 302
    # The reminders follow the days saved in the same submit, after the registrations.
    assert sorted(Notification.objects.values_list("kind", "offset_days", "state")) == [
        ("confirmation", 0, "sent"),
        ("confirmation", 0, "sent"),
        ("reminder", 1, "pending"),
        ("reminder", 1, "pending"),
        ("reminder", 7, "pending"),
        ("reminder", 7, "pending"),
    ]
    assert len(mailoutbox) == 2


def test_session_page_changing_a_sessions_time_tells_the_confirmed_participant(
    admin_client, confirmed, mailoutbox, django_capture_on_commit_callbacks
):
    session = confirmed.workshop.sessions.get(title="Opening")
    url = reverse("admin:workshops_session_change", args=[session.pk])
    data = resubmit(admin_client.get(url))
    data["start_time"] = "08:30"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)

    assert response.status_code == 302
    assert [m.subject for m in mailoutbox] == ["Changed: Regional Workshop on Document Fraud"]
    assert "- Monday, March 18, 2030, 08:30–10:30 (Asia/Jakarta, UTC+07:00)" in mailoutbox[0].body

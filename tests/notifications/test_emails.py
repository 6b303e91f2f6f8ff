"""What participants get, when, and what it says: each kind through the real outbox to a
real SMTP server on loopback (tasks run eagerly, on commit, as in `make run`)."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from notifications.choices import NotificationKind, NotificationState
from notifications.services import send_due_notifications
from participants.choices import RegistrationStatus
from participants.services import (
    cancel_workshop,
    change_registration,
    notify_workshop_change,
    register_participant,
    reschedule_workshop,
)
from tests.factories.participants import ParticipantFactory
from tests.factories.workshops import MemberStateFactory, WorkshopFactory
from tests.notifications.conftest import MONDAY, WEDNESDAY
from workshops.choices import DeliveryMode, WorkshopStatus
from workshops.models import Workshop
from workshops.queries import workshop_facts
from workshops.services import set_workshop_days

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("outbox_settings", "site_url")]

CONFIRMED = RegistrationStatus.CONFIRMED
JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = "https://rso.example"


@pytest.fixture
def confirm(django_capture_on_commit_callbacks):
    """Register `participant` as confirmed, committing (so the confirmation goes out)."""

    def confirm(workshop, participant):
        with django_capture_on_commit_callbacks(execute=True):
            return register_participant(
                workshop=workshop, participant=participant, status=CONFIRMED
            )

    return confirm


def plain(message) -> str:
    # As the reader sees it: SMTP carries lines ending in CRLF.
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def html(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def calendar_of(message) -> Calendar:
    [attachment] = list(message.iter_attachments())
    return Calendar.from_ical(attachment.get_content())


def outbox(registration):
    return list(
        registration.notifications.order_by("kind", "-offset_days", "revision").values_list(
            "kind", "offset_days", "revision", "state"
        )
    )


def test_confirmation_arrives_once_with_each_day_the_joining_details_and_a_calendar(
    workshop, participant, confirm, smtp_sink
):
    registration = confirm(workshop, participant)

    [received] = smtp_sink.received
    message = received.message
    row = registration.notifications.get(kind=NotificationKind.CONFIRMATION)
    assert received.rcpt_tos == ("siti@imi.example",)
    assert (message["Subject"], message["Message-ID"], message["Reply-To"]) == (
        "Your place is confirmed: Regional Workshop on Document Fraud",
        row.message_id,
        "training@rso.example",
    )
    assert plain(message) == (
        "Dear Siti,\n\n"
        "Your place at Regional Workshop on Document Fraud is confirmed. The details follow; "
        "the attached calendar file adds each day to your calendar.\n\n"
        "When:\n"
        "- Monday, March 18, 2030, 09:00–10:30 (Asia/Jakarta, UTC+07:00)\n"
        "- Wednesday, March 20, 2030, 13:00–15:00 (Asia/Jakarta, UTC+07:00)\n\n"
        "How to join:\n"
        "Platform: Zoom\n"
        "Joining link: https://zoom.example/j/123456\n\n"
        "Programme:\n"
        "March 18, 2030\n"
        "  09:00–10:30 Opening (Ms. Ana Lim)\n"
        "March 20, 2030\n"
        "  13:00–15:00 Case studies\n\n"
        "More about the event: https://rso.example/events/document-fraud/\n\n"
        "Questions? Reply to this email or write to training@rso.example.\n\n"
        "Kind regards,\n"
        "Regional Support Office\n"
    )
    assert (
        '<a href="https://zoom.example/j/123456" style="display:inline-block; padding:8px 16px; '
        'background:#1e3a8a; color:#ffffff; text-decoration:none; border-radius:4px;">'
        "Join the meeting</a>" in html(message)
    )
    events = calendar_of(message).walk("VEVENT")
    assert [(e["DTSTART"].dt, e["DTEND"].dt) for e in events] == [
        (
            dt.datetime(2030, 3, 18, 9, tzinfo=JAKARTA),
            dt.datetime(2030, 3, 18, 10, 30, tzinfo=JAKARTA),
        ),
        (
            dt.datetime(2030, 3, 20, 13, tzinfo=JAKARTA),
            dt.datetime(2030, 3, 20, 15, tzinfo=JAKARTA),
        ),
    ]
    assert "Join online: https://zoom.example/j/123456" in str(events[0]["DESCRIPTION"])
    assert row.state == NotificationState.SENT


def test_confirmation_queues_reminders_at_nine_seven_days_and_one_day_before(
    workshop, participant, confirm
):
    registration = confirm(workshop, participant)

    reminders = registration.notifications.filter(kind=NotificationKind.REMINDER)
    assert sorted((r.offset_days, r.due_at.astimezone(JAKARTA), r.state) for r in reminders) == [
        (1, dt.datetime(2030, 3, 17, 9, tzinfo=JAKARTA), NotificationState.PENDING),
        (7, dt.datetime(2030, 3, 11, 9, tzinfo=JAKARTA), NotificationState.PENDING),
    ]


def test_confirmation_a_few_days_before_queues_no_reminder_already_past(participant, confirm):
    workshop = WorkshopFactory(reminder_days="7,1")
    set_workshop_days(workshop=workshop, dates=[timezone.localdate() + dt.timedelta(days=3)])

    registration = confirm(Workshop.objects.get(pk=workshop.pk), participant)

    assert outbox(registration) == [
        ("confirmation", 0, 0, "sent"),
        ("reminder", 1, 0, "pending"),
    ]


def test_reminder_arrives_when_due_with_the_programme_and_no_attachment(
    workshop, participant, confirm, smtp_sink
):
    registration = confirm(workshop, participant)
    registration.notifications.filter(offset_days=7).update(due_at=timezone.now())

    report = send_due_notifications()

    assert report.sent == 1
    message = smtp_sink.received[-1].message
    assert message["Subject"] == "Reminder: Regional Workshop on Document Fraud starts in 7 days"
    assert plain(message).split("\n\n")[1] == (
        "Regional Workshop on Document Fraud starts in 7 days. Here are the programme and how "
        "to take part."
    )
    assert "  09:00–10:30 Opening (Ms. Ana Lim)\n" in plain(message)
    assert list(message.iter_attachments()) == []


def test_in_person_confirmation_names_the_place_and_no_joining_link(
    participant, confirm, smtp_sink
):
    workshop = WorkshopFactory(
        title="Advanced Course",
        delivery_mode=DeliveryMode.IN_PERSON,
        platform="",
        joining_url="https://zoom.example/not-for-in-person",
        venue="Novotel",
        city="Bangkok",
        country=MemberStateFactory(name="Thailand"),
        timezone="Asia/Bangkok",
    )
    set_workshop_days(workshop=workshop, dates=[MONDAY])

    confirm(Workshop.objects.get(pk=workshop.pk), participant)

    text = plain(smtp_sink.received[0].message)
    assert "\nWhere: Novotel, Bangkok, Thailand\n" in text
    assert "zoom.example" not in text
    assert "How to join" not in text


def test_participant_without_consent_to_be_contacted_gets_nothing(workshop, confirm, smtp_sink):
    participant = ParticipantFactory(has_consented_to_contact=False)

    registration = confirm(workshop, participant)

    assert (outbox(registration), len(smtp_sink)) == ([], 0)


def test_nominated_participant_gets_nothing_until_confirmed(
    workshop, participant, smtp_sink, django_capture_on_commit_callbacks
):
    registration = register_participant(workshop=workshop, participant=participant)
    assert outbox(registration) == []

    with django_capture_on_commit_callbacks(execute=True):
        change_registration(registration=registration, status=CONFIRMED)

    assert outbox(registration) == [
        ("confirmation", 0, 0, "sent"),
        ("reminder", 7, 0, "pending"),
        ("reminder", 1, 0, "pending"),
    ]
    assert len(smtp_sink) == 1


def test_withdrawal_cancels_the_unsent_reminders(workshop, participant, confirm):
    registration = confirm(workshop, participant)

    change_registration(registration=registration, status=RegistrationStatus.WITHDRAWN)

    assert outbox(registration) == [
        ("confirmation", 0, 0, "sent"),
        ("reminder", 7, 0, "cancelled"),
        ("reminder", 1, 0, "cancelled"),
    ]
    assert set(registration.notifications.filter(state="cancelled").values_list("last_error")) == {
        ("Not sent: the registration became withdrawn.",)
    }


def test_withdrawn_participant_whose_email_was_already_queued_gets_nothing(
    workshop, participant, smtp_sink
):
    registration = register_participant(
        workshop=workshop, participant=participant, status=CONFIRMED
    )
    # Withdrawn behind the services' back: the renderer checks again when sending.
    type(registration).objects.filter(pk=registration.pk).update(status="withdrawn")

    send_due_notifications()

    confirmation = registration.notifications.get(kind=NotificationKind.CONFIRMATION)
    assert (confirmation.state, confirmation.last_error) == (
        NotificationState.CANCELLED,
        "Not sent: the registration is withdrawn",
    )
    assert len(smtp_sink) == 0


def test_rescheduling_moves_the_unsent_reminders_and_tells_the_participant(
    workshop, participant, confirm, smtp_sink, django_capture_on_commit_callbacks
):
    registration = confirm(workshop, participant)

    with django_capture_on_commit_callbacks(execute=True):
        reschedule_workshop(workshop=workshop, dates=[dt.date(2030, 4, 1), dt.date(2030, 4, 2)])

    reminders = registration.notifications.filter(kind=NotificationKind.REMINDER)
    assert sorted((r.offset_days, r.due_at.astimezone(JAKARTA)) for r in reminders) == [
        (1, dt.datetime(2030, 3, 31, 9, tzinfo=JAKARTA)),
        (7, dt.datetime(2030, 3, 25, 9, tzinfo=JAKARTA)),
    ]
    assert [r.message["Subject"] for r in smtp_sink.received] == [
        "Your place is confirmed: Regional Workshop on Document Fraud",
        "Changed: Regional Workshop on Document Fraud",
    ]
    change = smtp_sink.received[1].message
    assert plain(change).split("\n\n")[1:3] == [
        "The details of Regional Workshop on Document Fraud have changed. Here they are as "
        "they stand now; the attached calendar file updates your calendar.",
        "When:\n- Monday, April 1, 2030\n- Tuesday, April 2, 2030",
    ]
    assert [e["DTSTART"].dt for e in calendar_of(change).walk("VEVENT")] == [
        dt.date(2030, 4, 1),
        dt.date(2030, 4, 2),
    ]
    assert outbox(registration)[0] == ("change", 0, 1, "sent")


def test_two_changes_before_the_notice_goes_make_one_notice_with_the_latest_details(
    workshop, participant, confirm, smtp_sink, django_capture_on_commit_callbacks
):
    registration = confirm(workshop, participant)
    for url in ("https://zoom.example/j/2", "https://zoom.example/j/3"):
        before = workshop_facts(workshop.pk)
        Workshop.objects.filter(pk=workshop.pk).update(joining_url=url)
        notify_workshop_change(workshop=workshop, before=before)  # not committed: not sent

    send_due_notifications()

    assert [kind for kind, *_rest in outbox(registration)].count("change") == 1
    assert "Joining link: https://zoom.example/j/3\n" in plain(smtp_sink.received[-1].message)


def test_change_before_the_confirmation_went_out_sends_no_change_notice(
    workshop, participant, smtp_sink
):
    registration = register_participant(
        workshop=workshop, participant=participant, status=CONFIRMED
    )

    reschedule_workshop(workshop=workshop, dates=[dt.date(2030, 4, 1)])
    send_due_notifications()

    assert [r.message["Subject"] for r in smtp_sink.received] == [
        "Your place is confirmed: Regional Workshop on Document Fraud"
    ]
    assert "- Monday, April 1, 2030" in plain(smtp_sink.received[0].message)
    assert [kind for kind, *_rest in outbox(registration)] == [
        "confirmation",
        "reminder",
        "reminder",
    ]


def test_cancelling_tells_those_confirmed_and_cancels_every_unsent_email(
    workshop, participant, confirm, smtp_sink, django_capture_on_commit_callbacks
):
    told = confirm(workshop, participant)
    # Confirmed, but its confirmation never went out (not committed): nothing to undo.
    untold = register_participant(
        workshop=workshop, participant=ParticipantFactory(), status=CONFIRMED
    )

    with django_capture_on_commit_callbacks(execute=True):
        cancel_workshop(workshop=workshop)

    assert outbox(told) == [
        ("cancellation", 0, 0, "sent"),
        ("confirmation", 0, 0, "sent"),
        ("reminder", 7, 0, "cancelled"),
        ("reminder", 1, 0, "cancelled"),
    ]
    assert [state for *_key, state in outbox(untold)] == ["cancelled"] * 3
    cancellation = smtp_sink.received[-1].message
    assert cancellation["Subject"] == "Cancelled: Regional Workshop on Document Fraud"
    assert [str(e["STATUS"]) for e in calendar_of(cancellation).walk("VEVENT")] == [
        "CANCELLED",
        "CANCELLED",
    ]
    assert len(smtp_sink) == 2


def test_draft_workshop_emails_wait_until_it_is_scheduled(participant, smtp_sink):
    workshop = WorkshopFactory(status=WorkshopStatus.DRAFT)
    set_workshop_days(workshop=workshop, dates=[MONDAY, WEDNESDAY])
    registration = register_participant(
        workshop=workshop, participant=participant, status=CONFIRMED
    )
    assert outbox(registration) == []

    before = workshop_facts(workshop.pk)
    Workshop.objects.filter(pk=workshop.pk).update(status=WorkshopStatus.SCHEDULED)
    notify_workshop_change(workshop=workshop, before=before)

    assert [kind for kind, *_rest in outbox(registration)] == [
        "confirmation",
        "reminder",
        "reminder",
    ]


def test_confirmation_for_a_workshop_already_over_is_not_queued(participant):
    workshop = WorkshopFactory()
    set_workshop_days(workshop=workshop, dates=[dt.date(2022, 7, 18)])

    registration = register_participant(
        workshop=Workshop.objects.get(pk=workshop.pk), participant=participant, status=CONFIRMED
    )

    assert outbox(registration) == []


def test_confirmation_is_written_in_the_participants_language(workshop, confirm, smtp_sink):
    participant = ParticipantFactory(given_name="Siti", preferred_language="id")

    confirm(workshop, participant)

    message = smtp_sink.received[0].message
    assert (
        message["Subject"] == "Tempat Anda telah dikonfirmasi: Regional Workshop on Document Fraud"
    )
    assert plain(message).split("\n\n")[:3] == [
        "Yth. Siti,",
        "Tempat Anda di Regional Workshop on Document Fraud telah dikonfirmasi. Rinciannya ada "
        "di bawah ini; berkas kalender terlampir menambahkan setiap hari acara ke kalender Anda.",
        "Waktu:\n"
        "- Senin, 18 Maret 2030, 09:00–10:30 (Asia/Jakarta, UTC+07:00)\n"
        "- Rabu, 20 Maret 2030, 13:00–15:00 (Asia/Jakarta, UTC+07:00)",
    ]
    assert 'lang="id"' in html(message)


def test_reminder_is_written_in_thai_for_a_thai_reader(workshop, confirm, smtp_sink):
    registration = confirm(workshop, ParticipantFactory(preferred_language="th"))
    registration.notifications.filter(offset_days=1).update(due_at=timezone.now())

    send_due_notifications()

    message = smtp_sink.received[-1].message
    # A long encoded subject is folded right after "Subject:"; readers drop that space.
    assert message["Subject"].lstrip() == (
        "แจ้งเตือน: Regional Workshop on Document Fraud จะเริ่มในอีก 1 วัน"
    )
    assert "วิธีเข้าร่วม:\nแพลตฟอร์ม: Zoom\nลิงก์สำหรับเข้าร่วม: https://zoom.example/j/123456\n" in (
        plain(message)
    )


def test_emails_of_one_batch_each_carry_their_own_participants_name(workshop, smtp_sink):
    names = ["Siti", "Nguyễn <Văn> & Co"]
    for name in names:
        register_participant(
            workshop=workshop,
            participant=ParticipantFactory(given_name=name),
            status=CONFIRMED,
        )

    report = send_due_notifications()  # one batch: the body is rendered once for both

    assert report.sent == 2
    messages = sorted((received.message for received in smtp_sink.received), key=lambda m: m["To"])
    assert [plain(m).split("\n")[0] for m in messages] == ["Dear Siti,", "Dear Nguyễn <Văn> & Co,"]
    assert '<p style="margin:0 0 16px;">Dear Nguyễn &lt;Văn&gt; &amp; Co,</p>' in html(messages[1])

"""Who is invited to a workshop's surveys, when, and the emails that go with it."""

import datetime as dt

import pytest
from django.core import mail

from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification
from notifications.services import send_due_notifications
from participants.choices import RegistrationStatus
from surveys import services
from surveys.choices import SurveyKind
from surveys.models import Invitation, WorkshopSurvey
from tests.surveys.conftest import ABSENT, EVALUATION_DUE, LATE, PRESENT

pytestmark = pytest.mark.django_db


def invited_names(kind=SurveyKind.EVALUATION):
    return sorted(
        Invitation.objects.filter(survey__kind=kind).values_list(
            "registration__participant__given_name", flat=True
        )
    )


def test_evaluation_is_due_at_18_00_on_the_last_day_in_the_workshop_timezone(delivered):
    assert services.default_send_at(workshop=delivered, kind=SurveyKind.EVALUATION) == (
        EVALUATION_DUE
    )
    assert services.default_send_at(workshop=delivered, kind=SurveyKind.IMPACT) == (
        EVALUATION_DUE + dt.timedelta(days=90)
    )


def test_who_is_invited_attended_yes_withdrawn_absent_or_no_consent_no(attend, default_templates):
    attend(PRESENT, PRESENT, given_name="Both days")
    attend(ABSENT, LATE, given_name="Late once")
    attend(status=RegistrationStatus.ATTENDED, given_name="Attended without marks")
    attend(status=RegistrationStatus.COMPLETED, given_name="Completed")
    attend(ABSENT, ABSENT, given_name="Absent every day")
    attend(given_name="No marks, confirmed")
    attend(PRESENT, PRESENT, status=RegistrationStatus.WITHDRAWN, given_name="Withdrawn")
    attend(PRESENT, PRESENT, has_consented_to_contact=False, given_name="No consent")
    attend(PRESENT, PRESENT, email="", given_name="No address")

    report = services.open_due_surveys(now=EVALUATION_DUE)

    assert invited_names() == ["Attended without marks", "Both days", "Completed", "Late once"]
    assert (report.surveys, report.invitations) == (1, 4)


def test_nothing_is_sent_before_the_evening_of_the_last_day(attend, default_templates):
    attend(PRESENT, PRESENT)

    report = services.open_due_surveys(now=EVALUATION_DUE - dt.timedelta(minutes=1))

    assert report.invitations == 0
    assert WorkshopSurvey.objects.count() == 0


def test_the_sweep_is_idempotent_and_tops_up_late_attendance(attend, default_templates):
    attend(PRESENT, PRESENT, given_name="Ana")
    services.open_due_surveys(now=EVALUATION_DUE)
    late = attend(given_name="Budi")

    again = services.open_due_surveys(now=EVALUATION_DUE + dt.timedelta(minutes=15))
    late.status = RegistrationStatus.ATTENDED
    late.save()
    topped = services.open_due_surveys(now=EVALUATION_DUE + dt.timedelta(minutes=30))
    last = services.open_due_surveys(now=EVALUATION_DUE + dt.timedelta(minutes=45))

    assert (again.invitations, topped.invitations, last.invitations) == (0, 1, 0)
    assert invited_names() == ["Ana", "Budi"]
    assert Notification.objects.filter(kind=NotificationKind.SURVEY_INVITATION).count() == 2


def test_impact_survey_goes_out_90_days_later_with_its_default_template(attend, default_templates):
    attend(PRESENT, PRESENT, given_name="Ana")
    services.open_due_surveys(now=EVALUATION_DUE)

    services.open_due_surveys(now=EVALUATION_DUE + dt.timedelta(days=90))

    impact = WorkshopSurvey.objects.get(kind=SurveyKind.IMPACT)
    assert impact.template == default_templates[SurveyKind.IMPACT]
    assert invited_names(SurveyKind.IMPACT) == ["Ana"]


def test_a_survey_staff_made_ahead_keeps_its_template_and_time(
    attend, delivered, template, default_templates
):
    attend(PRESENT, PRESENT, given_name="Ana")
    WorkshopSurvey.objects.create(
        workshop=delivered,
        kind=SurveyKind.EVALUATION,
        template=template,
        send_at=EVALUATION_DUE + dt.timedelta(days=1),
    )

    first = services.open_due_surveys(now=EVALUATION_DUE)
    second = services.open_due_surveys(now=EVALUATION_DUE + dt.timedelta(days=1))

    assert (first.invitations, second.invitations) == (0, 1)
    assert Invitation.objects.get().survey.template == template


def test_cancelled_and_draft_workshops_send_nothing(attend, delivered, default_templates):
    attend(PRESENT, PRESENT)
    delivered.status = "cancelled"
    delivered.save()

    assert services.open_due_surveys(now=EVALUATION_DUE).invitations == 0


def test_invitation_token_is_random_long_and_says_nothing_of_ids(attend, default_templates):
    attend(PRESENT, PRESENT)
    attend(PRESENT, PRESENT)
    services.open_due_surveys(now=EVALUATION_DUE)

    tokens = [i.token for i in Invitation.objects.all()]
    invitation = Invitation.objects.first()

    assert len(set(tokens)) == 2
    # 32 bytes from `secrets`: 43 URL-safe characters, 256 bits.
    assert [len(token) for token in tokens] == [43, 43]
    assert str(invitation.pk) not in tokens[0][:3]
    assert invitation.expires_at - invitation.created_at == dt.timedelta(days=60)


def test_invitation_and_one_reminder_a_week_later_are_in_the_outbox(attend, default_templates):
    registration = attend(PRESENT, PRESENT, preferred_language="th")

    services.open_due_surveys(now=EVALUATION_DUE)

    rows = {
        n.kind: n
        for n in Notification.objects.filter(
            kind__in=[NotificationKind.SURVEY_INVITATION, NotificationKind.SURVEY_REMINDER]
        )
    }
    assert sorted(rows) == ["survey_invitation", "survey_reminder"]
    assert rows["survey_invitation"].due_at == EVALUATION_DUE
    assert rows["survey_reminder"].due_at == EVALUATION_DUE + dt.timedelta(days=7)
    assert {row.language for row in rows.values()} == {"th"}
    assert {row.recipient for row in rows.values()} == {registration.participant.email}


def _due_now(**kwargs):
    """Move every pending survey email to now: the outbox sends what is due by its clock."""
    Notification.objects.filter(state=NotificationState.PENDING).update(
        due_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC), **kwargs
    )


def test_reminder_goes_once_and_only_to_non_respondents(
    attend, default_templates, time_machine_now
):
    answered = attend(PRESENT, PRESENT, given_name="Answered", email="answered@agency.example")
    attend(PRESENT, PRESENT, given_name="Silent", email="silent@agency.example")
    services.open_due_surveys(now=time_machine_now)
    send_due_notifications()
    invitation = Invitation.objects.get(registration=answered)
    services.submit_response(invitation=invitation, answers=[], language="en")
    mail.outbox.clear()

    _due_now()
    send_due_notifications()
    send_due_notifications()
    services.open_due_surveys(now=time_machine_now + dt.timedelta(days=8))
    _due_now()
    send_due_notifications()

    assert [(m.to, m.subject.startswith("Reminder:")) for m in mail.outbox] == [
        (["silent@agency.example"], True)
    ]
    answered_reminder = Notification.objects.get(
        kind=NotificationKind.SURVEY_REMINDER, target_id=invitation.pk
    )
    assert answered_reminder.state == NotificationState.CANCELLED


def test_reminder_is_not_sent_when_answered_after_it_was_queued_for_sending(
    attend, default_templates, time_machine_now
):
    registration = attend(PRESENT, PRESENT)
    services.open_due_surveys(now=time_machine_now)
    send_due_notifications()
    invitation = Invitation.objects.get(registration=registration)
    # As if answered without the service (a row written by hand): the renderer checks.
    invitation.responses.create(survey=invitation.survey)
    mail.outbox.clear()

    _due_now()
    send_due_notifications()

    assert mail.outbox == []
    reminder = Notification.objects.get(kind=NotificationKind.SURVEY_REMINDER)
    assert (reminder.state, reminder.last_error) == (
        NotificationState.CANCELLED,
        "Not sent: the survey has been answered",
    )


def test_email_is_in_the_participant_language_with_their_link(
    attend, default_templates, time_machine_now, settings
):
    settings.SITE_URL = "https://rso.example"
    registration = attend(PRESENT, PRESENT, preferred_language="id", given_name="Siti")

    services.open_due_surveys(now=time_machine_now)
    send_due_notifications()

    (message,) = mail.outbox
    token = Invitation.objects.get(registration=registration).token
    assert message.subject == (
        "Bagaimana Regional Workshop on Document Fraud? Survei evaluasi singkat"
    )
    assert f"https://rso.example/id/survey/{token}/" in message.body
    assert "Siti" in message.body
    assert f"/id/survey/{token}/" in message.alternatives[0][0]


def test_withdrawn_before_sending_gets_no_email(attend, default_templates, time_machine_now):
    registration = attend(PRESENT, PRESENT)
    with pytest.MonkeyPatch.context() as patch:
        # Keep the email in the outbox until after the withdrawal.
        patch.setattr("notifications.services.enqueue_on_commit", lambda ids: None)
        services.open_due_surveys(now=time_machine_now)
    registration.status = RegistrationStatus.WITHDRAWN
    registration.save()

    send_due_notifications()

    assert mail.outbox == []

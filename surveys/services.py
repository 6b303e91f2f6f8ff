"""Writes of the surveys: opening a workshop's survey when it falls due (its
invitations and their emails), and recording a participant's answers.

Who is invited: each registration of the workshop not withdrawn, whose participant
consents to be contacted and has an address, and who attended: at least one day
marked present or late, or the status attended or completed (staff may set it without
a roll call). Each gets an invitation email at once and one reminder 7 days later,
both rows of the outbox written with the invitation; the reminder is cancelled when
the survey is answered (and its renderer checks again when it is sent), so it goes
only to those who have not answered, and once.
"""

import datetime as dt
import logging
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from notifications.choices import NotificationKind
from notifications.models import Notification
from notifications.services import cancel_notifications, schedule_notification
from participants.choices import ATTENDING_MARKS, TRAINED_STATUSES, RegistrationStatus
from participants.models import Attendance, Registration
from workshops.choices import WorkshopStatus
from workshops.models import Workshop

from .choices import QuestionKind, SurveyKind
from .models import (
    INVITATION_DAYS,
    Answer,
    Invitation,
    Response,
    SurveyTemplate,
    WorkshopSurvey,
)

logger = logging.getLogger(__name__)

# The evaluation goes out at this time of the last day, in the workshop's timezone:
# once the last session is over, while it is fresh.
EVALUATION_TIME = dt.time(18, 0)
IMPACT_AFTER_DAYS = 90
REMINDER_AFTER_DAYS = 7


class SurveyClosed(Exception):
    """The invitation cannot take answers; the message says why, to the participant."""


class AlreadyAnswered(SurveyClosed):
    pass


class InvitationExpired(SurveyClosed):
    pass


@dataclass
class OpenReport:
    surveys: int = 0
    invitations: int = 0

    def __str__(self):
        return f"{self.surveys} surveys opened or topped up, {self.invitations} invitations made"


def default_send_at(*, workshop: Workshop, kind: str) -> dt.datetime | None:
    """When a survey of `kind` goes out by default: 18:00 on the last day in the
    workshop's timezone for the evaluation, 90 days after that for the impact survey;
    None for a workshop without days."""
    if workshop.ends_on is None:
        return None
    evening = dt.datetime.combine(
        workshop.ends_on, EVALUATION_TIME, tzinfo=zoneinfo.ZoneInfo(workshop.timezone)
    )
    if kind == SurveyKind.IMPACT:
        return evening + dt.timedelta(days=IMPACT_AFTER_DAYS)
    return evening


def send_time(survey: WorkshopSurvey) -> dt.datetime | None:
    return survey.send_at or default_send_at(workshop=survey.workshop, kind=survey.kind)


def invitable_registrations(workshop: Workshop):
    """The registrations of `workshop` whose participant is asked (see the module)."""
    attended = Attendance.objects.filter(registration=OuterRef("pk"), mark__in=ATTENDING_MARKS)
    return (
        Registration.objects.filter(
            workshop=workshop,
            participant__has_consented_to_contact=True,
        )
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .exclude(participant__email="")
        .filter(Q(status__in=TRAINED_STATUSES) | Exists(attended))
    )


def open_due_surveys(*, now: dt.datetime | None = None) -> OpenReport:
    """What the periodic task does: for every workshop whose evaluation or impact
    survey is due (and whose invitations would not yet have expired), make the
    survey if missing and invite whoever attended and is not invited yet.

    Idempotent: a second run, or two at once, invite nobody twice (the invitation is
    unique per survey and registration, and each survey is filled under a row lock).
    A workshop that attendance was recorded for late is topped up on a later run.
    """
    now = now or timezone.now()
    report = OpenReport()
    today = timezone.localdate(now)
    # Wide enough for any timezone and both kinds; send_time() decides exactly.
    oldest = today - dt.timedelta(days=IMPACT_AFTER_DAYS + INVITATION_DAYS + 2)
    by_dates = Q(ends_on__gte=oldest, ends_on__lte=today + dt.timedelta(days=1))
    by_chosen_time = Q(
        surveys__send_at__lte=now,
        surveys__send_at__gt=now - dt.timedelta(days=INVITATION_DAYS),
    )
    workshops = (
        Workshop.objects.filter(by_dates | by_chosen_time)
        .exclude(status__in=[WorkshopStatus.DRAFT, WorkshopStatus.CANCELLED])
        .distinct()
        .order_by("pk")
        .prefetch_related("surveys")
    )
    defaults = {t.kind: t for t in SurveyTemplate.objects.filter(is_default=True)}
    for workshop in workshops:
        existing = {s.kind: s for s in workshop.surveys.all()}
        for kind in SurveyKind.values:
            survey = existing.get(kind)
            due = send_time(survey) if survey else default_send_at(workshop=workshop, kind=kind)
            if due is None or not (due <= now < due + dt.timedelta(days=INVITATION_DAYS)):
                continue
            if survey is None:
                if kind not in defaults:
                    logger.warning("no default %s survey template; workshop %s", kind, workshop.pk)
                    continue
                survey = _get_or_create_survey(
                    workshop=workshop, kind=kind, template=defaults[kind]
                )
            made = invite_participants(survey=survey, now=now)
            if made:
                report.surveys += 1
                report.invitations += made
    if report.invitations:
        logger.info("surveys: %s", report)
    return report


def _get_or_create_survey(*, workshop, kind, template) -> WorkshopSurvey:
    try:
        with transaction.atomic():
            survey, _created = WorkshopSurvey.objects.get_or_create(
                workshop=workshop, kind=kind, defaults={"template": template}
            )
    except IntegrityError:
        # Another sweep made it between our read and our write.
        survey = WorkshopSurvey.objects.get(workshop=workshop, kind=kind)
    return survey


@transaction.atomic
def invite_participants(*, survey: WorkshopSurvey, now: dt.datetime | None = None) -> int:
    """Invite to `survey` every registration invitable now and not yet invited, each
    with its invitation email (due now) and reminder (due in 7 days) in the outbox;
    return how many were invited. Locks the survey row: two sweeps at once invite
    each participant once."""
    now = now or timezone.now()
    survey = WorkshopSurvey.objects.select_for_update().select_related("workshop").get(pk=survey.pk)
    registrations = list(
        invitable_registrations(survey.workshop)
        .exclude(survey_invitations__survey=survey)
        .select_related("participant")
        .order_by("pk")
    )
    if not registrations:
        return 0
    invitations = Invitation.objects.bulk_create(
        [
            Invitation(
                survey=survey,
                registration=registration,
                language=registration.participant.preferred_language,
                created_at=now,
                expires_at=now + dt.timedelta(days=INVITATION_DAYS),
            )
            for registration in registrations
        ]
    )
    if not all(invitation.pk for invitation in invitations):
        # SQLite before 3.35 gives no ids back from a bulk insert.
        invitations = list(survey.invitations.filter(created_at=now).order_by("registration_id"))
    participants = {r.pk: r.participant for r in registrations}
    for invitation in invitations:
        participant = participants[invitation.registration_id]
        for kind, due_at in (
            (NotificationKind.SURVEY_INVITATION, now),
            (NotificationKind.SURVEY_REMINDER, now + dt.timedelta(days=REMINDER_AFTER_DAYS)),
        ):
            schedule_notification(
                kind=kind,
                target=invitation,
                recipient=participant.email,
                language=invitation.language,
                due_at=due_at,
            )
    if survey.opened_at is None:
        WorkshopSurvey.objects.filter(pk=survey.pk).update(opened_at=now)
    return len(invitations)


# --- Answering ---------------------------------------------------------------------------


def check_open(invitation: Invitation, now=None) -> None:
    """Raise AlreadyAnswered or InvitationExpired when `invitation` takes no answers."""
    if invitation.responses.exists():
        raise AlreadyAnswered("This survey has already been answered.")
    if invitation.is_expired(now):
        raise InvitationExpired("This survey link has expired.")


def submit_response(*, invitation: Invitation, answers, language: str) -> Response:
    """Record the answers given through `invitation`, once.

    `answers`: (question, value) pairs as surveys.forms.SurveyForm.answers() gives
    them: an int 1–5 for a rating, a Choice for one choice, a list of Choices for
    several, True/False for yes/no, a string for free text; None or empty when not
    answered. Also cancels the invitation's pending reminder.

    Raises AlreadyAnswered when a response exists, including one saved a moment ago
    by another request (the database keeps one response per invitation),
    InvitationExpired after the link's time, and ValidationError on a value that does
    not fit its question; nothing is written then.
    """
    try:
        with transaction.atomic():
            # Waits for a concurrent submission of the same invitation to commit, so
            # that the check below sees it (PostgreSQL; SQLite writes one at a time).
            Invitation.objects.select_for_update().filter(pk=invitation.pk).first()
            check_open(invitation)
            response = Response.objects.create(
                invitation=invitation, survey_id=invitation.survey_id, language=language
            )
            Answer.objects.bulk_create(_answer_rows(response, answers))
            cancel_notifications(
                notifications=Notification.objects.filter(
                    kind=NotificationKind.SURVEY_REMINDER,
                    target_type__app_label="surveys",
                    target_type__model="invitation",
                    target_id=invitation.pk,
                ),
                reason="Not sent: the survey was answered.",
            )
    except IntegrityError:
        # The unique constraint caught a second response the lock did not (a race on
        # a database without row locks): the first one stands.
        raise AlreadyAnswered("This survey has already been answered.") from None
    return response


def _answer_rows(response, answers) -> list[Answer]:
    rows = []
    for question, value in answers:
        if value is None or value == "" or value == []:
            continue
        base = {"response": response, "question": question}
        match question.kind:
            case QuestionKind.RATING:
                if value not in (1, 2, 3, 4, 5):
                    raise ValidationError(f"A rating is from 1 to 5, not {value!r}.")
                rows.append(Answer(**base, number=value))
            case QuestionKind.YES_NO:
                rows.append(Answer(**base, number=1 if value else 0))
            case QuestionKind.SINGLE:
                rows.append(Answer(**base, choice=_checked_choice(question, value)))
            case QuestionKind.MULTIPLE:
                rows += [Answer(**base, choice=_checked_choice(question, c)) for c in value]
            case _:
                rows.append(Answer(**base, text=str(value).strip()))
    return rows


def _checked_choice(question, choice):
    if choice.question_id != question.pk:
        raise ValidationError("This choice belongs to another question.")
    return choice

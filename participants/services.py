"""Writes to participants, registrations and attendance, and the participant emails
that follow from them and from changes to a workshop (what the emails say is
participants/emails.py; the outbox that sends them, notifications/).

A registration's emails are due while it is confirmed, its participant consents to be
contacted and has an address, and its workshop is scheduled and not over: the
confirmation at once, a reminder at 09:00 (the workshop's time) each
Workshop.reminder_days before the first day, unless that time has passed. A change
notice goes to those whose confirmation went out when the days, times or joining
details change; a cancellation notice when the workshop is cancelled. Every outbox row
is written in the transaction of the change that makes it due.
"""

import datetime as dt
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from core.cache import records_changed
from notifications.choices import NotificationKind, NotificationState
from notifications.models import Notification
from notifications.services import cancel_notifications, schedule_notification
from workshops.choices import WorkshopStatus
from workshops.models import Workshop, WorkshopDay
from workshops.queries import WorkshopFacts, workshop_facts
from workshops.services import set_workshop_days

from .choices import AttendanceMark, RegistrationStatus
from .emails import may_email
from .models import Attendance, Participant, Registration

# Reminders arrive at this time of day, in the workshop's timezone.
REMINDER_TIME = dt.time(9, 0)


@transaction.atomic
def register_participant(
    *,
    workshop: Workshop,
    participant: Participant,
    status: str = RegistrationStatus.NOMINATED,
    notes: str = "",
) -> Registration:
    """Register a participant in a workshop.

    Raises ValidationError, writing nothing, when the participant is already
    registered or the workshop is full (withdrawn registrations free their place).
    Locks the workshop row so two staff filling the last place cannot both succeed.
    """
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    if workshop.capacity is not None and status != RegistrationStatus.WITHDRAWN:
        taken = workshop.registrations.exclude(status=RegistrationStatus.WITHDRAWN).count()
        if taken >= workshop.capacity:
            raise ValidationError(
                f"{workshop} is full ({workshop.capacity} places). Raise its capacity "
                "or withdraw another registration first."
            )
    registration = Registration(
        workshop=workshop, participant=participant, status=status, notes=notes
    )
    registration.full_clean()
    registration.save()
    if status == RegistrationStatus.CONFIRMED:
        _schedule_registration_emails(registration)
    return registration


@transaction.atomic
def change_registration(
    *, registration: Registration, status: str, notes: str | None = None
) -> Registration:
    """Set a registration's status (and notes), with the emails that follow.

    Becoming confirmed queues the confirmation and the reminders; leaving confirmed
    (withdrawn, back to nominated, attended) cancels its emails not yet sent. Raises
    ValidationError, writing nothing, when a withdrawn registration would come back
    into a full workshop or a value is invalid. Saves every field of `registration`.
    """
    workshop = Workshop.objects.select_for_update().get(pk=registration.workshop_id)
    previous = Registration.objects.values_list("status", flat=True).get(pk=registration.pk)
    if (
        previous == RegistrationStatus.WITHDRAWN
        and status != RegistrationStatus.WITHDRAWN
        and workshop.capacity is not None
    ):
        taken = (
            workshop.registrations.exclude(status=RegistrationStatus.WITHDRAWN)
            .exclude(pk=registration.pk)
            .count()
        )
        if taken >= workshop.capacity:
            raise ValidationError(
                f"{workshop} is full ({workshop.capacity} places). Raise its capacity "
                "or withdraw another registration first."
            )
    registration.status = status
    if notes is not None:
        registration.notes = notes
    registration.full_clean()
    registration.save()
    if status == RegistrationStatus.CONFIRMED and previous != RegistrationStatus.CONFIRMED:
        _schedule_registration_emails(registration)
    elif status != RegistrationStatus.CONFIRMED and previous == RegistrationStatus.CONFIRMED:
        cancel_notifications(
            notifications=registration.notifications.all(),
            reason=f"Not sent: the registration became {status}.",
        )
    return registration


def record_attendance(
    *, registration: Registration, day: WorkshopDay, mark: str, by=None
) -> Attendance:
    """Set one participant's attendance mark (AttendanceMark) on one day, replacing an
    earlier mark; `by` and the time are recorded with it.

    Raises ValidationError when the day is not one of the registration's workshop or
    the mark is not one of AttendanceMark. A whole day's roll call is
    training.services.record_roll_call, in a constant number of queries.
    """
    if day.workshop_id != registration.workshop_id:
        raise ValidationError("Choose a day of the workshop this registration is for.")
    if mark not in AttendanceMark.values:
        raise ValidationError(f"Choose a mark among {', '.join(AttendanceMark.values)}.")
    attendance, _ = Attendance.objects.update_or_create(
        registration=registration,
        day=day,
        defaults={"mark": mark, "recorded_by": by},
    )
    return attendance


# --- Workshop changes that participants hear of ------------------------------------------


@transaction.atomic
def notify_workshop_change(*, workshop: Workshop, before: WorkshopFacts | None) -> None:
    """Bring the participant emails of `workshop` in line with it after staff changed
    it; `before` is workshops.queries.workshop_facts() read before the change (None for
    a workshop just created).

    Cancelled: emails not yet sent are cancelled, and those whose confirmation went
    out get a cancellation notice. Scheduled: reminders follow the first day and the
    reminder days; confirmations and reminders are queued for confirmed registrations
    when it becomes scheduled; a change notice goes to those whose confirmation went
    out when the days, times, place or joining details changed (one pending notice per
    participant: it is rendered when sent, so it always shows the latest details).
    """
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    after = workshop_facts(workshop.pk)
    if before == after:
        return
    registrations = list(
        workshop.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related(
            "participant"
        )
    )
    for registration in registrations:
        registration.workshop = workshop
    was = before.status if before else None

    if after.status == WorkshopStatus.CANCELLED:
        if was != WorkshopStatus.CANCELLED:
            cancel_notifications(
                notifications=Notification.objects.filter(registration__workshop=workshop),
                reason="Not sent: the workshop was cancelled.",
            )
            told = _told(workshop)
            for registration in registrations:
                if registration.pk in told and may_email(registration):
                    _schedule(registration, NotificationKind.CANCELLATION)
        return
    if after.status != WorkshopStatus.SCHEDULED:
        return
    if was != WorkshopStatus.SCHEDULED or before.reminders != after.reminders:
        for registration in registrations:
            _schedule_registration_emails(registration)
    if was == WorkshopStatus.CANCELLED or (
        was == WorkshopStatus.SCHEDULED and before.announced != after.announced
    ):
        told = _told(workshop)
        changes = Notification.objects.filter(
            registration__workshop=workshop, kind=NotificationKind.CHANGE
        )
        waiting = set(
            changes.filter(state=NotificationState.PENDING).values_list(
                "registration_id", flat=True
            )
        )
        revisions = dict(
            changes.values("registration_id")
            .annotate(last=Max("revision"))
            .values_list("registration_id", "last")
        )
        for registration in registrations:
            is_due = registration.pk in told and registration.pk not in waiting
            if is_due and may_email(registration):
                _schedule(
                    registration,
                    NotificationKind.CHANGE,
                    revision=revisions.get(registration.pk, 0) + 1,
                )


@transaction.atomic
def cancel_workshop(*, workshop: Workshop) -> Workshop:
    """Cancel a workshop and tell its participants (notify_workshop_change)."""
    before = workshop_facts(workshop.pk)
    Workshop.objects.filter(pk=workshop.pk).update(
        status=WorkshopStatus.CANCELLED, updated_at=timezone.now()
    )
    records_changed()
    workshop.status = WorkshopStatus.CANCELLED
    notify_workshop_change(workshop=workshop, before=before)
    return workshop


@transaction.atomic
def reschedule_workshop(*, workshop: Workshop, dates) -> list[WorkshopDay]:
    """Move a workshop to these dates (workshops.services.set_workshop_days): its
    unsent reminders move with the first day, and participants whose confirmation
    went out get a change notice. Raises ValidationError when a date is invalid."""
    before = workshop_facts(workshop.pk)
    days = set_workshop_days(workshop=workshop, dates=dates)
    notify_workshop_change(workshop=workshop, before=before)
    return days


def _told(workshop) -> set[int]:
    """The registrations of `workshop` whose confirmation went out (or is going)."""
    return set(
        Notification.objects.filter(
            registration__workshop=workshop,
            kind=NotificationKind.CONFIRMATION,
            state__in=[NotificationState.SENT, NotificationState.SENDING],
        ).values_list("registration_id", flat=True)
    )


def _schedule(registration, kind, **key):
    participant = registration.participant
    return schedule_notification(
        kind=kind,
        registration=registration,
        recipient=participant.email,
        language=participant.preferred_language,
        **key,
    )


def _schedule_registration_emails(registration: Registration) -> None:
    """The confirmation and the reminders of a confirmed registration, as its workshop
    now stands: missing ones queued, reminders moved to the current first day, those
    whose time has passed or whose day was dropped from reminder_days cancelled."""
    workshop = registration.workshop
    now = timezone.now()
    is_over = workshop.ends_on is not None and workshop.ends_on < timezone.localdate(
        now, zoneinfo.ZoneInfo(workshop.timezone)
    )
    if not may_email(registration) or workshop.status != WorkshopStatus.SCHEDULED or is_over:
        return
    _schedule(registration, NotificationKind.CONFIRMATION)
    wanted = {}
    if workshop.starts_on is not None:
        zone = zoneinfo.ZoneInfo(workshop.timezone)
        for days in workshop.reminder_offsets:
            due_at = dt.datetime.combine(
                workshop.starts_on - dt.timedelta(days=days), REMINDER_TIME, tzinfo=zone
            )
            if due_at > now:
                wanted[days] = due_at
    reminders = {
        reminder.offset_days: reminder
        for reminder in registration.notifications.filter(kind=NotificationKind.REMINDER)
    }
    for days, due_at in wanted.items():
        reminder = reminders.get(days)
        if (
            reminder is None
            or reminder.state == NotificationState.CANCELLED
            or (reminder.state == NotificationState.PENDING and reminder.due_at != due_at)
        ):
            _schedule(registration, NotificationKind.REMINDER, offset_days=days, due_at=due_at)
    cancel_notifications(
        notifications=registration.notifications.filter(
            kind=NotificationKind.REMINDER,
            pk__in=[r.pk for days, r in reminders.items() if days not in wanted],
        ),
        reason="Not sent: its time passed when the workshop moved, or its day was removed "
        "from the workshop's reminders.",
    )

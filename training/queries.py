"""Reads of the trainers' records, each shaped for a page of the trainers' area in a
fixed number of statements."""

import datetime as dt
import zoneinfo

from django.db.models import Count, F, FilteredRelation, Prefetch, Q, QuerySet
from django.utils import timezone

from core.admin_utils import count_of
from participants.choices import ROLL_CALL_STATUSES, AttendanceMark
from participants.models import Registration
from workshops.models import Session, Speaker, Workshop, WorkshopDay


def workshop_today(workshop: Workshop) -> dt.date:
    """Today's date where the workshop takes place: its days are dates in its timezone,
    so a day in Fiji starts while it is still yesterday in Bangkok."""
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(workshop.timezone))


def is_day_callable(day: WorkshopDay) -> bool:
    """Whether the roll of `day` can be called (or a session of it logged): not before
    the day has come in the workshop's timezone."""
    return day.held_on <= workshop_today(day.workshop)


def roll_of(workshop_id) -> QuerySet[Registration]:
    """The registrations called on each day's roll of a workshop (ROLL_CALL_STATUSES)."""
    return Registration.objects.filter(workshop_id=workshop_id, status__in=ROLL_CALL_STATUSES)


def workshops_for_trainer(user) -> QuerySet[Workshop]:
    """The workshops `user` is assigned to (workshops.TrainerAssignment), and no other:
    every page of the trainers' area starts from here, so another workshop is a 404
    whoever asks, staff included (staff have the admin)."""
    # No duplicates: an assignment is unique per (workshop, trainer).
    return Workshop.objects.filter(trainer_assignments__trainer=user)


def trainer_workshop_list(user) -> list[Workshop]:
    """The trainer's workshops for their home page, newest first, each with `day_count`
    and `roll_size` (registrations on the roll). One statement."""
    return list(
        workshops_for_trainer(user).annotate(
            day_count=count_of(WorkshopDay.objects.all(), "workshop"),
            roll_size=count_of(
                Registration.objects.filter(status__in=ROLL_CALL_STATUSES), "workshop"
            ),
        )
    )


def trainer_workshop(user, *, slug: str) -> Workshop:
    """One of the trainer's workshops with `roll_size`; Workshop.DoesNotExist for any
    other slug, assigned to someone else or not."""
    return (
        workshops_for_trainer(user)
        .annotate(
            roll_size=count_of(
                Registration.objects.filter(status__in=ROLL_CALL_STATUSES), "workshop"
            )
        )
        .get(slug=slug)
    )


def workshop_days_with_records(workshop: Workshop) -> list[WorkshopDay]:
    """The workshop's days, each with `marked_count` (marks of people on the roll) and
    its sessions (each with its `log`, or none). Two statements."""
    sessions = Session.objects.select_related("log").order_by("order", "start_time", "pk")
    return list(
        workshop.days.annotate(
            marked_count=Count(
                "attendances",
                filter=Q(attendances__registration__status__in=ROLL_CALL_STATUSES),
            )
        ).prefetch_related(Prefetch("sessions", queryset=sessions))
    )


def trainer_day(workshop: Workshop, *, held_on: dt.date) -> WorkshopDay:
    """The workshop's day on `held_on` (its `workshop` attached, no query for it);
    WorkshopDay.DoesNotExist when the workshop does not run that day."""
    day = workshop.days.get(held_on=held_on)
    day.workshop = workshop
    return day


def roll_call_rows(day: WorkshopDay) -> list[Registration]:
    """The day's roll: the registrations of ROLL_CALL_STATUSES by family name, each with
    its participant and agency and its mark of the day: `mark`, `mark_label`,
    `marked_at`, `marked_by_username` and `marked_by_label` (the name to show), all
    None when not marked yet (the last two also for a mark without an author). One
    statement whatever the class size.

    Names only: the participants' emails are not selected, so no page can show them."""
    rows = list(
        roll_of(day.workshop_id)
        .select_related("participant__agency")
        .only(
            "pk",
            "status",
            "participant__given_name",
            "participant__family_name",
            "participant__agency__name",
            "participant__agency__acronym",
        )
        .annotate(
            of_day=FilteredRelation("attendances", condition=Q(attendances__day=day)),
            mark=F("of_day__mark"),
            marked_at=F("of_day__recorded_at"),
            marked_by_username=F("of_day__recorded_by__username"),
            marked_by_first_name=F("of_day__recorded_by__first_name"),
            marked_by_last_name=F("of_day__recorded_by__last_name"),
        )
        .order_by("participant__family_name", "participant__given_name", "pk")
    )
    for row in rows:
        row.mark_label = row.marked_by_label = None
        if row.mark:
            row.mark_label = AttendanceMark(row.mark).label
            full_name = f"{row.marked_by_first_name or ''} {row.marked_by_last_name or ''}"
            # None for a mark without an author: loaded (demo data) or whose author's
            # account was deleted.
            row.marked_by_label = full_name.strip() or row.marked_by_username
    return rows


def trainer_session(workshop: Workshop, *, pk: int) -> Session:
    """A session of the workshop with its day and its log (or none); Session.DoesNotExist
    for a session of any other workshop."""
    session = workshop.sessions.select_related("day", "log").get(pk=pk)
    session.workshop = session.day.workshop = workshop
    return session


def speakers_of_workshop(workshop: Workshop) -> QuerySet[Speaker]:
    """The speakers of the workshop's programme: who a session log may name."""
    return (
        Speaker.objects.filter(
            Q(sessions__workshop=workshop) | Q(session_logs__session__workshop=workshop)
        )
        .distinct()
        .order_by("name")
    )

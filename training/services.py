"""Writes of the trainers' records: roll calls and session logs."""

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, FilteredRelation, Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from participants.choices import AttendanceMark
from participants.models import Attendance
from workshops.models import Session, Speaker, WorkshopDay

from .models import SessionLog
from .queries import is_day_callable, roll_of


@dataclasses.dataclass(frozen=True)
class RollCallResult:
    """What record_roll_call wrote: marks `created` and `changed`; `unchanged` were
    submitted as they already were and left alone, with their author and time."""

    created: int
    changed: int
    unchanged: int


def _refuse_future_day(day: WorkshopDay, message: str) -> None:
    if not is_day_callable(day):
        raise ValidationError(
            message % {"date": date_format(day.held_on, "DATE_FORMAT")}, code="future_day"
        )


@transaction.atomic
def record_roll_call(*, day: WorkshopDay, marks: Mapping[int, str], by) -> RollCallResult:
    """Save a day's roll call: `marks` maps registration ids to AttendanceMark values.

    Writes, in one upsert, only the marks that are new or differ from the recorded
    ones, each with `by` and the time; a mark submitted unchanged keeps who set it and
    when, and a registration left out of `marks` keeps what it had. Statements, whatever
    the class size: one read of the roll (locking its registrations on PostgreSQL, so
    that two trainers saving at once are applied one after the other) and one
    INSERT ... ON CONFLICT (SQLite caps a statement at 999 parameters: ~200 marks).

    Raises ValidationError, writing nothing, when the day has not come yet in the
    workshop's timezone (code "future_day"), a mark is not an AttendanceMark
    ("invalid_mark"), or a registration id is not on the day's roll: another
    workshop's, withdrawn, nominated or unknown ("not_on_roll").
    """
    _refuse_future_day(day, _("The roll of %(date)s cannot be called before that day."))
    if any(mark not in AttendanceMark.values for mark in marks.values()):
        raise ValidationError(
            _("Choose present, late or absent for each participant."), code="invalid_mark"
        )
    recorded = dict(
        roll_of(day.workshop_id)
        .select_for_update(of=("self",))
        .annotate(of_day=FilteredRelation("attendances", condition=Q(attendances__day=day)))
        .values_list("pk", F("of_day__mark"))
    )
    off_roll = set(marks) - set(recorded)
    if off_roll:
        raise ValidationError(
            ngettext(
                "Nothing was saved: %(count)d mark was for someone who is not on this day’s roll.",
                "Nothing was saved: %(count)d marks were for people who are not on this "
                "day’s roll.",
                len(off_roll),
            )
            % {"count": len(off_roll)},
            code="not_on_roll",
        )
    # Attendance.clean() (the day belongs to the registration's workshop) holds by
    # construction: every registration id was just read from the day's own roll.
    writes = [
        Attendance(registration_id=pk, day=day, mark=mark, recorded_by=by)
        for pk, mark in marks.items()
        if recorded[pk] != mark
    ]
    if writes:
        # recorded_at is auto_now: bulk_create sets it on each row as save() would.
        Attendance.objects.bulk_create(
            writes,
            update_conflicts=True,
            unique_fields=["registration", "day"],
            update_fields=["mark", "recorded_by", "recorded_at"],
        )
    created = sum(recorded[a.registration_id] is None for a in writes)
    return RollCallResult(
        created=created, changed=len(writes) - created, unchanged=len(marks) - len(writes)
    )


@transaction.atomic
def log_session(
    *,
    session: Session,
    start_time: dt.time,
    end_time: dt.time,
    notes: str = "",
    speakers: Iterable[Speaker] = (),
    by,
) -> SessionLog:
    """Record how `session` was delivered: its actual times, notes and the speakers who
    spoke, replacing an earlier log of it; `by` and the time are recorded with it.

    Raises ValidationError, writing nothing, when the session's day has not come yet in
    the workshop's timezone or the end is not after the start.
    """
    _refuse_future_day(session.day, _("A session of %(date)s cannot be logged before that day."))
    # The session's row is locked (PostgreSQL) so that two trainers logging it at once
    # update one log one after the other instead of both trying to create it.
    Session.objects.select_for_update().filter(pk=session.pk).first()
    log = SessionLog.objects.filter(session=session).first() or SessionLog(session=session)
    log.start_time, log.end_time, log.notes, log.logged_by = start_time, end_time, notes, by
    # The one-per-session rule is the OneToOneField's unique index; the read above has
    # already found an existing log, so skip the query that would check it again.
    log.full_clean(validate_unique=False)
    log.save()
    log.speakers.set(speakers)
    return log

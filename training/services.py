"""Writes of the trainers' records: roll calls, session logs, completion and
certificates."""

import collections
import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, FilteredRelation, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.cache import records_changed
from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Attendance, Registration
from workshops.models import Session, Speaker, Workshop, WorkshopDay

from . import certificate_codes
from .models import Certificate, CompletionOverride, SessionLog
from .queries import completion_proposal, completion_status, is_day_callable, roll_of


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
        records_changed()
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


# Completion and certificates (issue 12).


@dataclasses.dataclass(frozen=True)
class CompletionResult:
    """What confirm_completion wrote: registrations now `completed` and `attended`,
    `changed` of them (the others had that status already), certificates `issued`,
    and `certificates_to_revoke`: valid certificates of people who no longer
    completed, which only staff may revoke."""

    completed: int
    attended: int
    changed: int
    issued: int
    certificates_to_revoke: int


def _refuse_unfinished(proposal) -> None:
    if not proposal.day_count:
        raise ValidationError(
            _("This workshop has no days: there is no attendance to confirm."), code="no_days"
        )
    if not proposal.is_confirmable:
        raise ValidationError(
            _("Completion can be confirmed once the workshop is over: its last day is %(date)s.")
            % {"date": date_format(proposal.last_day, "DATE_FORMAT")},
            code="not_over",
        )


def _lock_registrations(workshop) -> None:
    # Two trainers confirming at once (or a roll call saved meanwhile on PostgreSQL,
    # which locks the same rows) are applied one after the other.
    list(
        Registration.objects.filter(workshop=workshop)
        .select_for_update()
        # Not Meta.ordering's joins: they would lock the workshop and participants too.
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def confirm_completion(*, workshop: Workshop, by) -> CompletionResult:
    """Apply the completion proposal (training.queries.completion_proposal: the rule,
    and the trainers' overrides) to every registration of the workshop but the
    withdrawn: completed, attended (came at least one day) or, for no day at all,
    confirmed again if it said otherwise. Then issue a certificate to each completed
    registration without one.

    Statements, whatever the class size: a lock of the registrations, the proposal's
    two reads, one UPDATE per status that changes, and the certificates' (see
    issue_certificates). Raises ValidationError, writing nothing, when the workshop
    has no days ("no_days") or its last day has not come yet ("not_over").
    """
    _lock_registrations(workshop)
    proposal = completion_proposal(workshop)
    _refuse_unfinished(proposal)
    by_status = collections.defaultdict(list)
    for row in proposal.rows:
        if row.status != row.registration.status:
            by_status[row.status].append(row.registration.pk)
    for status, pks in by_status.items():
        Registration.objects.filter(pk__in=pks).update(status=status)
    if by_status:
        records_changed()
    completed = [row.registration.pk for row in proposal.rows if row.is_completed]
    issued = issue_certificates(registration_ids=completed, by=by)
    return CompletionResult(
        completed=len(completed),
        attended=sum(row.status == RegistrationStatus.ATTENDED for row in proposal.rows),
        changed=sum(len(pks) for pks in by_status.values()),
        issued=issued,
        certificates_to_revoke=sum(
            1
            for row in proposal.rows
            if not row.is_completed
            and getattr(row.registration, "certificate", None)
            and not row.registration.certificate.is_revoked
        ),
    )


@transaction.atomic
def override_completion(
    *, registration: Registration, is_completed: bool, reason: str, by
) -> CompletionOverride:
    """Record the trainer's decision that `registration` completed (or did not),
    whatever the rule says, with `reason`, `by` and the time (replacing an earlier
    decision), and apply it to the registration's status at once, issuing its
    certificate if it completed.

    Raises ValidationError, writing nothing, without a reason ("reason"), for a
    withdrawn registration ("withdrawn") and, as confirm_completion, before the
    workshop is over.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(
            _("Say why this participant’s completion differs from the rule."), code="reason"
        )
    workshop = registration.workshop
    _lock_registrations(workshop)
    proposal = completion_proposal(workshop)
    _refuse_unfinished(proposal)
    row = next((r for r in proposal.rows if r.registration.pk == registration.pk), None)
    if row is None:
        raise ValidationError(
            _("This participant has withdrawn from the workshop."), code="withdrawn"
        )
    override, _created = CompletionOverride.objects.update_or_create(
        registration=registration,
        defaults={"is_completed": is_completed, "reason": reason, "decided_by": by},
    )
    status = completion_status(
        is_completed=is_completed, days_attended=row.days_attended, current=row.registration.status
    )
    Registration.objects.filter(pk=registration.pk).update(status=status)
    records_changed()
    registration.status = status
    if is_completed:
        issue_certificates(registration_ids=[registration.pk], by=by)
    return override


def _needing_certificates(registration_ids) -> list[int]:
    return list(
        Registration.objects.filter(
            pk__in=registration_ids,
            status=RegistrationStatus.COMPLETED,
            certificate__isnull=True,
        ).values_list("pk", flat=True)
    )


def issue_certificates(*, registration_ids: Iterable[int], by=None) -> int:
    """Give each of these registrations that is completed and has no certificate a
    new one; return how many were issued. Registrations that are not completed, or
    already have a certificate (valid or revoked), are left alone: a revoked
    certificate is not replaced behind staff's back.

    Three statements: who needs one, one INSERT, and who still does (a code equal to
    an existing one, one chance in 10^15 per pair, is skipped and drawn again).
    """
    registration_ids = list(registration_ids)
    needing = _needing_certificates(registration_ids)
    wanted = len(needing)
    for _attempt in range(5):
        if not needing:
            break
        # ignore_conflicts: a registration given one meanwhile (by another request)
        # or a colliding code is skipped; the next read says who still needs one.
        Certificate.objects.bulk_create(
            [
                Certificate(registration_id=pk, code=certificate_codes.new_code(), issued_by=by)
                for pk in needing
            ],
            ignore_conflicts=True,
        )
        needing = _needing_certificates(registration_ids)
    return wanted - len(needing)


@transaction.atomic
def revoke_certificate(*, certificate: Certificate, reason: str, by) -> Certificate:
    """Revoke `certificate` with `reason`, `by` and the time: its verification page
    says revoked from now on. Staff only (the views check it).

    Raises ValidationError without a reason ("reason") or when it is already revoked
    ("revoked"), writing nothing.
    """
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Say why this certificate is revoked."), code="reason")
    # Locked, so that two staff revoking at once do not overwrite each other's reason.
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.is_revoked:
        raise ValidationError(_("This certificate is already revoked."), code="revoked")
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.revoked_by = by
    certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
    return certificate

"""Reads of the trainers' records, each shaped for a page of the trainers' area in a
fixed number of statements."""

import dataclasses
import datetime as dt
import zoneinfo

from django.conf import settings
from django.db.models import Count, F, FilteredRelation, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from core.admin_utils import count_of
from participants.choices import (
    ATTENDING_MARKS,
    ROLL_CALL_STATUSES,
    TRAINED_STATUSES,
    AttendanceMark,
    RegistrationStatus,
)
from participants.models import Participant, Registration
from workshops.models import Session, Speaker, Workshop, WorkshopDay, WorkshopPartner
from workshops.queries import EventDates, days_of

from .models import Certificate


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
        )
        # Explicit: Meta.ordering does not apply to an aggregating query.
        .order_by("held_on")
        .prefetch_related(Prefetch("sessions", queryset=sessions))
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


# Completion (issue 12): who attended enough of a workshop's days.


@dataclasses.dataclass
class CompletionRow:
    """One registration in the completion proposal: `days_attended` (present or late,
    on days already held), whether that `meets_rule`, the trainer's `override` if any,
    and the outcome: `is_completed` and the `status` confirming would give."""

    registration: Registration
    days_attended: int
    meets_rule: bool
    override: object  # training.models.CompletionOverride or None
    is_completed: bool
    status: str


@dataclasses.dataclass
class CompletionProposal:
    workshop: Workshop
    day_count: int
    last_day: dt.date | None
    today: dt.date
    rows: list[CompletionRow]

    @property
    def is_confirmable(self) -> bool:
        """Completion is known once every day has been held (its last day included)."""
        return bool(self.day_count) and self.last_day is not None and self.last_day <= self.today

    @property
    def completed_count(self) -> int:
        return sum(row.is_completed for row in self.rows)


def meets_completion_rule(*, days_attended: int, day_count: int, percent: int) -> bool:
    """At least `percent` % of the days, in integers: 4 of 5 days is exactly 80 %."""
    return day_count > 0 and days_attended * 100 >= percent * day_count


def completion_status(*, is_completed: bool, days_attended: int, current: str) -> str:
    """The registration status a confirmed completion gives: completed; attended for
    someone who came at least one day; otherwise what it was, except that a status
    saying they attended goes back to confirmed."""
    if is_completed:
        return RegistrationStatus.COMPLETED
    if days_attended:
        return RegistrationStatus.ATTENDED
    if current in TRAINED_STATUSES:
        return RegistrationStatus.CONFIRMED
    return current


def completion_proposal(workshop: Workshop) -> CompletionProposal:
    """The completion rule applied to each registration of the workshop (withdrawn
    ones aside), by family name, with the trainer's overrides. Two statements
    whatever the class size: the days, and the registrations with their counts.

    Only days already held count (held_on up to today in the workshop's timezone):
    a mark on a later day, however it got there, does not make anyone complete."""
    today = workshop_today(workshop)
    days = workshop.days.aggregate(count=Count("pk"), last=Max("held_on"))
    registrations = (
        Registration.objects.filter(workshop=workshop)
        .exclude(status=RegistrationStatus.WITHDRAWN)
        .select_related("participant__agency", "completion_override__decided_by", "certificate")
        .only(
            "pk",
            "status",
            "workshop_id",
            "participant__given_name",
            "participant__family_name",
            "participant__agency__name",
            "participant__agency__acronym",
            "completion_override__is_completed",
            "completion_override__reason",
            "completion_override__decided_at",
            "completion_override__decided_by__username",
            "completion_override__decided_by__first_name",
            "completion_override__decided_by__last_name",
            "certificate__code",
            "certificate__revoked_at",
        )
        .annotate(
            days_attended=Count(
                "attendances",
                filter=Q(
                    attendances__mark__in=ATTENDING_MARKS,
                    attendances__day__held_on__lte=today,
                ),
            )
        )
        .order_by("participant__family_name", "participant__given_name", "pk")
    )
    day_count = days["count"]
    rows = []
    for registration in registrations:
        meets = meets_completion_rule(
            days_attended=registration.days_attended,
            day_count=day_count,
            percent=workshop.completion_percent,
        )
        override = getattr(registration, "completion_override", None)
        is_completed = override.is_completed if override else meets
        rows.append(
            CompletionRow(
                registration=registration,
                days_attended=registration.days_attended,
                meets_rule=meets,
                override=override,
                is_completed=is_completed,
                status=completion_status(
                    is_completed=is_completed,
                    days_attended=registration.days_attended,
                    current=registration.status,
                ),
            )
        )
    return CompletionProposal(
        workshop=workshop, day_count=day_count, last_day=days["last"], today=today, rows=rows
    )


# Certificates (issue 12).


@dataclasses.dataclass(frozen=True)
class PrintedCertificate:
    """What a certificate's PDF prints (training.certificate_pdf)."""

    code: str
    holder: str
    workshop_title: str
    dates: str
    days_attended: int
    day_count: int
    partners: tuple[str, ...]
    check_url: str


def certificate_check_url(code: str) -> str:
    """Where anyone checks a certificate: printed on it and in its QR code."""
    return f"{settings.SITE_URL}/certificates/{code}/"


def printed_certificates(certificates: QuerySet[Certificate]) -> list[PrintedCertificate]:
    """The valid certificates of `certificates` as printed, by workshop then holder's
    family name. Three statements whatever their number: the certificates with their
    holders, workshops and days attended, the workshops' days, their partners."""
    rows = list(
        certificates.filter(revoked_at__isnull=True)
        .select_related("registration__participant", "registration__workshop")
        .annotate(
            days_attended=Count(
                "registration__attendances",
                filter=Q(
                    registration__attendances__mark__in=ATTENDING_MARKS,
                    registration__attendances__day__held_on__lte=timezone.localdate(),
                ),
            )
        )
        .order_by(
            "registration__workshop__starts_on",
            "registration__workshop_id",
            "registration__participant__family_name",
            "registration__participant__given_name",
            "pk",
        )
    )
    workshop_ids = {row.registration.workshop_id for row in rows}
    days = days_of(workshop_ids)
    partners: dict[int, list[str]] = {}
    for workshop_id, name in (
        WorkshopPartner.objects.filter(workshop_id__in=workshop_ids)
        .order_by("role", "organisation__name")
        .values_list("workshop_id", "organisation__name")
    ):
        partners.setdefault(workshop_id, []).append(name)
    return [
        PrintedCertificate(
            code=row.code,
            holder=str(row.registration.participant),
            workshop_title=row.registration.workshop.title,
            dates=EventDates.of(days.get(row.registration.workshop_id, []), is_delivered=True).text,
            days_attended=row.days_attended,
            day_count=len(days.get(row.registration.workshop_id, [])),
            partners=tuple(partners.get(row.registration.workshop_id, [])),
            check_url=certificate_check_url(row.code),
        )
        for row in rows
    ]


def workshop_certificates(workshop: Workshop) -> QuerySet[Certificate]:
    return Certificate.objects.filter(registration__workshop=workshop)


@dataclasses.dataclass(frozen=True)
class CertificateCheck:
    """What the public verification page says of a certificate, and nothing else."""

    code: str
    holder: str
    workshop_title: str
    dates: EventDates
    is_revoked: bool


def certificate_check(code: str) -> CertificateCheck | None:
    """The certificate of `code` (as stored: see certificate_codes.normalise_code) for
    the public verification page, or None. Two statements: the certificate with the
    holder's name and the workshop's title (no other column of theirs is read, so no
    email can leak), and the workshop's days."""
    row = (
        Certificate.objects.filter(code=code)
        .values(
            "code",
            "revoked_at",
            "registration__workshop_id",
            "registration__workshop__title",
            "registration__participant__given_name",
            "registration__participant__family_name",
        )
        .first()
    )
    if row is None:
        return None
    workshop_id = row["registration__workshop_id"]
    holder = Participant(
        given_name=row["registration__participant__given_name"],
        family_name=row["registration__participant__family_name"],
    )
    return CertificateCheck(
        code=row["code"],
        holder=str(holder),
        workshop_title=row["registration__workshop__title"],
        dates=EventDates.of(days_of([workshop_id]).get(workshop_id, []), is_delivered=True),
        is_revoked=row["revoked_at"] is not None,
    )

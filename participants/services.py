"""Writes to participants, registrations and attendance."""

from django.core.exceptions import ValidationError
from django.db import transaction

from workshops.models import Workshop, WorkshopDay

from .choices import AttendanceMark, RegistrationStatus
from .models import Attendance, Participant, Registration


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

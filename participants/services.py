"""Writes to participants, registrations and attendance."""

from django.core.exceptions import ValidationError
from django.db import transaction

from workshops.models import Workshop, WorkshopDay

from .choices import RegistrationStatus
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
    *, registration: Registration, day: WorkshopDay, is_present: bool, by=None
) -> Attendance:
    """Set one participant's attendance on one day, replacing an earlier mark.

    Raises ValidationError when the day is not one of the registration's workshop.
    """
    if day.workshop_id != registration.workshop_id:
        raise ValidationError("Choose a day of the workshop this registration is for.")
    attendance, _ = Attendance.objects.update_or_create(
        registration=registration,
        day=day,
        defaults={"is_present": is_present, "recorded_by": by},
    )
    return attendance

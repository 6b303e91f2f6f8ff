from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Another gender")
    UNDISCLOSED = "undisclosed", _("Prefers not to say")


class RegistrationStatus(models.TextChoices):
    NOMINATED = "nominated", _("Nominated")
    CONFIRMED = "confirmed", _("Confirmed")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ATTENDED = "attended", _("Attended")
    COMPLETED = "completed", _("Completed")


# Registrations that count as “people trained” in reports and headline figures.
TRAINED_STATUSES = (RegistrationStatus.ATTENDED, RegistrationStatus.COMPLETED)


class AttendanceMark(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    ABSENT = "absent", _("Absent")


# Marks that count as having attended the day: late is there, only not on time.
ATTENDING_MARKS = (AttendanceMark.PRESENT, AttendanceMark.LATE)

# Registrations called on a day's roll. Nominated people are not confirmed to come and
# withdrawn ones will not; attended and completed stay on it so that their marks can
# still be corrected after staff (or the completion rule) changed their status.
ROLL_CALL_STATUSES = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.COMPLETED,
)

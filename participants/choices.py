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

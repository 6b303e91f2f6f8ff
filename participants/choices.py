from django.db import models


class Gender(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    OTHER = "other", "Another gender"
    UNDISCLOSED = "undisclosed", "Prefers not to say"


class RegistrationStatus(models.TextChoices):
    NOMINATED = "nominated", "Nominated"
    CONFIRMED = "confirmed", "Confirmed"
    WITHDRAWN = "withdrawn", "Withdrawn"
    ATTENDED = "attended", "Attended"
    COMPLETED = "completed", "Completed"


# Registrations that count as “people trained” in reports and headline figures.
TRAINED_STATUSES = (RegistrationStatus.ATTENDED, RegistrationStatus.COMPLETED)

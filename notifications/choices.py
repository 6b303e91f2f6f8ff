from django.db import models


class NotificationKind(models.TextChoices):
    """Every email the portal sends. Each kind is rendered by the app that makes it due
    (see registry.py); the kinds are listed here so that the database can check them
    and the admin can name them. Staff read these labels, participants never do."""

    CONFIRMATION = "confirmation", "Registration confirmed"
    REMINDER = "reminder", "Reminder"
    CHANGE = "change", "Workshop changed"
    CANCELLATION = "cancellation", "Workshop cancelled"
    TRAINING_REQUEST = "training_request", "Training request (to staff)"
    TRAINING_REQUEST_RECEIVED = "training_request_received", "Training request received"
    SURVEY_INVITATION = "survey_invitation", "Survey invitation"
    SURVEY_REMINDER = "survey_reminder", "Survey reminder"


class NotificationState(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled"

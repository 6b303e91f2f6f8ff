import uuid
from email.utils import parseaddr

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .choices import NotificationKind, NotificationState


def new_message_id() -> str:
    """A Message-ID for a new row: made once, so every try of the same email (a retry,
    or a resend after a worker died mid-send) carries the same one, and a recipient's
    mail client shows a duplicate as one message."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<{uuid.uuid4().hex}@{domain}>"


class NotificationQuerySet(models.QuerySet):
    def due(self, now=None):
        return self.filter(state=NotificationState.PENDING, due_at__lte=now or timezone.now())

    def pending(self):
        return self.filter(state=NotificationState.PENDING)


class Notification(models.Model):
    """One email in the outbox: created in the transaction of the change that makes it
    due, claimed by a sender, sent, marked. Carries what is needed to render the email
    when it is sent (the kind, and the registration or other row it is about), so an
    email reflects the workshop as it is at sending time. Personal data (the
    recipient): shown to staff in the admin, never in a log line or a task argument.
    """

    kind = models.CharField(max_length=40, choices=NotificationKind.choices)
    # A string reference: notifications imports nothing of participants (README,
    # "Layout"); the foreign key is what lets the database refuse a second email of a
    # kind to one registration. Deleting a registration (a mistake: withdrawal is the
    # normal way out, and keeps everything) deletes its emails, so none is sent.
    registration = models.ForeignKey(
        "participants.Registration",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    # For an email about anything else (a training request): exactly one of
    # registration or target is set.
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    offset_days = models.PositiveSmallIntegerField(
        default=0, help_text="For a reminder: days before the first day. 0 for other kinds."
    )
    revision = models.PositiveSmallIntegerField(
        default=0,
        help_text="For a change notice: which change of the workshop it announces (1, 2…). "
        "0 for other kinds.",
    )
    recipient = models.CharField(max_length=1000, blank=True)
    language = models.CharField(
        max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    due_at = models.DateTimeField(default=timezone.now)
    state = models.CharField(
        max_length=10, choices=NotificationState.choices, default=NotificationState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    message_id = models.CharField(
        "Message-ID", max_length=255, unique=True, default=new_message_id, editable=False
    )
    # Set when a sender claims the row; a claim older than the lease
    # (settings.NOTIFICATIONS_LEASE) belongs to a sender that died and is taken back.
    claimed_at = models.DateTimeField(null=True, blank=True)
    # Which claim the row belongs to: a sender fetches the rows its own UPDATE took.
    claim_token = models.UUIDField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-due_at", "-pk"]
        verbose_name = "email"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "registration", "offset_days", "revision"],
                condition=Q(registration__isnull=False),
                name="notifications_notification_unique_per_registration",
                violation_error_message="This email is already in the outbox.",
            ),
            models.UniqueConstraint(
                fields=["kind", "target_type", "target_id", "offset_days", "revision"],
                condition=Q(target_type__isnull=False),
                name="notifications_notification_unique_per_target",
                violation_error_message="This email is already in the outbox.",
            ),
            models.CheckConstraint(
                condition=Q(
                    registration__isnull=False, target_type__isnull=True, target_id__isnull=True
                )
                | Q(registration__isnull=True, target_type__isnull=False, target_id__isnull=False),
                name="notifications_notification_one_subject",
                violation_error_message="An email is about a registration or another row.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=NotificationKind.values),
                name="notifications_notification_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(state__in=NotificationState.values),
                name="notifications_notification_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state=NotificationState.SENDING) | Q(claimed_at__isnull=False),
                name="notifications_notification_sending_is_claimed",
            ),
            models.CheckConstraint(
                condition=~Q(state=NotificationState.SENT) | Q(sent_at__isnull=False),
                name="notifications_notification_sent_has_sent_at",
            ),
        ]
        indexes = [
            # The senders' two questions, on the few rows not yet settled.
            models.Index(
                fields=["due_at"],
                condition=Q(state=NotificationState.PENDING),
                name="notifications_due_idx",
            ),
            models.Index(
                fields=["claimed_at"],
                condition=Q(state=NotificationState.SENDING),
                name="notifications_claimed_idx",
            ),
            # The outbox in the admin, newest due first (the ordering), whole or of one
            # state: read from the index's end instead of sorting every email (at
            # 225,000 emails, 76 ms and a sort spilled to disk for each page).
            models.Index(fields=["due_at", "id"], name="notifications_list_idx"),
            models.Index(fields=["state", "due_at", "id"], name="notifications_state_list_idx"),
        ]

    def __str__(self):
        label = self.get_kind_display()
        if self.offset_days:
            label = f"{label} ({self.offset_days} d before)"
        return f"{label} #{self.pk}"

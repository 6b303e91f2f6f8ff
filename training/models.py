from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from workshops.models import Session, Speaker


class SessionLog(models.Model):
    """A session as delivered, logged by a trainer: the planned times and speakers are
    the Session's, these are what happened. One per session; a new log replaces it."""

    # Cascades like the day's attendance: staff removing a day from a workshop
    # (workshops.services.set_workshop_days) removes what was recorded on it.
    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="log")
    start_time = models.TimeField(_("actual start"), help_text=_("In the workshop’s timezone."))
    end_time = models.TimeField(_("actual end"))
    notes = models.TextField(_("notes"), max_length=5000, blank=True)
    speakers = models.ManyToManyField(
        Speaker,
        blank=True,
        related_name="session_logs",
        verbose_name=_("speakers who spoke"),
        help_text=_("Who actually spoke, whoever the programme announced."),
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    logged_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session__day__held_on", "session__order", "session__start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")),
                name="training_sessionlog_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"Log of {self.session}"

    def clean(self):
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": _("The session must end after it starts.")})


class CompletionOverride(models.Model):
    """A trainer's decision on one participant's completion that departs from the rule
    (Workshop.completion_percent): completed although under it, or not although over
    it. One per registration; a new decision replaces it, with who, when and why."""

    # Cascades with the registration, like its attendance marks: staff deleting a
    # registration (made in error) delete what was recorded about it.
    registration = models.OneToOneField(
        "participants.Registration", on_delete=models.CASCADE, related_name="completion_override"
    )
    is_completed = models.BooleanField(_("completed"))
    reason = models.TextField(_("reason"), max_length=1000)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("completion override")
        constraints = [
            models.CheckConstraint(
                condition=~Q(reason=""), name="training_completionoverride_has_reason"
            ),
        ]

    def __str__(self):
        return f"Completion override of {self.registration}"


class Certificate(models.Model):
    """A certificate of completion of one registration, checked by anyone at
    /certificates/<code>/. Never deleted: a certificate given in error is revoked, so
    that its code keeps saying so."""

    registration = models.OneToOneField(
        "participants.Registration", on_delete=models.PROTECT, related_name="certificate"
    )
    # XXXXX-XXXXX in Crockford's base32 (training.certificate_codes): 50 random bits,
    # short enough to type from paper, too many to guess.
    code = models.CharField(_("code"), max_length=11, unique=True, editable=False)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), max_length=1000, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate")
        ordering = ["-issued_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""),
                name="training_certificate_revoked_with_reason",
            ),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$"),
                name="training_certificate_code_format",
            ),
        ]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return f"/certificates/{self.code}/"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

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

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower, Upper

from workshops.models import MemberState, Organisation, Workshop, WorkshopDay

from .choices import ATTENDING_MARKS, AttendanceMark, Gender, RegistrationStatus


class Participant(models.Model):
    """A person trained by the office. Personal data: never on a public page or in a log."""

    given_name = models.CharField(max_length=120)
    family_name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True)
    agency = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="participants"
    )
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, null=True, blank=True, related_name="participants"
    )
    position = models.CharField(max_length=200, blank=True)
    gender = models.CharField(max_length=20, choices=Gender.choices, default=Gender.UNDISCLOSED)
    preferred_language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    has_consented_to_contact = models.BooleanField(
        "consents to be contacted",
        default=False,
        help_text="Agreed to receive reminders, surveys and follow-up by email.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["family_name", "given_name"]
        indexes = [
            # The changelist's page of 100 in this order, read from the index rather
            # than sorting 100,000 rows.
            models.Index(fields=["family_name", "given_name"], name="participant_name_idx"),
            # The admin's search (icontains is UPPER(field) LIKE UPPER('%term%')) by
            # trigrams rather than reading every row; PostgreSQL only, see migration
            # 0004. The registrations and attendance are searched through these too.
            *(
                GinIndex(OpClass(Upper(name), name="gin_trgm_ops"), name=f"participant_{name}_trgm")
                for name in ("given_name", "family_name", "email")
            ),
        ]
        constraints = [
            # Case-insensitive: agencies' sheets spell the same address differently.
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="participants_participant_unique_email",
                violation_error_message="A participant with this email address already exists.",
            ),
            models.CheckConstraint(
                condition=Q(gender__in=Gender.values), name="participants_participant_gender_valid"
            ),
        ]

    def __str__(self):
        return f"{self.given_name} {self.family_name}".strip()


class Registration(models.Model):
    participant = models.ForeignKey(
        Participant, on_delete=models.PROTECT, related_name="registrations"
    )
    workshop = models.ForeignKey(Workshop, on_delete=models.PROTECT, related_name="registrations")
    status = models.CharField(
        max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.NOMINATED
    )
    registered_at = models.DateTimeField(auto_now_add=True)
    notes = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["workshop", "participant__family_name", "participant__given_name"]
        indexes = [
            # The reports read a period's registrations from this index alone (an
            # index-only scan on PostgreSQL): who, which status, and the key their
            # attendance is probed by. SQLite ignores INCLUDE and indexes the workshop.
            models.Index(
                fields=["workshop"],
                include=["id", "participant", "status"],
                name="registration_workshop_cover",
            ),
            # The admin's list filtered by status, newest first: its page and its
            # capped count read this index alone, where they scanned the table for a
            # status (a fifth of the registrations each) and sorted them.
            models.Index(fields=["status", "id"], name="registration_status_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "workshop"],
                name="participants_registration_unique_participant_workshop",
                violation_error_message="This participant is already registered for this workshop.",
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values),
                name="participants_registration_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.participant} — {self.workshop}"


class Attendance(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    day = models.ForeignKey(WorkshopDay, on_delete=models.CASCADE, related_name="attendances")
    mark = models.CharField(max_length=10, choices=AttendanceMark.choices)
    # Who set the current mark and when: a correction replaces both.
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "attendance"
        ordering = ["day__held_on"]
        indexes = [
            # “Attended at least one day” (reports.queries, PEOPLE_TRAINED_DEFINITION)
            # is a probe of this small index per registration, without reading a mark.
            models.Index(
                fields=["registration"],
                condition=Q(mark__in=ATTENDING_MARKS),
                name="attendance_attending_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "day"],
                name="participants_attendance_unique_registration_day",
                violation_error_message=(
                    "Attendance for this participant and day is already recorded."
                ),
            ),
            models.CheckConstraint(
                condition=Q(mark__in=AttendanceMark.values),
                name="participants_attendance_mark_valid",
            ),
        ]

    def __str__(self):
        return f"{self.registration} on {self.day}: {self.mark}"

    def clean(self):
        if (
            self.registration_id
            and self.day_id
            and self.registration.workshop_id != self.day.workshop_id
        ):
            raise ValidationError({"day": "Choose a day of the workshop this registration is for."})


class ImportMapping(models.Model):
    """How an organisation's nomination sheets name our columns, remembered from the
    last import so that staff map them once."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="import_mapping"
    )
    # {header as in the sheet, lower-cased: our field (participants.sheets.FIELDS)}
    columns = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Sheet columns of {self.organisation}"


class Testimonial(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.PROTECT, related_name="testimonials")
    quote = models.TextField()
    attribution = models.CharField(
        max_length=200,
        default="Session attendee",
        help_text="Shown publicly: a role, never a participant's name without consent.",
    )
    is_public = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.quote[:60]

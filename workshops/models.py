import zoneinfo

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.utils import timezone

from core.translation import translations
from core.uploads import GeneratedName, UploadValidator

from .choices import (
    DeliveryMode,
    MemberStateKind,
    OrganisationKind,
    PartnerRole,
    WorkshopKind,
    WorkshopStatus,
)


def timezone_choices():
    return [(name, name) for name in sorted(zoneinfo.available_timezones())]


# Whole days from 1 to 999, comma-separated, or nothing: "7,1".
REMINDER_DAYS_PATTERN = r"^([1-9][0-9]{0,2}(,[1-9][0-9]{0,2})*)?$"
REMINDER_DAYS_MESSAGE = "Enter whole days from 1 to 999 separated by commas, e.g. 7,1; or nothing."


class MemberState(translations("name", max_length=120, verbose_name="name"), models.Model):
    name = models.CharField("name (English)", max_length=120, unique=True)
    kind = models.CharField(
        max_length=32, choices=MemberStateKind.choices, default=MemberStateKind.MEMBER
    )
    iso_code = models.CharField(
        "ISO code",
        max_length=2,
        blank=True,
        help_text="ISO 3166-1 alpha-2 code, e.g. ID for Indonesia. Empty for organisations.",
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["iso_code"],
                condition=~Q(iso_code=""),
                name="workshops_memberstate_unique_iso_code",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MemberStateKind.values),
                name="workshops_memberstate_kind_valid",
            ),
        ]

    def __str__(self):
        return self.name


class Organisation(models.Model):
    name = models.CharField(max_length=200, unique=True)
    acronym = models.CharField(max_length=30, blank=True, help_text="e.g. JCLEC, IOM, ABF.")
    kind = models.CharField(max_length=32, choices=OrganisationKind.choices)
    member_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text="For a government agency: the state it belongs to.",
    )
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values),
                name="workshops_organisation_kind_valid",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class ThematicArea(translations("name", max_length=120, verbose_name="name"), models.Model):
    name = models.CharField("name (English)", max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Speaker(models.Model):
    honorific = models.CharField(
        max_length=40, blank=True, help_text="As printed before the name: Ms., Dr., General..."
    )
    name = models.CharField(max_length=160)
    position = models.CharField(max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speakers",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()


class WorkshopQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True).exclude(status=WorkshopStatus.DRAFT)

    def cancellable(self):
        """Those that can still be cancelled: a delivered workshop happened."""
        return self.filter(status__in=[WorkshopStatus.DRAFT, WorkshopStatus.SCHEDULED])

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(Q(ends_on__gte=today) | Q(ends_on__isnull=True))

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(ends_on__lt=today)


class Workshop(models.Model):
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=WorkshopKind.choices)
    status = models.CharField(
        max_length=20, choices=WorkshopStatus.choices, default=WorkshopStatus.DRAFT
    )
    delivery_mode = models.CharField(max_length=20, choices=DeliveryMode.choices)
    platform = models.CharField(
        max_length=200,
        blank=True,
        help_text="For virtual or hybrid delivery, e.g. “Zoom, through JCLEC’s Online Delivery "
        "Model” or “Gather”.",
    )
    # db_default here and on reminder_days: a row written by code that predates these
    # columns (an older release during a deploy, a migration's historical model) still
    # inserts.
    joining_url = models.URLField(
        "joining link",
        max_length=500,
        blank=True,
        db_default="",
        help_text="For virtual or hybrid delivery: the meeting link. Staff only: it is sent to "
        "confirmed participants by email and never shown on a public page.",
    )
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=120, blank=True)
    country = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_workshops",
        help_text="Where an in-person or hybrid workshop takes place.",
    )
    timezone = models.CharField(
        max_length=64,
        choices=timezone_choices,
        default="Asia/Bangkok",
        help_text="Session times are in this timezone.",
    )
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places available; empty for no limit."
    )
    languages = models.CharField(
        max_length=200, default="English", help_text="Languages of delivery, comma-separated."
    )
    has_interpretation = models.BooleanField(default=False)
    interpretation_notes = models.CharField(
        max_length=200, blank=True, help_text="e.g. “English ↔ Bahasa Indonesia”."
    )
    summary = models.TextField(
        blank=True, help_text="One or two sentences for listings and search engines."
    )
    description = models.TextField(
        blank=True,
        help_text="Markdown: a blank line between paragraphs, “- ” to start a list item, "
        "*emphasis*, **bold**, [link text](https://…).",
    )
    is_public = models.BooleanField(
        default=True, help_text="Shown on the public events pages once it is not a draft."
    )
    has_tentative_dates = models.BooleanField(
        default=False, help_text="The dates are not confirmed yet; shown as “to be confirmed”."
    )
    reminder_days = models.CharField(
        "reminders (days before)",
        max_length=40,
        blank=True,
        default="7,1",
        db_default="7,1",
        validators=[RegexValidator(REMINDER_DAYS_PATTERN, REMINDER_DAYS_MESSAGE)],
        help_text="Confirmed participants get a reminder by email this many days before the "
        "first day, e.g. “7,1”; none for a date already past when they are confirmed. Empty "
        "for no reminders.",
    )
    cover_image = models.ImageField(
        upload_to=GeneratedName("workshops/covers"),
        validators=[UploadValidator("PNG", "JPEG", "GIF", "WEBP")],
        blank=True,
        db_default="",
        help_text="A PNG, JPEG, GIF or WebP image shown on the event's page and card.",
    )
    cover_image_alt = models.CharField(
        "cover image description",
        max_length=200,
        blank=True,
        db_default="",
        help_text="What the image shows, for visitors who cannot see it.",
    )
    completion_percent = models.PositiveSmallIntegerField(
        "completion rule (% of days)",
        default=80,
        db_default=80,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="A participant completes the workshop by attending at least this share "
        "of its days (present or late). Trainers confirm or override who completed.",
    )
    virtual_minimum_percent = models.PositiveSmallIntegerField(
        "minimum presence on a virtual day (%)",
        default=60,
        db_default=60,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="When a virtual day's attendance is imported from the platform's report, "
        "a participant counts as present after this share of the day's scheduled time.",
    )
    thematic_areas = models.ManyToManyField(ThematicArea, blank=True, related_name="workshops")
    target_member_states = models.ManyToManyField(
        MemberState, blank=True, related_name="targeted_workshops"
    )
    target_agencies = models.ManyToManyField(
        Organisation, blank=True, related_name="targeted_workshops"
    )
    # Derived from the workshop's days by services.refresh_workshop_dates(), never
    # typed: stored so that listings sort, filter and paginate by date in SQL.
    starts_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    ends_on = models.DateField(null=True, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = [F("starts_on").desc(nulls_last=True), "title"]
        indexes = [
            # The admin's search by title (icontains), of the workshops and of the
            # registrations and marks through them (core.admin_utils.SubquerySearchMixin),
            # by trigrams; PostgreSQL only, see migration 0009.
            GinIndex(OpClass(Upper("title"), name="gin_trgm_ops"), name="workshop_title_trgm"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=WorkshopKind.values), name="workshops_workshop_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=WorkshopStatus.values),
                name="workshops_workshop_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(delivery_mode__in=DeliveryMode.values),
                name="workshops_workshop_delivery_mode_valid",
            ),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gt=0),
                name="workshops_workshop_capacity_positive",
            ),
            models.CheckConstraint(
                condition=Q(starts_on__isnull=True)
                | Q(ends_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="workshops_workshop_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(reminder_days__regex=REMINDER_DAYS_PATTERN),
                name="workshops_workshop_reminder_days_valid",
                violation_error_message=REMINDER_DAYS_MESSAGE,
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/events/{self.slug}/"

    def clean(self):
        if self.delivery_mode == DeliveryMode.VIRTUAL and self.venue:
            raise ValidationError({"venue": "A virtual workshop has no venue; clear the venue."})

    @property
    def reminder_offsets(self) -> list[int]:
        """The days before the first day on which reminders are due, furthest first."""
        return sorted({int(days) for days in self.reminder_days.split(",") if days}, reverse=True)


class WorkshopDay(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="days")
    held_on = models.DateField("date")
    notes = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["held_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "held_on"], name="workshops_workshopday_unique_date"
            ),
            # Target of the composite foreign key from Session (migration 0002):
            # with it the database itself refuses a session on another workshop's day.
            models.UniqueConstraint(
                fields=["id", "workshop"], name="workshops_workshopday_unique_id_workshop"
            ),
        ]

    def __str__(self):
        return f"{self.held_on:%a %d %b %Y}"


class Session(models.Model):
    # Redundant with day.workshop, kept so that the workshop's admin page can list
    # sessions inline; a composite foreign key keeps the two in agreement.
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    day = models.ForeignKey(WorkshopDay, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True)
    start_time = models.TimeField(null=True, blank=True, help_text="In the workshop’s timezone.")
    end_time = models.TimeField(null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    speakers = models.ManyToManyField(Speaker, blank=True, related_name="sessions")

    class Meta:
        ordering = ["day__held_on", "order", "start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="workshops_session_ends_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError({"end_time": "The session must end after it starts."})
        if self.day_id and self.workshop_id and self.day.workshop_id != self.workshop_id:
            raise ValidationError({"day": "Choose one of this workshop’s own days."})


class WorkshopPartner(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="partnerships"
    )
    role = models.CharField(max_length=32, choices=PartnerRole.choices)

    class Meta:
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "organisation", "role"],
                name="workshops_workshoppartner_unique_role",
            ),
            models.CheckConstraint(
                condition=Q(role__in=PartnerRole.values),
                name="workshops_workshoppartner_role_valid",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class TrainerAssignment(models.Model):
    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="trainer_assignments"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer_assignments"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "trainer"], name="workshops_trainerassignment_unique_trainer"
            ),
        ]

    def __str__(self):
        return f"{self.trainer} → {self.workshop}"


class TrainingRequest(models.Model):
    """A request for a training, sent by the public contact form. Personal data:
    staff read it in the admin and by email; it never appears on a public page or in a log.
    The staff notice and the acknowledgement are rows of the outbox (notifications)."""

    name = models.CharField(max_length=160)
    organisation = models.CharField(max_length=200)
    member_state = models.ForeignKey(
        MemberState, on_delete=models.PROTECT, related_name="training_requests"
    )
    email = models.EmailField()
    training_kind = models.CharField(
        "kind of training wanted", max_length=20, choices=WorkshopKind.choices
    )
    message = models.TextField(max_length=5000)
    language = models.CharField(
        max_length=10,
        choices=settings.LANGUAGES,
        default="en",
        help_text="The language of the site when the request was sent, to answer in it.",
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(training_kind__in=WorkshopKind.values),
                name="workshops_trainingrequest_training_kind_valid",
            ),
        ]

    def __str__(self):
        return f"Training request {self.pk} ({self.submitted_at:%Y-%m-%d})"

"""Survey templates and their questions, each workshop's two surveys, the private
invitations sent to its participants, and their answers.

Respondents are known only through their invitation: results pages read Answer rows
through Response and never follow the invitation to a name (surveys/queries.py).
"""

import datetime as dt
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.translation import localized, translations
from participants.models import Registration
from workshops.models import Workshop

from .choices import CHOICE_KINDS, QuestionKind, SurveyKind

# How long an invitation's link works, from the day it is made.
INVITATION_DAYS = 60
# Token bytes: 32 random bytes from `secrets`, 256 bits, 43 URL-safe characters.
TOKEN_BYTES = 32


def new_token() -> str:
    """A link's secret: random, so that it says nothing about the participant, the
    workshop or the row it opens."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def default_expiry() -> dt.datetime:
    return timezone.now() + dt.timedelta(days=INVITATION_DAYS)


class SurveyTemplate(
    translations("title", max_length=200, verbose_name="title"),
    translations("intro", max_length=600, verbose_name="introduction"),
    models.Model,
):
    """A questionnaire staff build once and use for many workshops."""

    title = models.CharField("title (English)", max_length=200)
    intro = models.CharField(
        "introduction (English)",
        max_length=600,
        blank=True,
        help_text="A sentence or two shown above the questions.",
    )
    kind = models.CharField(max_length=20, choices=SurveyKind.choices)
    is_default = models.BooleanField(
        "default for its kind",
        default=False,
        help_text="Used for every workshop whose survey of this kind names no other template.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(is_default=True),
                name="surveys_surveytemplate_one_default_per_kind",
                violation_error_message="Another template is already the default of this kind.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SurveyKind.values), name="surveys_surveytemplate_kind_valid"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def localized_title(self) -> str:
        return localized(self, "title")

    @property
    def localized_intro(self) -> str:
        return localized(self, "intro")


class Question(translations("text", max_length=300, verbose_name="question"), models.Model):
    template = models.ForeignKey(SurveyTemplate, on_delete=models.CASCADE, related_name="questions")
    key = models.SlugField(
        max_length=50,
        help_text="A short name, e.g. overall-rating. Questions with the same key in "
        "several templates are compared across workshops.",
    )
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=20, choices=QuestionKind.choices)
    text = models.CharField("question (English)", max_length=300)
    is_required = models.BooleanField("required", default=True)

    class Meta:
        ordering = ["template", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "key"],
                name="surveys_question_unique_key_per_template",
                violation_error_message="Another question of this template has this key.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=QuestionKind.values), name="surveys_question_kind_valid"
            ),
        ]

    def __str__(self):
        return self.text

    def clean(self):
        if self.pk is None:
            return
        before = Question.objects.filter(pk=self.pk).values_list("kind", flat=True).first()
        if before and before != self.kind and self.answers.exists():
            # Its answers are of the old kind: results would read them wrongly.
            raise ValidationError(
                {
                    "kind": "This question has answers: its kind can no longer change. "
                    "Add a new question instead."
                }
            )

    @property
    def localized_text(self) -> str:
        return localized(self, "text")

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS


class Choice(translations("label", max_length=200, verbose_name="label"), models.Model):
    """One of the answers offered by a one-choice or several-choices question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(default=0)
    label = models.CharField("label (English)", max_length=200)

    class Meta:
        ordering = ["question", "order", "pk"]

    def __str__(self):
        return self.label

    @property
    def localized_label(self) -> str:
        return localized(self, "label")


class WorkshopSurvey(models.Model):
    """A workshop's evaluation or impact survey: which template, and when invitations
    go out. Made by the periodic task when it falls due (with the default template),
    or beforehand by staff who want another template or time."""

    workshop = models.ForeignKey(Workshop, on_delete=models.PROTECT, related_name="surveys")
    kind = models.CharField(max_length=20, choices=SurveyKind.choices)
    template = models.ForeignKey(SurveyTemplate, on_delete=models.PROTECT, related_name="surveys")
    send_at = models.DateTimeField(
        "send invitations at",
        null=True,
        blank=True,
        help_text="Empty: the default. Evaluation: 18:00 on the workshop's last day, in its "
        "timezone; impact: 90 days after that.",
    )
    # When the first invitations were made: staff can no longer change the template.
    opened_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-workshop__starts_on", "workshop", "kind"]
        verbose_name = "workshop survey"
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "kind"],
                name="surveys_workshopsurvey_one_per_kind",
                violation_error_message="This workshop already has a survey of this kind.",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=SurveyKind.values), name="surveys_workshopsurvey_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.workshop}"

    def clean(self):
        if self.template_id and self.template.kind != self.kind:
            raise ValidationError(
                {"template": f"Choose a template of the kind “{self.get_kind_display()}”."}
            )


class Invitation(models.Model):
    """One participant's private link to one survey. Personal data by its registration:
    never in a log line, a task argument or a results page."""

    survey = models.ForeignKey(WorkshopSurvey, on_delete=models.PROTECT, related_name="invitations")
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, related_name="survey_invitations"
    )
    # Kept as it is (unique, so indexed) rather than hashed: the outbox renders the
    # email when it sends it, and the reminder a week later, so the link must be
    # recoverable from the row. Never shown in the admin or written to a log.
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=default_expiry)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "registration"],
                name="surveys_invitation_one_per_registration",
                violation_error_message="This participant is already invited to this survey.",
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="surveys_invitation_expires_after_creation",
            ),
        ]

    def __str__(self):
        # Shown per row on the outbox's admin list ("about"): no name, and no join.
        return f"Survey invitation #{self.pk} (workshop survey #{self.survey_id})"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at


class Response(models.Model):
    """A participant's submitted answers to one invitation: at most one, which the
    database enforces (two tabs submitting at once keep one)."""

    invitation = models.ForeignKey(Invitation, on_delete=models.PROTECT, related_name="responses")
    # Redundant with invitation.survey, kept so that results count a survey's answers
    # without joining the invitations (and so without a path to a name).
    survey = models.ForeignKey(WorkshopSurvey, on_delete=models.PROTECT, related_name="responses")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation"],
                name="surveys_response_one_per_invitation",
                violation_error_message="This survey has already been answered.",
            ),
        ]

    def __str__(self):
        return f"Response #{self.pk} (workshop survey #{self.survey_id})"


class Answer(models.Model):
    """One answer to one question: a rating (1–5) or yes/no (1/0) in `number`, a
    chosen Choice (one row per choice for several choices), or free text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    number = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(5)]
    )
    choice = models.ForeignKey(
        Choice, on_delete=models.PROTECT, null=True, blank=True, related_name="answers"
    )
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "question"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(choice__isnull=True),
                name="surveys_answer_one_per_question",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "choice"],
                condition=Q(choice__isnull=False),
                name="surveys_answer_one_per_choice",
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=0, number__lte=5),
                name="surveys_answer_number_in_range",
            ),
        ]

    def __str__(self):
        return f"Answer to {self.question_id} in response {self.response_id}"

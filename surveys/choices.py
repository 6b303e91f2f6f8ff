from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyKind(models.TextChoices):
    """The two surveys of a workshop: an evaluation when it ends, and a follow-up on
    what the training changed months later."""

    EVALUATION = "evaluation", _("Evaluation")
    IMPACT = "impact", _("Impact follow-up")


class QuestionKind(models.TextChoices):
    RATING = "rating", _("Rating from 1 to 5")
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Free text")


# Kinds whose answers are picked among the question's Choice rows.
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
# Kinds with a mean: the rating (1–5), and yes/no as the share of yes.
NUMERIC_KINDS = (QuestionKind.RATING, QuestionKind.YES_NO)
RATING_VALUES = (1, 2, 3, 4, 5)

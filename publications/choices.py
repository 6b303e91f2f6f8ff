from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TOOL = "tool", _("Tool")
    REPORT = "report", _("Report")
    CURRICULUM = "curriculum", _("Curriculum")
    FRAMEWORK = "framework", _("Framework or guidelines")
    OTHER = "other", _("Other")


class FileFormat(models.TextChoices):
    PDF = "pdf", _("PDF")
    XLSX = "xlsx", _("Excel template")
    VIDEO = "video", _("Video")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


# Admin-only labels (the admin is English-only): not in the translation catalogues.
class FigureMeasure(models.TextChoices):
    PEOPLE_TRAINED = "people_trained", "People trained"
    EVENTS_DELIVERED = "events_delivered", "Workshops and events delivered"
    PUBLICATIONS_PUBLISHED = "publications_published", "Publications published"

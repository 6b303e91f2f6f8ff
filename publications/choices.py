from django.db import models


class PublicationKind(models.TextChoices):
    GUIDE = "guide", "Guide"
    TOOL = "tool", "Tool"
    REPORT = "report", "Report"
    CURRICULUM = "curriculum", "Curriculum"
    FRAMEWORK = "framework", "Framework or guidelines"
    OTHER = "other", "Other"


class FileFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "Excel template"
    VIDEO = "video", "Video"


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"

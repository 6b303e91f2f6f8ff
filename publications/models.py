from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections, models, router, transaction
from django.db.models import F, Q
from django.utils import timezone

from core.translation import translations
from core.uploads import PDF, XLSX, GeneratedName, UploadValidator, sniff
from workshops.models import Organisation, ThematicArea, Workshop

from .choices import ArticleStatus, FigureMeasure, FileFormat, PublicationKind

MARKDOWN_HELP = (
    "Markdown: a blank line between paragraphs, “- ” to start a list item, *emphasis*, "
    "**bold**, [link text](https://…)."
)


class PublicationSeries(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "publication series"

    def __str__(self):
        return self.name


class PublicationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, published_on__lte=timezone.localdate())


class Publication(models.Model):
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=PublicationKind.choices)
    series = models.ForeignKey(
        PublicationSeries,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
    )
    summary = models.TextField(blank=True)
    thematic_areas = models.ManyToManyField(ThematicArea, blank=True, related_name="publications")
    partners = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="publications",
        help_text="Co-authors or co-publishers.",
    )
    published_on = models.DateField()
    cover_image = models.ImageField(
        upload_to=GeneratedName("publications/covers"),
        validators=[UploadValidator("PNG", "JPEG", "GIF", "WEBP")],
        blank=True,
        help_text="A PNG, JPEG, GIF or WebP image.",
    )
    is_published = models.BooleanField(
        default=True, help_text="Untick to keep it off the public library."
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=PublicationKind.values),
                name="publications_publication_kind_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"/publications/{self.slug}/"


class PublicationFile(translations("label", max_length=200, verbose_name="label"), models.Model):
    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    format = models.CharField(max_length=10, choices=FileFormat.choices)
    label = models.CharField(
        "label (English)",
        max_length=200,
        blank=True,
        help_text="Shown on the link, e.g. “Excel template”; empty: the format's name.",
    )
    file = models.FileField(
        upload_to=GeneratedName("publications/files"),
        validators=[UploadValidator("PDF", "XLSX")],
        blank=True,
        help_text="A PDF, or an Excel workbook (.xlsx) for a template.",
    )
    external_url = models.URLField(
        "external link", blank=True, help_text="For a video hosted elsewhere."
    )
    # Kept from the upload so listing pages show sizes without touching storage.
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    # What each format's file must contain (checked on the content, see core.uploads).
    CONTENT_OF_FORMAT = {FileFormat.PDF: PDF, FileFormat.XLSX: XLSX}

    class Meta:
        ordering = ["publication", "format", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language", "format"],
                name="publications_publicationfile_unique_language_format",
                violation_error_message=(
                    "This publication already has a file in this language and format."
                ),
            ),
            models.CheckConstraint(
                condition=(Q(format=FileFormat.VIDEO) & ~Q(external_url="") & Q(file=""))
                | (~Q(format=FileFormat.VIDEO) & ~Q(file="") & Q(external_url="")),
                name="publications_publicationfile_file_or_link",
                violation_error_message="Upload a file for a PDF or Excel template, "
                "or give a link for a video (not both).",
            ),
        ]

    def __str__(self):
        return f"{self.publication} — {self.get_language_display()} {self.get_format_display()}"

    def save(self, *args, **kwargs):
        if self.file and self.size_bytes is None:
            self.size_bytes = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        # Needs the publication: query functions select or prefetch it.
        if self.format == FileFormat.VIDEO:
            return self.external_url
        return f"/publications/{self.publication.slug}/download/{self.language}/{self.format}/"

    def clean(self):
        expected = self.CONTENT_OF_FORMAT.get(self.format)
        # Only a new upload is read: a stored file was checked when it came in.
        if expected and self.file and not getattr(self.file, "_committed", True):
            found = sniff(self.file)
            if found is not None and found != expected:
                raise ValidationError(
                    {
                        "file": f"The file uploaded holds: {found.name}; the format chosen "
                        f"needs: {expected.name}. Upload the right file or change the format."
                    }
                )

    @property
    def download_name(self) -> str:
        """The name a visitor's download is saved under, e.g. “directory-th.pdf”."""
        extension = self.CONTENT_OF_FORMAT[self.format].extensions[0]
        return f"{self.publication.slug}-{self.language}.{extension}"


# Articles are written in English; the English configuration stems words, so a
# search for "trafficker" finds "trafficking". Changing it (or the weights below)
# means refilling the stored vectors: NewsArticle.objects.update_search_vectors().
SEARCH_CONFIG = "english"
# The fields a search reads, by weight: a match in the title ranks first.
SEARCHED_FIELDS = {"title": "A", "summary": "B", "body": "C"}


def search_document() -> SearchVector:
    """An article's full-text search vector, as stored in NewsArticle.search_vector."""
    vectors = [
        SearchVector(name, weight=weight, config=SEARCH_CONFIG)
        for name, weight in SEARCHED_FIELDS.items()
    ]
    document = vectors[0]
    for vector in vectors[1:]:
        document += vector
    return document


class NewsArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ArticleStatus.PUBLISHED, published_at__lte=timezone.now())

    def update_search_vectors(self) -> int:
        """Store the search vector of these articles: one UPDATE. PostgreSQL only;
        elsewhere (SQLite) the column stays NULL and search reads the text fields.
        Call it after writes that skip NewsArticle.save(): bulk_create(), update()."""
        if connections[self.db].vendor != "postgresql":
            return 0
        return self.update(search_vector=search_document())


class NewsArticle(models.Model):
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=120, unique=True)
    status = models.CharField(
        max_length=20, choices=ArticleStatus.choices, default=ArticleStatus.DRAFT
    )
    published_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Required to publish; may be in the future."
    )
    summary = models.TextField(help_text="One or two sentences for listings and feeds.")
    body = models.TextField(
        blank=True,
        help_text="Markdown: a blank line between paragraphs, “- ” to start a list item, "
        "*emphasis*, **bold**, [link text](https://…). Leave empty for a short item: "
        "the summary is then the whole text.",
    )
    image = models.ImageField(
        upload_to=GeneratedName("news"),
        validators=[UploadValidator("PNG", "JPEG", "GIF", "WEBP")],
        blank=True,
        help_text="A PNG, JPEG, GIF or WebP image.",
    )
    image_alt = models.CharField(
        "image description", max_length=200, blank=True, help_text="For screen readers."
    )
    thematic_areas = models.ManyToManyField(ThematicArea, blank=True, related_name="news_articles")
    related_workshops = models.ManyToManyField(Workshop, blank=True, related_name="news_articles")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The title, summary and body as PostgreSQL's full-text search reads them
    # (search_document()), kept by save() and update_search_vectors(), so a search
    # reads a GIN index instead of computing every article's vector. NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = NewsArticleQuerySet.as_manager()

    class Meta:
        ordering = [F("published_at").desc(nulls_last=True), "title"]
        # Created on PostgreSQL only (migration 0002): SQLite has no GIN index.
        indexes = [GinIndex(fields=["search_vector"], name="publications_news_search_gin")]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ArticleStatus.values),
                name="publications_newsarticle_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=ArticleStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="publications_newsarticle_published_has_time",
                violation_error_message="Give a publication time to publish the article.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Saves the article and, in the same transaction, its search vector (unless
        update_fields leaves the searched fields out)."""
        update_fields = kwargs.get("update_fields")
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            super().save(*args, **kwargs)
            if update_fields is None or not SEARCHED_FIELDS.keys().isdisjoint(update_fields):
                article = type(self).objects.using(self._state.db).filter(pk=self.pk)
                article.update_search_vectors()

    def get_absolute_url(self):
        return f"/news/{self.slug}/"


class NewsletterIssue(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    issued_on = models.DateField()
    period_starts_on = models.DateField("period from")
    period_ends_on = models.DateField("period to")
    introduction = models.TextField(blank=True)
    is_published = models.BooleanField(default=True)

    class Meta:
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_ends_on__gte=F("period_starts_on")),
                name="publications_newsletterissue_period_ordered",
                violation_error_message="The period must end on or after its start.",
            ),
        ]

    def __str__(self):
        return f"Issue {self.number} — {self.title}"

    def get_absolute_url(self):
        return f"/highlights/{self.slug}/"


class NewsletterFigure(translations("label", max_length=100, verbose_name="label"), models.Model):
    """A headline figure as printed in the issue (“313 people trained”).

    One that names a measure takes the value the reports compute for the issue's
    period each time the issue is saved in the admin, unless an editor set it by hand
    (is_overridden), which takes a note saying why."""

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="figures")
    value = models.PositiveIntegerField()
    label = models.CharField("label (English)", max_length=100)
    measure = models.CharField(
        max_length=32,
        choices=FigureMeasure.choices,
        blank=True,
        help_text=(
            "The figure the portal computes for the issue's period (as on the Reports "
            "page). Leave empty for a figure the portal does not count."
        ),
    )
    is_overridden = models.BooleanField(
        "value set by hand",
        default=False,
        help_text=(
            "Keep the value typed in rather than the computed one (a rounded figure, or "
            "events the portal does not record); say why in the note."
        ),
    )
    note = models.CharField(max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["issue", "order"]
        constraints = [
            models.CheckConstraint(
                condition=Q(measure="") | Q(measure__in=FigureMeasure.values),
                name="publications_newsletterfigure_measure_valid",
            ),
            models.CheckConstraint(
                condition=Q(is_overridden=False) | ~Q(note=""),
                name="publications_newsletterfigure_override_explained",
                violation_error_message="Say in the note why this figure is set by hand.",
            ),
        ]

    def __str__(self):
        return f"{self.value} {self.label}"


class NewsletterSection(models.Model):
    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(max_length=255)
    theme = models.CharField(
        max_length=120, blank=True, help_text="The issue's part this story sits in."
    )
    body = models.TextField(help_text=MARKDOWN_HELP)
    order = models.PositiveSmallIntegerField(default=0)
    related_workshops = models.ManyToManyField(
        Workshop, blank=True, related_name="newsletter_sections"
    )

    class Meta:
        ordering = ["issue", "order"]

    def __str__(self):
        return self.heading

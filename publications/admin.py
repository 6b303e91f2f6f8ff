from django.contrib import admin
from django.db import models

from core.admin_forms import LabelledAutocompleteAdminMixin, LabelledForm, UniqueSlugForm
from core.admin_utils import count_column, count_of, year_filter
from core.translation import translated_columns
from workshops.models import Workshop

from .admin_forms import NewsArticleForm, NewsletterIssueForm, PublicationFileFormSet
from .models import (
    NewsArticle,
    NewsletterFigure,
    NewsletterIssue,
    NewsletterSection,
    Publication,
    PublicationFile,
    PublicationSeries,
)


@admin.register(PublicationSeries)
class PublicationSeriesAdmin(admin.ModelAdmin):
    form = UniqueSlugForm
    list_display = ["name", "slug", "publication_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(publication_count=count_of(Publication.objects.all(), "series"))
        )

    publication_count = count_column("publication_count", "publications")


class PublicationFileInline(admin.TabularInline):
    model = PublicationFile
    formset = PublicationFileFormSet
    fields = ["language", "format", "label", "file", "external_url", "size_bytes"]
    readonly_fields = ["size_bytes"]
    # The label's other languages are on the file's own page.
    show_change_link = True
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    extra = 1


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    form = UniqueSlugForm
    inlines = [PublicationFileInline]
    list_display = ["title", "kind", "series", "published_on", "is_published", "languages"]
    list_select_related = ["series"]
    list_filter = [
        "kind",
        "is_published",
        "series",
        "thematic_areas",
        year_filter("published_on"),
    ]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_on"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "thematic_areas", "partners"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "series", "summary", "cover_image"]}),
        ("Classification", {"fields": ["thematic_areas", "partners"]}),
        ("Publishing", {"fields": ["published_on", "is_published"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    @admin.display(description="files")
    def languages(self, obj):
        return ", ".join(
            f"{file.language.upper()} {file.get_format_display()}" for file in obj.files.all()
        )


@admin.register(PublicationFile)
class PublicationFileAdmin(admin.ModelAdmin):
    list_display = ["publication", "language", "format", "label", "size_bytes"]
    list_select_related = ["publication"]
    list_filter = ["language", "format"]
    search_fields = ["publication__title", "label"]
    autocomplete_fields = ["publication"]
    readonly_fields = ["size_bytes"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(NewsArticle)
class NewsArticleAdmin(admin.ModelAdmin):
    form = NewsArticleForm
    list_display = ["title", "status", "published_at", "thematic_area_list", "workshop_count"]
    list_filter = ["status", "thematic_areas", year_filter("published_at")]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["thematic_areas", "related_workshops"]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", ("status", "published_at")]}),
        ("Text", {"fields": ["summary", "body"]}),
        ("Image", {"fields": ["image", "image_alt"]}),
        ("Links", {"fields": ["thematic_areas", "related_workshops"]}),
        ("History", {"fields": [("created_at", "updated_at")], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(workshop_count=count_of(Workshop.objects.all(), "news_articles"))
            .prefetch_related("thematic_areas")
        )

    @admin.display(description="thematic areas")
    def thematic_area_list(self, obj):
        return ", ".join(area.name for area in obj.thematic_areas.all())

    workshop_count = count_column("workshop_count", "workshops")


class NewsletterFigureInline(admin.TabularInline):
    model = NewsletterFigure
    # The label in every language of the site: a figure is read on every issue's page.
    fields = [
        "value",
        "label",
        *translated_columns("label"),
        "measure",
        "is_overridden",
        "note",
        "order",
    ]
    extra = 1


class NewsletterSectionInline(LabelledAutocompleteAdminMixin, admin.StackedInline):
    model = NewsletterSection
    form = LabelledForm
    fields = [("heading", "theme", "order"), "body", "related_workshops"]
    autocomplete_fields = ["related_workshops"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("related_workshops")


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(admin.ModelAdmin):
    form = NewsletterIssueForm
    inlines = [NewsletterFigureInline, NewsletterSectionInline]
    list_display = [
        "number",
        "title",
        "issued_on",
        "period_starts_on",
        "period_ends_on",
        "is_published",
        "figure_count",
        "section_count",
    ]
    list_display_links = ["number", "title"]
    list_filter = ["is_published", year_filter("issued_on")]
    search_fields = ["title", "introduction"]
    prepopulated_fields = {"slug": ["title", "number"]}
    fieldsets = [
        (None, {"fields": [("number", "title"), "slug", "issued_on", "is_published"]}),
        ("Period covered", {"fields": [("period_starts_on", "period_ends_on")]}),
        (None, {"fields": ["introduction"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                figure_count=count_of(NewsletterFigure.objects.all(), "issue"),
                section_count=count_of(NewsletterSection.objects.all(), "issue"),
            )
        )

    figure_count = count_column("figure_count", "figures")

    section_count = count_column("section_count", "stories")


@admin.register(NewsletterFigure)
class NewsletterFigureAdmin(admin.ModelAdmin):
    list_display = ["value", "label", "issue", "order"]
    list_select_related = ["issue"]
    list_filter = ["issue"]
    search_fields = ["label"]
    autocomplete_fields = ["issue"]


@admin.register(NewsletterSection)
class NewsletterSectionAdmin(admin.ModelAdmin):
    list_display = ["heading", "issue", "theme", "order", "workshop_list"]
    list_select_related = ["issue"]
    list_filter = ["issue"]
    search_fields = ["heading", "theme", "body"]
    autocomplete_fields = ["issue", "related_workshops"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("related_workshops")

    @admin.display(description="workshops")
    def workshop_list(self, obj):
        return ", ".join(workshop.title for workshop in obj.related_workshops.all())

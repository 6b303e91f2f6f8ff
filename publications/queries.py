"""Reads of news, publications and newsletter issues shaped for the public pages: each
fetches what its page shows in a fixed number of statements, whatever the rows."""

from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from workshops.models import ThematicArea, Workshop

from .models import (
    NewsArticle,
    NewsletterIssue,
    NewsletterSection,
    Publication,
    PublicationFile,
)

# Articles are written in English; the English configuration stems words, so a
# search for "trafficker" finds "trafficking". Changing it needs no migration
# (there is no stored vector or index yet; see search_news).
SEARCH_CONFIG = "english"


def prefetch_thematic_areas():
    return Prefetch("thematic_areas", queryset=ThematicArea.objects.only("name", "slug"))


def prefetch_public_workshops():
    return Prefetch(
        "related_workshops",
        queryset=Workshop.objects.public().only("title", "slug", "starts_on", "ends_on"),
    )


# News ---------------------------------------------------------------------------


def news_listing(*, thematic_area: str = "", year: int | None = None, search: str = ""):
    """Published articles, newest first (best match first when searching), with their
    thematic areas: two statements per page."""
    articles = NewsArticle.objects.published().prefetch_related(prefetch_thematic_areas())
    if thematic_area:
        articles = articles.filter(thematic_areas__slug=thematic_area)
    if year is not None:
        articles = articles.filter(published_at__year=year)
    if search:
        articles = search_news(articles, search)
    return articles


def search_news(articles, text: str):
    """Articles matching `text` in their title, summary or body.

    PostgreSQL: full-text search, ranked (title above summary above body) and in
    web-search syntax ("exact phrase", -word, or). It computes the vectors per query:
    fine for hundreds of articles; past that, store a vector with a GIN index.
    Elsewhere (SQLite): every word must appear, case-insensitively, in one of the
    fields.
    """
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("title", weight="A", config=SEARCH_CONFIG)
            + SearchVector("summary", weight="B", config=SEARCH_CONFIG)
            + SearchVector("body", weight="C", config=SEARCH_CONFIG)
        )
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return (
            articles.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)
            .order_by("-rank", "-published_at", "pk")
        )
    for word in text.split():
        articles = articles.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return articles


def latest_news(*, limit: int) -> list[NewsArticle]:
    """The newest published articles, for the home page: one statement."""
    return list(NewsArticle.objects.published()[:limit])


def news_years() -> list[int]:
    """Years with a published article, latest first, for the year filter: one statement."""
    return [
        d.year
        for d in NewsArticle.objects.published().datetimes(
            "published_at", "year", order="DESC", tzinfo=timezone.get_current_timezone()
        )
    ]


@dataclass
class ArticlePage:
    article: NewsArticle
    previous: NewsArticle | None  # the next older one
    next: NewsArticle | None  # the next newer one


def published_article(*, slug: str) -> ArticlePage:
    """One published article with its thematic areas, its related public events and
    its neighbours: five statements.

    Raises NewsArticle.DoesNotExist for an unknown slug, a draft or an article whose
    publication time has not come.
    """
    published = NewsArticle.objects.published()
    article = published.prefetch_related(
        prefetch_thematic_areas(), prefetch_public_workshops()
    ).get(slug=slug)
    at, pk = article.published_at, article.pk
    neighbours = published.only("title", "slug", "published_at")
    return ArticlePage(
        article=article,
        previous=neighbours.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=pk))
        .order_by("-published_at", "-pk")
        .first(),
        next=neighbours.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=pk))
        .order_by("published_at", "pk")
        .first(),
    )


# Publications -------------------------------------------------------------------


def publication_listing(*, thematic_area: str = "", kind: str = "", language: str = ""):
    """Published publications, newest first, with their series, thematic areas and
    files (to show the languages and formats): three statements per page."""
    publications = (
        Publication.objects.published()
        .select_related("series")
        .prefetch_related(
            prefetch_thematic_areas(),
            Prefetch(
                "files",
                queryset=PublicationFile.objects.order_by("language", "format").only(
                    "publication_id", "language", "format"
                ),
            ),
        )
    )
    if thematic_area:
        publications = publications.filter(thematic_areas__slug=thematic_area)
    if kind:
        publications = publications.filter(kind=kind)
    if language:
        # Exists, not a join: a publication with a PDF and a template in one
        # language would otherwise be listed twice.
        publications = publications.filter(
            Exists(PublicationFile.objects.filter(publication=OuterRef("pk"), language=language))
        )
    return publications


def published_publication(*, slug: str) -> Publication:
    """One published publication with its files, thematic areas and partners: four
    statements. Raises Publication.DoesNotExist when unknown or not published."""
    return (
        Publication.objects.published()
        .select_related("series")
        .prefetch_related(
            prefetch_thematic_areas(),
            "partners",
            Prefetch("files", queryset=PublicationFile.objects.order_by("language", "format")),
        )
        .get(slug=slug)
    )


# Newsletter highlights ----------------------------------------------------------


def highlight_listing():
    """Published newsletter issues, newest first, with their figures: two statements
    per page."""
    return NewsletterIssue.objects.filter(is_published=True).prefetch_related("figures")


def published_highlight(*, slug: str) -> NewsletterIssue:
    """One published issue with its figures, its stories and their public events:
    four statements. Raises NewsletterIssue.DoesNotExist when unknown or unpublished."""
    return (
        NewsletterIssue.objects.filter(is_published=True)
        .prefetch_related(
            "figures",
            Prefetch(
                "sections",
                queryset=NewsletterSection.objects.prefetch_related(prefetch_public_workshops()),
            ),
        )
        .get(slug=slug)
    )


def thematic_area_choices() -> list[tuple[str, str]]:
    return list(ThematicArea.objects.order_by("name").values_list("slug", "name"))

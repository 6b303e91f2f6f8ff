"""Reads of news, publications and newsletter issues shaped for the public pages: each
fetches what its page shows in a fixed number of statements, whatever the rows."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language

from core.cache import cached_per_generation
from core.text import render_markdown, without_lead
from core.translation import localized_value, translated_columns
from workshops.choices import WorkshopStatus
from workshops.models import ThematicArea, Workshop, WorkshopDay
from workshops.queries import EventDates
from workshops.queries import thematic_area_choices as thematic_area_choices  # for the forms

from .models import (
    SEARCH_CONFIG,
    NewsArticle,
    NewsletterIssue,
    NewsletterSection,
    Publication,
    PublicationFile,
)


def prefetch_thematic_areas():
    return Prefetch(
        "thematic_areas",
        queryset=ThematicArea.objects.only("name", "slug", *translated_columns("name")),
    )


def prefetch_public_workshops(*, with_days=False):
    workshops = Workshop.objects.public().only(
        "title", "slug", "status", "starts_on", "ends_on", "has_tentative_dates"
    )
    if with_days:
        workshops = workshops.prefetch_related(
            Prefetch(
                "days", queryset=WorkshopDay.objects.order_by("held_on").only("workshop", "held_on")
            )
        )
    return Prefetch("related_workshops", queryset=workshops)


# News ---------------------------------------------------------------------------


CARD_FIELDS = ("pk", "title", "slug", "summary", "published_at")


def news_listing(*, thematic_area: str = "", year: int | None = None, search: str = ""):
    """Published articles, newest first (best match first when searching), as rows of
    the fields a card shows (not the body, which can be long): with Paginator and
    news_cards(), three statements per page (the count, the page, its thematic
    areas)."""
    articles = NewsArticle.objects.published()
    if thematic_area:
        articles = articles.filter(thematic_areas__slug=thematic_area)
    if year is not None:
        articles = articles.filter(published_at__year=year)
    if search:
        articles = search_news(articles, search)
    return articles.values(*CARD_FIELDS)


def search_news(articles, text: str):
    """Articles matching `text` in their title, summary or body.

    PostgreSQL: full-text search on the stored, GIN-indexed search_vector (see
    NewsArticle.search_vector), in web-search syntax ("exact phrase", -word, or),
    best match first (title above summary above body), then newest first.
    Elsewhere (SQLite, development): every word must appear, case-insensitively, in
    one of the fields.
    """
    if connections[articles.db].vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return (
            articles.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-published_at", "pk")
        )
    for word in text.split():
        articles = articles.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return articles


def latest_news(*, limit: int) -> list["NewsCard"]:
    """The newest published articles, for the home page: one statement."""
    return news_cards(NewsArticle.objects.published().values(*CARD_FIELDS)[:limit])


@dataclass(frozen=True, slots=True)
class EventLink:
    """A related event as an article lists it."""

    title: str
    url: str
    dates: EventDates


@dataclass(frozen=True, slots=True)
class AreaLink:
    name: str
    url: str  # the news listing filtered by the area


@dataclass(frozen=True, slots=True)
class NewsCard:
    """An article as a card shows it, dates formatted in the active language and
    time zone: `published_iso` for <time datetime>, `published_label` to read."""

    title: str
    url: str
    summary: str
    published_iso: str
    published_label: str
    thematic_areas: list[AreaLink] = field(default_factory=list)


def news_cards(rows, *, with_areas: bool = False) -> list[NewsCard]:
    """Cards for `rows` of news_listing() (or any values(*CARD_FIELDS) of articles),
    with their thematic areas when `with_areas`: one statement more, none without
    rows. A card made here needs no filter, no {% url %} and no related manager in
    the template."""
    rows = list(rows)
    areas: dict[int, list[AreaLink]] = {}
    if with_areas and rows:
        list_url = reverse("news:list")
        for article_id, name, slug in (
            NewsArticle.thematic_areas.through.objects.filter(
                newsarticle_id__in=[row["pk"] for row in rows]
            )
            .annotate(area=localized_value("thematicarea__name"))
            .order_by("area")
            .values_list("newsarticle_id", "area", "thematicarea__slug")
        ):
            areas.setdefault(article_id, []).append(
                AreaLink(name, f"{list_url}?thematic_area={slug}")
            )
    cards = []
    for row in rows:
        published_at = timezone.localtime(row["published_at"])
        cards.append(
            NewsCard(
                title=row["title"],
                url=reverse("news:detail", args=[row["slug"]]),
                summary=row["summary"],
                # Seconds at most: HTML allows three fraction digits (html_datetime).
                published_iso=published_at.isoformat(timespec="seconds"),
                published_label=date_format(published_at, "DATE_FORMAT"),
                thematic_areas=areas.get(row["pk"], []),
            )
        )
    return cards


def news_years() -> list[int]:
    """Years with a published article in the current time zone, latest first, for the
    year filter: one statement, then none until a write bumps the content generation
    (core.cache), or for a minute at most: an article reaching its publication time
    writes nothing, and its year must not wait an hour to be offered."""
    tz = timezone.get_current_timezone()
    return cached_per_generation(
        f"publications:news-years:{timezone.get_current_timezone_name()}",
        lambda: [
            d.year
            for d in NewsArticle.objects.published().datetimes(
                "published_at", "year", order="DESC", tzinfo=tz
            )
        ],
        timeout=60,
    )


@dataclass
class ArticlePage:
    article: NewsArticle
    previous: NewsArticle | None  # the next older one
    next: NewsArticle | None  # the next newer one
    related_events: list[EventLink] = field(default_factory=list)
    # The body as sanitised HTML, without a first paragraph that repeats the summary
    # (printed above it as the lead); empty for an article that is its summary alone.
    body_html: str = ""


def published_article(*, slug: str) -> ArticlePage:
    """One published article with its thematic areas, its related public events with
    their days, and its neighbours: six statements.

    Raises NewsArticle.DoesNotExist for an unknown slug, a draft or an article whose
    publication time has not come.
    """
    published = NewsArticle.objects.published()
    article = published.prefetch_related(
        prefetch_thematic_areas(), prefetch_public_workshops(with_days=True)
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
        related_events=[
            EventLink(
                title=workshop.title,
                url=reverse("events:detail", args=[workshop.slug]),
                dates=EventDates.of(
                    [day.held_on for day in workshop.days.all()],
                    is_tentative=workshop.has_tentative_dates,
                    is_delivered=workshop.status == WorkshopStatus.DELIVERED,
                ),
            )
            for workshop in article.related_workshops.all()
        ],
        body_html=render_markdown(without_lead(article.body, article.summary)),
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


@dataclass(frozen=True, slots=True)
class FileGroup:
    """A publication's files in one language, as its page lists them."""

    language: str
    language_name: str  # in that language itself: “ไทย”
    files: list[PublicationFile]


@dataclass
class PublicationPage:
    publication: Publication
    # The visitor's language first, then English, then the others in the site's order.
    file_groups: list[FileGroup]
    # Whether the page's language has files of its own; English only when the only
    # language of the files is English.
    has_page_language: bool
    is_english_only: bool


def published_publication(*, slug: str) -> PublicationPage:
    """One published publication with its files grouped by language (the active
    language first), thematic areas and partners: four statements. Raises
    Publication.DoesNotExist when unknown or not published."""
    publication = (
        Publication.objects.published()
        .select_related("series")
        .prefetch_related(
            prefetch_thematic_areas(),
            "partners",
            Prefetch("files", queryset=PublicationFile.objects.order_by("format", "pk")),
        )
        .get(slug=slug)
    )
    by_language: dict[str, list[PublicationFile]] = {}
    for file in publication.files.all():
        by_language.setdefault(file.language, []).append(file)
    page_language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    order = [page_language, settings.LANGUAGE_CODE] + [code for code, _ in settings.LANGUAGES]
    names = dict(settings.LANGUAGES)
    groups = [
        FileGroup(code, names.get(code, code), by_language[code])
        for code in dict.fromkeys(order)
        if code in by_language
    ]
    return PublicationPage(
        publication=publication,
        file_groups=groups,
        has_page_language=page_language in by_language,
        is_english_only=set(by_language) == {settings.LANGUAGE_CODE},
    )


def published_file(*, slug: str, language: str, file_format: str) -> PublicationFile:
    """The uploaded file (not a video link) of a published publication in `language`
    and `file_format`, with its publication: one statement. Raises
    PublicationFile.DoesNotExist otherwise, for an unpublished publication too."""
    return (
        PublicationFile.objects.select_related("publication")
        .filter(publication__in=Publication.objects.published())
        .exclude(file="")
        .get(publication__slug=slug, language=language, format=file_format)
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

"""Reads of news, publications and newsletter issues shaped for the public pages: each
fetches what its page shows in a fixed number of statements, whatever the rows."""

from dataclasses import dataclass, field
from datetime import datetime
from functools import cache, lru_cache, partial
from typing import NamedTuple

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Window
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.translation import get_language

from rso_portal import prepared
from workshops.models import ThematicArea, Workshop
from workshops.queries import EventDates

from .choices import ArticleStatus
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
        queryset=Workshop.objects.public().only(
            "title", "slug", "starts_on", "ends_on", "has_tentative_dates"
        ),
    )


# News ---------------------------------------------------------------------------


CARD_FIELDS = ("pk", "title", "slug", "summary", "published_at")
# The model fields of the first columns of the card statements (prepared.fetchall).
_CARD_COLUMNS = tuple(
    NewsArticle._meta.get_field(name) for name in ("id", "title", "slug", "summary", "published_at")
)


def news_listing(*, thematic_area: str = "", year: int | None = None, search: str = ""):
    """Published articles, newest first (best match first when searching), as a
    NewsListing: CountedPaginator fetches a page of it with the count, and the page's
    thematic areas for news_cards(), in one statement (two when searching)."""
    return NewsListing(thematic_area=thematic_area, year=year, search=search)


class NewsListing:
    """Published articles matching the filters, fetched a page at a time as rows of the
    fields a card shows (not the body, which can be long), with the count of all
    matching articles in the same statement (CountedPaginator's object list).

    Without a search the statement is SQL written here, built once per process, that
    brings the page's thematic areas too: the ORM took longer to build and compile
    the count, the page and the areas than the database took to run them. Only names
    from the models go into the SQL, values are parameters (hence the noqa: S608).
    A search goes through the ORM (search_news), its count taken with a window
    function, so PostgreSQL computes the search vectors once, not twice.
    """

    def __init__(self, *, thematic_area: str = "", year: int | None = None, search: str = ""):
        self.thematic_area, self.year, self.search = thematic_area, year, search

    def count(self) -> int:
        """One statement; only ?page=last needs it before a page."""
        return self.page_with_count(0, 1)[0] or 0

    def page_with_count(self, offset: int, limit: int) -> tuple[int | None, list[dict]]:
        """(the count, the rows) from `offset`; the count is None when there is no row
        (a page past the end, or nothing matches)."""
        if self.search:
            rows = list(
                search_news(_published_articles(self.thematic_area, self.year), self.search)
                .values(*CARD_FIELDS)
                .annotate(total=Window(Count("*")))[offset : offset + limit]
            )
        else:
            sql, params = _listing_statement(self.thematic_area, self.year)
            found = prepared.fetchall(sql, [*params, limit, offset], _CARD_COLUMNS)
            # A row per article and thematic area: the articles, each with its areas
            # (for news_cards), in the statement's order.
            rows, by_pk = [], {}
            for pk, title, slug, summary, published_at, total, area, area_slug in found:
                row = by_pk.get(pk)
                if row is None:
                    row = by_pk[pk] = {
                        "pk": pk,
                        "title": title,
                        "slug": slug,
                        "summary": summary,
                        "published_at": published_at,
                        "total": total,
                        "areas": [],
                    }
                    rows.append(row)
                if area is not None:
                    row["areas"].append((area, area_slug))
        return (rows[0]["total"] if rows else None), rows


def _published_articles(thematic_area: str, year: int | None):
    articles = NewsArticle.objects.published()
    if thematic_area:
        articles = articles.filter(thematic_areas__slug=thematic_area)
    if year is not None:
        articles = articles.filter(published_at__year=year)
    return articles


def _listing_statement(thematic_area: str, year: int | None) -> tuple[str, list]:
    """The statement of a page of published articles (newest first, then by title, as
    NewsArticle.Meta.ordering) with their count and their thematic areas (a row per
    article and area), and its parameters but LIMIT and OFFSET. Portable SQL
    (PostgreSQL and SQLite)."""
    sql = _listing_sql(by_area=bool(thematic_area), by_year=year is not None)
    adapt = connection.ops.adapt_datetimefield_value
    params = [ArticleStatus.PUBLISHED.value, adapt(timezone.now())]
    if thematic_area:
        params.append(thematic_area)
    if year is not None:
        # The year in the current time zone, as the ORM's published_at__year.
        tz = timezone.get_current_timezone()
        params += [
            adapt(datetime(year, 1, 1, tzinfo=tz)),
            adapt(datetime(year + 1, 1, 1, tzinfo=tz)),
        ]
    # The count's WHERE and the page's take the same parameters.
    return sql, params + params


@cache
def _listing_sql(*, by_area: bool, by_year: bool) -> str:
    q = connection.ops.quote_name
    article = q(NewsArticle._meta.db_table)
    through = q(NewsArticle.thematic_areas.through._meta.db_table)
    area = q(ThematicArea._meta.db_table)
    article_id, area_id = q("newsarticle_id"), q("thematicarea_id")
    published_at, title, slug = q("published_at"), q("title"), q("slug")

    def where(a: str) -> str:  # the filters, on `article` aliased as `a`
        sql = f"{a}.{q('status')} = %s AND {a}.{published_at} <= %s"
        if by_area:
            sql += (
                f" AND {a}.{q('id')} IN (SELECT ft.{article_id} FROM {through} ft"  # noqa: S608
                f" INNER JOIN {area} fa ON fa.{q('id')} = ft.{area_id}"
                f" WHERE fa.{slug} = %s)"
            )
        if by_year:
            sql += f" AND {a}.{published_at} >= %s AND {a}.{published_at} < %s"
        return sql

    # The page (with the count as a subquery, not COUNT(*) OVER (), which would make
    # PostgreSQL read every matching row, not just the page's), then its thematic
    # areas joined: one statement for what Paginator and news_cards() took three.
    # A published article has a publication time (a check constraint), so no NULLS
    # LAST: plain DESC lets PostgreSQL read the published_at index backwards.
    return (
        f"SELECT p.{q('id')}, p.{title}, p.{slug}, p.{q('summary')}, p.{published_at},"  # noqa: S608
        f" p.total, ta.{q('name')}, ta.{slug}"
        f" FROM (SELECT n.{q('id')}, n.{title}, n.{slug}, n.{q('summary')}, n.{published_at},"
        f" (SELECT COUNT(*) FROM {article} c WHERE {where('c')}) AS total"
        f" FROM {article} n WHERE {where('n')}"
        f" ORDER BY n.{published_at} DESC, n.{title} ASC LIMIT %s OFFSET %s) p"
        f" LEFT JOIN {through} t ON t.{article_id} = p.{q('id')}"
        f" LEFT JOIN {area} ta ON ta.{q('id')} = t.{area_id}"
        f" ORDER BY p.{published_at} DESC, p.{title} ASC, p.{q('id')} ASC, ta.{q('name')} ASC"
    )


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


def latest_news(*, limit: int) -> list["NewsCard"]:
    """The newest published articles, for the home page: one statement, its SQL written
    here as the listing's (the ORM took longer to build it than the database to run it)."""
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    found = prepared.fetchall(
        _latest_sql(), [ArticleStatus.PUBLISHED.value, now, limit], _CARD_COLUMNS
    )
    return news_cards(
        {"pk": pk, "title": title, "slug": slug, "summary": summary, "published_at": at}
        for pk, title, slug, summary, at in found
    )


@cache
def _latest_sql() -> str:
    q = connection.ops.quote_name
    return (
        f"SELECT {q('id')}, {q('title')}, {q('slug')}, {q('summary')}, {q('published_at')}"  # noqa: S608
        f" FROM {q(NewsArticle._meta.db_table)}"
        f" WHERE {q('status')} = %s AND {q('published_at')} <= %s"
        f" ORDER BY {q('published_at')} DESC, {q('title')} ASC LIMIT %s"
    )


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
    with their thematic areas when `with_areas`: those of news_listing() come with its
    rows, others take one statement more (none without rows). Template rendering, not
    the statements, was the cost of a listing: a card made here needs no filter, no
    {% url %} and no related manager there.

    Per card it only looks up and concatenates: reverse() and date_format() per card
    were most of this function's time, so addresses come from one reverse() per
    language (_news_urls) and dates are formatted once per process (_card_dates)."""
    rows = list(rows)
    urls = _news_urls(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), get_language())
    if not (with_areas and rows):
        areas = {}
    elif "areas" in rows[0]:
        areas = {
            row["pk"]: [
                AreaLink(name, f"{urls.list}?thematic_area={slug}") for name, slug in row["areas"]
            ]
            for row in rows
        }
    else:
        areas = _card_areas([row["pk"] for row in rows], urls.list)
    dates = partial(
        _card_dates,
        tz=timezone.get_current_timezone(),
        label_format=get_format("DATE_FORMAT"),
        language=get_language(),
    )
    cards = []
    for row in rows:
        published_iso, published_label = dates(row["published_at"])
        cards.append(
            NewsCard(
                title=row["title"],
                # A SlugField's value needs no quoting in a path.
                url=f"{urls.detail_prefix}{row['slug']}{urls.detail_suffix}",
                summary=row["summary"],
                published_iso=published_iso,
                published_label=published_label,
                thematic_areas=areas.get(row["pk"], []),
            )
        )
    return cards


class _NewsURLs(NamedTuple):
    list: str
    detail_prefix: str  # an article's address: prefix, slug, suffix
    detail_suffix: str


_SLUG = "__slug__"  # a placeholder the news:detail pattern accepts


@lru_cache(maxsize=64)
def _news_urls(urlconf: str, script_prefix: str, language: str) -> _NewsURLs:
    """The news addresses as reverse() gives them for these arguments, which are all
    it depends on here: the language prefixes them (/id/news/...)."""
    prefix, _, suffix = reverse("news:detail", args=[_SLUG]).rpartition(_SLUG)
    return _NewsURLs(reverse("news:list"), prefix, suffix)


@lru_cache(maxsize=4096)
def _card_dates(published_at: datetime, *, tz, label_format: str, language: str):
    """(ISO, label) of a publication time in the time zone; the label in the active
    `language` (the key: month names are translated)."""
    local = published_at.astimezone(tz)
    # Seconds at most: HTML allows three fraction digits (html_datetime).
    return local.isoformat(timespec="seconds"), dateformat.format(local, label_format)


def _card_areas(article_ids: list[int], list_url: str) -> dict[int, list[AreaLink]]:
    """{article id: its thematic areas by name}: one statement, its SQL written here
    (building it with the ORM took longer than running it)."""
    sql = _card_areas_sql(len(article_ids))
    areas: dict[int, list[AreaLink]] = {}
    for article_id, name, slug in prepared.fetchall(sql, article_ids):
        areas.setdefault(article_id, []).append(AreaLink(name, f"{list_url}?thematic_area={slug}"))
    return areas


@lru_cache(maxsize=64)
def _card_areas_sql(count: int) -> str:
    """The statement for `count` articles (its IN list has one parameter each)."""
    q = connection.ops.quote_name
    placeholders = ", ".join(["%s"] * count)
    return (
        f"SELECT t.{q('newsarticle_id')}, a.{q('name')}, a.{q('slug')}"  # noqa: S608
        f" FROM {q(NewsArticle.thematic_areas.through._meta.db_table)} t"
        f" INNER JOIN {q(ThematicArea._meta.db_table)} a"
        f" ON a.{q('id')} = t.{q('thematicarea_id')}"
        f" WHERE t.{q('newsarticle_id')} IN ({placeholders})"
        f" ORDER BY a.{q('name')} ASC"
    )


def news_years() -> list[int]:
    """Years with a published article, latest first, for the year filter: one statement.

    PostgreSQL: one index probe a year instead of the ORM's DISTINCT over the year of
    every published article, which converts each one's time to the time zone and took
    longer than all the listing's other statements together. From the latest article
    until now, the latest one before the start of its year, and so on (a recursive
    query); a year is kept if that article is published, or else if another of the
    year is (one more probe). The probes do not filter on the status: without column
    statistics (a database not yet analysed) PostgreSQL would then read and sort every
    article instead of reading the published_at index backwards.
    Elsewhere (SQLite, development): the ORM's DISTINCT.
    """
    if connection.vendor != "postgresql":
        return [
            d.year
            for d in NewsArticle.objects.published().datetimes(
                "published_at", "year", order="DESC", tzinfo=timezone.get_current_timezone()
            )
        ]
    params = {
        "now": timezone.now(),
        "tz": timezone.get_current_timezone_name(),
        "status": ArticleStatus.PUBLISHED.value,
    }
    return [year for (year,) in prepared.fetchall(_years_sql(), params) if year is not None]


@cache
def _years_sql() -> str:
    q = connection.ops.quote_name
    article = q(NewsArticle._meta.db_table)
    published_at, status = q("published_at"), q("status")

    def latest(condition: str) -> str:  # the latest article, of any status
        return (
            f" (SELECT {published_at}, {status} FROM {article}"  # noqa: S608
            f" WHERE {published_at} {condition} ORDER BY {published_at} DESC LIMIT 1) a"
        )

    # start: the local start of a year (a timestamp without time zone);
    # published: whether the latest article of that year is.
    year_of_a = f"DATE_TRUNC('year', a.{published_at} AT TIME ZONE %(tz)s)"
    return (
        "WITH RECURSIVE years(start, published) AS ("  # noqa: S608
        f" SELECT {year_of_a}, a.{status} = %(status)s FROM{latest('<= %(now)s')}"
        " UNION ALL"
        f" SELECT {year_of_a}, a.{status} = %(status)s FROM years, LATERAL"
        f"{latest('< years.start AT TIME ZONE %(tz)s')}"
        # In the SELECT list, not the WHERE: one probe a year, never a join.
        ") SELECT CASE WHEN published OR EXISTS ("
        f" SELECT 1 FROM {article} WHERE {status} = %(status)s"
        f" AND {published_at} <= %(now)s"
        f" AND {published_at} >= start AT TIME ZONE %(tz)s"
        f" AND {published_at} < (start + INTERVAL '1 year') AT TIME ZONE %(tz)s"
        ") THEN CAST(EXTRACT(YEAR FROM start) AS integer) END"
        " FROM years ORDER BY start DESC"
    )


@dataclass
class ArticlePage:
    article: NewsArticle
    previous: NewsArticle | None  # the next older one
    next: NewsArticle | None  # the next newer one
    related_events: list[EventLink] = field(default_factory=list)


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
        related_events=[
            EventLink(
                title=workshop.title,
                url=reverse("events:detail", args=[workshop.slug]),
                dates=EventDates.of(
                    workshop.starts_on, workshop.ends_on, workshop.has_tentative_dates
                ),
            )
            for workshop in article.related_workshops.all()
        ],
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
    """(slug, name) of every thematic area by name: one statement, its SQL written
    here (building it with the ORM took longer than running it)."""
    return prepared.fetchall(_area_choices_sql())


@cache
def _area_choices_sql() -> str:
    q = connection.ops.quote_name
    return (
        f"SELECT {q('slug')}, {q('name')} FROM {q(ThematicArea._meta.db_table)}"  # noqa: S608
        f" ORDER BY {q('name')} ASC"
    )

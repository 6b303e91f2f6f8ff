import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from publications import queries
from publications.choices import ArticleStatus
from publications.models import NewsArticle
from tests.conftest import requires_postgres
from tests.factories.publications import NewsArticleFactory
from tests.factories.workshops import ThematicAreaFactory, WorkshopFactory
from tests.public.builders import future, make_event
from workshops.choices import WorkshopStatus

pytestmark = pytest.mark.django_db

# The smallest valid GIF: an image field needs real bytes to save.
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)


def titles(response):
    return [a.title for a in response.context["articles"]]


def at(year, month, day):
    return dt.datetime(year, month, day, 9, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


# Listing ------------------------------------------------------------------------


def test_news_list_shows_published_articles_newest_first(client):
    NewsArticleFactory(title="Older", published_at=at(2022, 7, 1))
    NewsArticleFactory(title="Newer", published_at=at(2022, 7, 21))

    response = client.get("/news/")

    assert response.status_code == 200
    assert titles(response) == ["Newer", "Older"]


def test_news_list_hides_drafts_and_future_articles(client):
    NewsArticleFactory(title="Published")
    NewsArticleFactory(title="Draft", status=ArticleStatus.DRAFT)
    NewsArticleFactory(title="Scheduled", published_at=timezone.now() + dt.timedelta(hours=1))

    response = client.get("/news/")

    assert titles(response) == ["Published"]


def test_news_list_paginates_ten_a_page(client):
    NewsArticleFactory.create_batch(23)

    first = client.get("/news/")
    last = client.get("/news/?page=3")

    assert len(first.context["articles"]) == 10
    assert len(last.context["articles"]) == 3
    assert client.get("/news/?page=4").status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "x", "1.5", "4"])
def test_news_list_answers_404_for_a_page_that_is_not_there(client, page):
    NewsArticleFactory.create_batch(23)

    assert client.get(f"/news/?page={page}").status_code == 404


def test_news_list_last_page_and_count(client):
    NewsArticleFactory.create_batch(23)

    response = client.get("/news/?page=last")

    assert len(response.context["articles"]) == 3
    assert response.context["page_obj"].number == 3
    assert "23 articles" in response.content.decode()


def test_news_list_without_articles_says_so(client):
    response = client.get("/news/")

    assert response.status_code == 200
    assert "No news yet." in response.content.decode()


def test_news_list_filters_by_thematic_area(client):
    area = ThematicAreaFactory(slug="trafficking-in-persons")
    NewsArticleFactory(title="Tagged").thematic_areas.add(area)
    NewsArticleFactory(title="Untagged")

    response = client.get("/news/?thematic_area=trafficking-in-persons")

    assert titles(response) == ["Tagged"]


def test_news_list_filters_by_year(client):
    NewsArticleFactory(title="In 2022", published_at=at(2022, 7, 21))
    NewsArticleFactory(title="In 2021", published_at=at(2021, 7, 21))

    response = client.get("/news/?year=2021")

    assert titles(response) == ["In 2021"]
    assert response.context["filter_form"].fields["year"].choices == [
        ("", "All years"),
        (2022, 2022),
        (2021, 2021),
    ]


def test_news_year_filter_offers_only_years_with_a_published_article(client):
    NewsArticleFactory(published_at=at(2024, 3, 1))
    # 2023: its latest article is a draft, an earlier one is published.
    NewsArticleFactory(published_at=at(2023, 2, 1))
    NewsArticleFactory(published_at=at(2023, 11, 1), status=ArticleStatus.DRAFT)
    NewsArticleFactory(published_at=at(2021, 6, 1), status=ArticleStatus.DRAFT)  # drafts only
    NewsArticleFactory(published_at=at(2019, 6, 1))
    # Local time: 2018-12-31 20:00 UTC is already 2019 in Bangkok (UTC+7).
    NewsArticleFactory(published_at=dt.datetime(2018, 12, 31, 20, tzinfo=dt.UTC))
    NewsArticleFactory(published_at=timezone.now() + dt.timedelta(days=400))  # scheduled

    choices = client.get("/news/").context["filter_form"].fields["year"].choices

    assert [year for year, _label in choices][1:] == [2024, 2023, 2019]


def test_news_years_are_cached_until_a_write_bumps_the_content_generation(
    django_assert_num_queries,
):
    NewsArticleFactory(published_at=at(2022, 7, 1))
    assert queries.news_years() == [2022]
    # bulk_create sends no signal: the generation stays, and so do the cached years.
    NewsArticle.objects.bulk_create(
        [
            NewsArticle(
                title="Unsignalled",
                slug="unsignalled",
                status=ArticleStatus.PUBLISHED,
                published_at=at(2024, 1, 10),
                summary="x",
            )
        ]
    )

    with django_assert_num_queries(0):
        assert queries.news_years() == [2022]

    NewsArticleFactory(published_at=at(2023, 7, 1))  # a save bumps the generation

    assert queries.news_years() == [2024, 2023, 2022]


def test_news_years_are_cached_per_time_zone():
    # 2018-12-31 20:00 UTC is already 2019 in Bangkok (UTC+7).
    NewsArticleFactory(published_at=dt.datetime(2018, 12, 31, 20, tzinfo=dt.UTC))

    assert queries.news_years() == [2019]
    with timezone.override("UTC"):
        assert queries.news_years() == [2018]


def test_news_list_searches_title_summary_and_body(client):
    NewsArticleFactory(title="Workshop in Malaysia", summary="x", body="y")
    NewsArticleFactory(title="Dialogue", summary="On migrant protection in Malaysia.", body="")
    NewsArticleFactory(title="Research", summary="x", body="Interviews in Malaysia and Thailand.")
    NewsArticleFactory(title="Unrelated", summary="Bangkok forum.", body="Nothing else.")

    response = client.get("/news/?q=malaysia")

    assert sorted(titles(response)) == ["Dialogue", "Research", "Workshop in Malaysia"]


def test_news_list_search_needs_every_word(client):
    NewsArticleFactory(title="People smuggling by air", summary="x", body="")
    NewsArticleFactory(title="People smuggling by sea", summary="x", body="")

    response = client.get("/news/?q=smuggling+air")

    assert titles(response) == ["People smuggling by air"]


@requires_postgres
def test_news_list_search_on_postgresql_stems_and_ranks_title_first(client):
    NewsArticleFactory(title="Regional dialogue", summary="On trafficking.", body="")
    NewsArticleFactory(title="Trafficking workshop", summary="For officials.", body="")

    response = client.get("/news/?q=trafficked")

    assert titles(response) == ["Trafficking workshop", "Regional dialogue"]


def test_news_list_page_links_keep_the_search_and_filters(client):
    area = ThematicAreaFactory(slug="smuggling")
    for article in NewsArticleFactory.create_batch(12, title="Smuggling news"):
        article.thematic_areas.add(area)

    html = client.get("/news/?q=smuggling&thematic_area=smuggling").content.decode()

    assert 'href="?q=smuggling&amp;thematic_area=smuggling&amp;page=2"' in html


@pytest.mark.parametrize("rows", [5, 50])
def test_news_list_queries_stay_constant(client, no_page_cache, django_assert_num_queries, rows):
    areas = ThematicAreaFactory.create_batch(3)
    for article in NewsArticleFactory.create_batch(rows):
        article.thematic_areas.add(*areas)

    # the filters' areas and years (read once, then cached); the count, the page, its areas.
    with django_assert_num_queries(5):
        response = client.get("/news/")

    assert len(response.context["articles"]) == min(rows, 10)


@pytest.mark.parametrize("rows", [5, 50])
def test_news_list_search_queries_stay_constant(
    client, no_page_cache, django_assert_num_queries, rows
):
    NewsArticleFactory.create_batch(rows, title="Border management")

    # the filters' areas and years (read once, then cached); the count, the page, its areas.
    with django_assert_num_queries(5):
        response = client.get("/news/?q=border&year=2030")

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 50])
def test_news_search_takes_three_queries_once_the_filter_choices_are_cached(
    client, django_assert_num_queries, rows
):
    NewsArticleFactory.create_batch(rows, title="Border management")
    # Caches the filter's years and areas; a search page itself is not cached.
    client.get("/news/?q=border")

    # the count, the page, its areas.
    with django_assert_num_queries(3):
        response = client.get("/news/?q=border")

    assert len(response.context["articles"]) == min(rows, 10)


# Article ------------------------------------------------------------------------


def test_article_page_shows_date_image_areas_and_public_related_events(client):
    area = ThematicAreaFactory(name="People smuggling")
    article = NewsArticleFactory(
        title="The Bali Process Virtual Training Workshop",
        published_at=dt.datetime(2022, 7, 21, 3, tzinfo=dt.UTC),
        image=ContentFile(GIF, name="group-photo.gif"),
        image_alt="Malaysian immigration group photo",
    )
    article.thematic_areas.add(area)
    shown = WorkshopFactory(title="Virtual workshop for Malaysian Immigration")
    hidden = WorkshopFactory(title="Internal planning meeting", is_public=False)
    draft = WorkshopFactory(title="Draft workshop", status=WorkshopStatus.DRAFT)
    article.related_workshops.add(shown, hidden, draft)

    response = client.get(f"/news/{article.slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert (
        '<h1 id="article-title" lang="en">The Bali Process Virtual Training Workshop</h1>' in html
    )
    assert '<time datetime="2022-07-21T10:00:00+07:00">July 21, 2022</time>' in html
    assert 'alt="Malaysian immigration group photo"' in html
    assert ">People smuggling</a>" in html
    assert [w.title for w in response.context["page"].article.related_workshops.all()] == [
        "Virtual workshop for Malaysian Immigration"
    ]
    assert "Internal planning meeting" not in html
    assert "Draft workshop" not in html


def article_text(response) -> str:
    """The article's text (lead and body), as rendered."""
    html = response.content.decode()
    start = html.index('<div class="article-text" lang="en">') + len(
        '<div class="article-text" lang="en">'
    )
    return html[start : html.index("\n    </div>", start)].strip()


def test_article_body_is_markdown_with_lists_links_and_emphasis(client):
    article = NewsArticleFactory(
        summary="The RSO delivered a workshop.",
        body="Sessions covered:\n\n- *Victim-centred* approaches\n- International cooperation"
        "\n\nSee the [guide](https://example.org/guide).",
    )

    response = client.get(f"/news/{article.slug}/")

    assert article_text(response) == (
        '<p class="lead">The RSO delivered a workshop.</p>\n    '
        "<p>Sessions covered:</p>\n<ul>\n<li><em>Victim-centred</em> approaches</li>\n"
        "<li>International cooperation</li>\n</ul>\n"
        '<p>See the <a href="https://example.org/guide" rel="noopener noreferrer">guide</a>.</p>'
    )


def test_article_body_lines_typed_with_bullets_become_a_list(client):
    article = NewsArticleFactory(body="Topics:\n• Prevention\n• Protection")

    response = client.get(f"/news/{article.slug}/")

    assert article_text(response).endswith(
        "<p>Topics:</p>\n<ul>\n<li>Prevention</li>\n<li>Protection</li>\n</ul>"
    )


def test_article_body_loses_a_script_and_inline_handlers(client):
    article = NewsArticleFactory(
        body='Read <script>alert("x")</script>this.\n\n'
        '<a href="javascript:alert(1)" onclick="steal()">Click</a>'
        '<img src="x" onerror="steal()">'
    )

    response = client.get(f"/news/{article.slug}/")

    text = article_text(response)
    assert text.endswith('<p>Read this.</p>\n<p><a rel="noopener noreferrer">Click</a></p>')
    assert "alert" not in response.content.decode()


def test_article_with_only_a_summary_reads_as_a_finished_short_item(client):
    article = NewsArticleFactory(summary="The RSO supported a conference in Bangkok.", body="")

    response = client.get(f"/news/{article.slug}/")

    html = response.content.decode()
    assert article_text(response) == "<p>The RSO supported a conference in Bangkok.</p>"
    assert "<aside" not in html
    assert "…" not in html


def test_article_lead_is_not_repeated_as_the_first_paragraph(client):
    article = NewsArticleFactory(
        summary="On 6 April, the RSO delivered a workshop.",
        body="On 6 April, the RSO  delivered a workshop.\n\nSixteen officials took part.",
    )

    response = client.get(f"/news/{article.slug}/")

    assert article_text(response) == (
        '<p class="lead">On 6 April, the RSO delivered a workshop.</p>\n    '
        "<p>Sixteen officials took part.</p>"
    )


def test_article_page_links_previous_and_next_articles(client):
    older = NewsArticleFactory(title="Older", published_at=at(2022, 7, 1))
    article = NewsArticleFactory(title="Middle", published_at=at(2022, 7, 10))
    newer = NewsArticleFactory(title="Newer", published_at=at(2022, 7, 20))
    NewsArticleFactory(title="Draft", status=ArticleStatus.DRAFT, published_at=at(2022, 7, 15))

    page = client.get(f"/news/{article.slug}/").context["page"]

    assert (page.previous, page.next) == (older, newer)


def test_article_page_of_the_newest_article_has_no_next(client):
    older = NewsArticleFactory(published_at=at(2022, 7, 1))
    newest = NewsArticleFactory(published_at=at(2022, 7, 2))

    page = client.get(f"/news/{newest.slug}/").context["page"]

    assert (page.previous, page.next) == (older, None)


@pytest.mark.parametrize(
    "fields",
    [
        {"status": ArticleStatus.DRAFT},
        {"published_at": dt.datetime(2999, 1, 1, tzinfo=dt.UTC)},
    ],
    ids=["draft", "future"],
)
def test_article_page_of_an_unpublished_article_is_not_found(client, fields):
    article = NewsArticleFactory(**fields)

    response = client.get(f"/news/{article.slug}/")

    assert response.status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_article_page_queries_stay_constant(client, no_page_cache, django_assert_num_queries, rows):
    article = NewsArticleFactory(published_at=at(2022, 7, 10))
    NewsArticleFactory(published_at=at(2022, 7, 1))
    NewsArticleFactory(published_at=at(2022, 7, 20))
    article.thematic_areas.add(*ThematicAreaFactory.create_batch(rows))
    events = [make_event(days=[future(n), future(n + 2)]) for n in range(1, rows // 5 + 2)]
    article.related_workshops.add(*events, *WorkshopFactory.create_batch(rows))

    # article, areas, related events and their days, previous, next.
    with django_assert_num_queries(6):
        client.get(f"/news/{article.slug}/")

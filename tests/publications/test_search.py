"""News search: a stored, GIN-indexed search vector on PostgreSQL; on SQLite the
vector stays NULL and search reads the text fields."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from publications import queries
from publications.choices import ArticleStatus
from publications.models import NewsArticle
from tests.conftest import requires_postgres
from tests.factories.publications import NewsArticleFactory

pytestmark = pytest.mark.django_db


def found(text):
    return [row["title"] for row in queries.news_listing(search=text)]


@requires_postgres
def test_search_finds_an_article_by_another_form_of_a_word_of_its_body():
    NewsArticleFactory(
        title="Regional workshop",
        summary="Officials met in Bangkok.",
        body="They reviewed financial investigations of smuggling networks.",
    )
    NewsArticleFactory(title="Unrelated", summary="x", body="A forum on labour migration.")

    assert found("investigated") == ["Regional workshop"]


@requires_postgres
def test_search_ranks_a_title_match_above_a_body_match():
    NewsArticleFactory(title="Regional dialogue", summary="x", body="On document fraud.")
    NewsArticleFactory(title="Document fraud course", summary="x", body="For officials.")

    assert found("fraud") == ["Document fraud course", "Regional dialogue"]


@requires_postgres
def test_search_reads_the_stored_vector_instead_of_computing_one():
    NewsArticleFactory(title="Border management")

    with CaptureQueriesContext(connection) as statements:
        assert found("border") == ["Border management"]

    assert not any("to_tsvector" in s["sql"] for s in statements.captured_queries)


@requires_postgres
def test_search_vector_is_refreshed_when_an_article_is_edited():
    article = NewsArticleFactory(title="Quarterly update", summary="x", body="Nothing yet.")
    assert found("smuggling") == []

    article.body = "Training on migrant smuggling."
    article.save()

    assert found("smuggling") == ["Quarterly update"]


@requires_postgres
def test_saving_other_fields_alone_keeps_the_vector():
    article = NewsArticleFactory(title="Smuggling course")
    NewsArticle.objects.filter(pk=article.pk).update(title="Renamed without a save")

    article.status = ArticleStatus.PUBLISHED
    with CaptureQueriesContext(connection) as statements:
        article.save(update_fields=["status"])

    assert not any("search_vector" in s["sql"] for s in statements.captured_queries)
    assert found("smuggling") == ["Renamed without a save"]


@requires_postgres
def test_update_search_vectors_fills_the_vectors_of_bulk_created_articles():
    NewsArticle.objects.bulk_create(
        [
            NewsArticle(
                title="Bulk article",
                slug="bulk-article",
                status=ArticleStatus.PUBLISHED,
                published_at=NewsArticleFactory.build().published_at,
                summary="On trafficking in persons.",
            )
        ]
    )
    assert found("trafficking") == []

    assert NewsArticle.objects.update_search_vectors() == 1

    assert found("trafficking") == ["Bulk article"]


@requires_postgres
def test_the_search_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["publications_news_search_gin"],
        )
        (definition,) = cursor.fetchone()

    assert "USING gin (search_vector)" in definition


def test_the_vector_is_stored_on_postgresql_only_and_search_works_on_both():
    NewsArticleFactory(title="Quarterly update", summary="x", body="Training on smuggling.")

    stored = NewsArticle.objects.values_list("search_vector", flat=True).get()
    if connection.vendor == "postgresql":
        assert "'smuggl':" in stored
    else:  # SQLite: the column stays empty, search reads the text fields.
        assert stored is None
        assert NewsArticle.objects.update_search_vectors() == 0
    assert found("SMUGGLING") == ["Quarterly update"]

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from publications.choices import ArticleStatus, FileFormat
from tests.factories.publications import (
    NewsArticleFactory,
    NewsletterIssueFactory,
    PublicationFactory,
    PublicationFileFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_second_file_in_the_same_language_and_format_is_refused():
    existing = PublicationFileFactory(language="th")

    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationFileFactory(publication=existing.publication, language="th")


def test_same_language_in_another_format_is_accepted():
    pdf = PublicationFileFactory(language="en")
    template = PublicationFileFactory(
        publication=pdf.publication,
        language="en",
        format=FileFormat.XLSX,
        file=ContentFile(b"PK", name="template.xlsx"),
    )

    assert template.size_bytes == 2
    assert pdf.publication.files.count() == 2


def test_video_needs_a_link_not_a_file():
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationFileFactory(format=FileFormat.VIDEO)


def test_pdf_without_a_file_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationFileFactory(file="", external_url="https://example.org/guide.pdf")


def test_video_with_a_link_is_accepted():
    video = PublicationFileFactory(
        format=FileFormat.VIDEO, file="", external_url="https://example.org/video"
    )

    assert video.size_bytes is None


def test_published_article_without_time_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsArticleFactory(status=ArticleStatus.PUBLISHED, published_at=None)


def test_draft_article_without_time_is_accepted():
    article = NewsArticleFactory(status=ArticleStatus.DRAFT, published_at=None)

    assert article.pk is not None


def test_duplicate_article_slug_is_refused():
    NewsArticleFactory(slug="border-forum-2023")

    with pytest.raises(IntegrityError), transaction.atomic():
        NewsArticleFactory(slug="border-forum-2023")


def test_duplicate_publication_slug_is_refused():
    PublicationFactory(slug="directory-of-services")

    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationFactory(slug="directory-of-services")


def test_newsletter_period_ending_before_it_starts_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        NewsletterIssueFactory(
            period_starts_on=dt.date(2022, 10, 31), period_ends_on=dt.date(2022, 7, 1)
        )

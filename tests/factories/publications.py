import datetime as dt

import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from publications import choices
from publications.models import (
    NewsArticle,
    NewsletterFigure,
    NewsletterIssue,
    NewsletterSection,
    Publication,
    PublicationFile,
    PublicationSeries,
)


class PublicationSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicationSeries

    name = factory.Sequence(lambda n: f"Practitioner Guide Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    title = factory.Sequence(lambda n: f"Practitioner Guide {n}")
    slug = factory.Sequence(lambda n: f"publication-{n}")
    kind = choices.PublicationKind.GUIDE
    summary = "Guidance for practitioners."
    published_on = dt.date(2022, 7, 30)


class PublicationFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PublicationFile

    publication = factory.SubFactory(PublicationFactory)
    language = "en"
    format = choices.FileFormat.PDF
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf"))


class NewsArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle

    title = factory.Sequence(lambda n: f"RSO delivers workshop {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    status = choices.ArticleStatus.PUBLISHED
    published_at = factory.Sequence(lambda n: timezone.now() - dt.timedelta(days=n + 1))
    summary = "The RSO delivered a workshop."
    body = "First paragraph.\n\nSecond paragraph."


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterIssue

    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"RSO Highlights {n}")
    slug = factory.Sequence(lambda n: f"highlights-{n}")
    issued_on = dt.date(2022, 10, 31)
    period_starts_on = dt.date(2022, 7, 1)
    period_ends_on = dt.date(2022, 10, 31)


class NewsletterFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterFigure

    issue = factory.SubFactory(NewsletterIssueFactory)
    value = 313
    label = "people trained"


class NewsletterSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterSection

    issue = factory.SubFactory(NewsletterIssueFactory)
    heading = factory.Sequence(lambda n: f"Story {n}")
    body = "What happened."

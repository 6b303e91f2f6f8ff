import datetime as dt

import pytest
from django.core.files.base import ContentFile

from publications.choices import FileFormat, PublicationKind
from tests.factories.publications import (
    NewsletterFigureFactory,
    NewsletterIssueFactory,
    NewsletterSectionFactory,
    PublicationFactory,
    PublicationFileFactory,
)
from tests.factories.workshops import OrganisationFactory, ThematicAreaFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def titles(response, name="publications"):
    return [p.title for p in response.context[name]]


# Library ------------------------------------------------------------------------


def test_publication_list_shows_published_ones_newest_first(client):
    PublicationFactory(title="Older", published_on=dt.date(2021, 1, 1))
    PublicationFactory(title="Newer", published_on=dt.date(2022, 7, 30))
    PublicationFactory(title="Withdrawn", is_published=False)
    PublicationFactory(title="Forthcoming", published_on=dt.date(2999, 1, 1))

    response = client.get("/publications/")

    assert response.status_code == 200
    assert titles(response) == ["Newer", "Older"]


def test_publication_list_filters_by_thematic_area_and_kind(client):
    area = ThematicAreaFactory(slug="victim-support")
    PublicationFactory(title="Tagged tool", kind=PublicationKind.TOOL).thematic_areas.add(area)
    PublicationFactory(title="Tagged guide", kind=PublicationKind.GUIDE).thematic_areas.add(area)
    PublicationFactory(title="Other tool", kind=PublicationKind.TOOL)

    response = client.get("/publications/?thematic_area=victim-support&kind=tool")

    assert titles(response) == ["Tagged tool"]


def test_publication_list_filters_by_language_listing_each_once(client):
    directory = PublicationFactory(title="Directory of services")
    PublicationFileFactory(publication=directory, language="th", format=FileFormat.PDF)
    PublicationFileFactory(
        publication=directory,
        language="th",
        format=FileFormat.XLSX,
        file=ContentFile(b"PK", name="template.xlsx"),
    )
    english_only = PublicationFactory(title="English only")
    PublicationFileFactory(publication=english_only, language="en")

    response = client.get("/publications/?language=th")

    assert titles(response) == ["Directory of services"]


def test_publication_list_names_the_languages_available(client):
    directory = PublicationFactory(title="Directory of services")
    for language in ("en", "id", "vi"):
        PublicationFileFactory(publication=directory, language=language)

    html = client.get("/publications/").content.decode()

    assert "Available in:</span>\n          English, Bahasa Indonesia, Tiếng Việt</p>" in html


@pytest.mark.parametrize("rows", [5, 50])
def test_publication_list_queries_stay_constant(
    client, no_page_cache, django_assert_num_queries, rows
):
    areas = ThematicAreaFactory.create_batch(2)
    for publication in PublicationFactory.create_batch(rows):
        publication.thematic_areas.add(*areas)
        PublicationFileFactory(publication=publication, language="en")
        PublicationFileFactory(publication=publication, language="ms")

    # the filter's areas; count, page, its thematic areas, its files.
    with django_assert_num_queries(5):
        response = client.get("/publications/")

    assert len(response.context["publications"]) == min(rows, 12)


# One publication ----------------------------------------------------------------


def test_publication_page_lists_every_file_per_language_with_size_and_format(client):
    directory = PublicationFactory(title="Directory of services")
    PublicationFileFactory(
        publication=directory,
        language="en",
        format=FileFormat.PDF,
        label="Directory (English)",
        file=ContentFile(b"x" * 2048, name="directory-en.pdf"),
    )
    PublicationFileFactory(
        publication=directory,
        language="en",
        format=FileFormat.XLSX,
        label="Excel template",
        file=ContentFile(b"x" * 3 * 1024 * 1024, name="template.xlsx"),
    )
    PublicationFileFactory(
        publication=directory,
        language="en",
        format=FileFormat.VIDEO,
        label="Launch video",
        file="",
        external_url="https://video.example.org/directory",
    )
    PublicationFileFactory(
        publication=directory,
        language="th",
        format=FileFormat.PDF,
        label="Directory (Thai)",
        file=ContentFile(b"x" * 500, name="directory-th.pdf"),
    )

    response = client.get(f"/publications/{directory.slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h3 class="h6 mt-3" lang="en">English</h3>' in html
    assert '<h3 class="h6 mt-3" lang="th">ไทย</h3>' in html
    details = '</a>\n          <span class="text-body-secondary small">'
    assert f"Directory (English){details}(PDF, 2.0\xa0KB)" in html
    assert f"Excel template{details}(Excel template, 3.0\xa0MB)" in html
    assert f"Directory (Thai){details}(PDF, 500\xa0bytes)" in html
    assert 'href="https://video.example.org/directory" hreflang="en"' in html
    assert f'href="/publications/{directory.slug}/download/en/pdf/"' in html


def test_publication_page_lists_the_visitors_language_first(client):
    directory = PublicationFactory(slug="directory")
    for language in ("en", "id", "th", "vi"):
        PublicationFileFactory(publication=directory, language=language)

    response = client.get("/th/publications/directory/")

    page = response.context["page"]
    assert [group.language for group in page.file_groups] == ["th", "en", "id", "vi"]
    assert "available in English only" not in response.content.decode()


def test_publication_in_english_only_says_so_in_another_language(client):
    guide = PublicationFactory(slug="guide")
    PublicationFileFactory(publication=guide, language="en")

    english = client.get("/publications/guide/").content.decode()
    indonesian = client.get("/id/publications/guide/")

    assert "English only" not in english
    assert indonesian.context["page"].is_english_only is True
    assert 'class="alert alert-info" role="note">' in indonesian.content.decode()


def test_publication_file_label_is_shown_in_the_page_language(client):
    directory = PublicationFactory(slug="directory")
    PublicationFileFactory(
        publication=directory,
        language="en",
        format=FileFormat.VIDEO,
        file="",
        external_url="https://video.example.org/directory",
        label="Instructional video",
        label_th="วิดีโอแนะนำการใช้งาน",
    )

    html = client.get("/th/publications/directory/").content.decode()

    assert "</i> วิดีโอแนะนำการใช้งาน</a>" in html


def test_publication_page_shows_thematic_areas_and_partners(client):
    publication = PublicationFactory()
    publication.thematic_areas.add(ThematicAreaFactory(name="Victim identification"))
    publication.partners.add(OrganisationFactory(name="Mekong Partner", acronym="MP"))

    html = client.get(f"/publications/{publication.slug}/").content.decode()

    assert ">Victim identification</a>" in html
    assert "<li>Mekong Partner (MP)</li>" in html


@pytest.mark.parametrize(
    "fields",
    [{"is_published": False}, {"published_on": dt.date(2999, 1, 1)}],
    ids=["unpublished", "future"],
)
def test_publication_page_of_an_unpublished_one_is_not_found(client, fields):
    publication = PublicationFactory(**fields)

    assert client.get(f"/publications/{publication.slug}/").status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_publication_page_queries_stay_constant(
    client, no_page_cache, django_assert_num_queries, rows
):
    publication = PublicationFactory()
    publication.thematic_areas.add(*ThematicAreaFactory.create_batch(rows))
    publication.partners.add(*OrganisationFactory.create_batch(rows))
    for language in ("en", "id", "ms", "vi", "th"):
        PublicationFileFactory(publication=publication, language=language)

    # publication with series, areas, partners, files.
    with django_assert_num_queries(4):
        client.get(f"/publications/{publication.slug}/")


# Highlights ---------------------------------------------------------------------


def test_highlight_list_shows_published_issues_with_their_figures(client):
    issue = NewsletterIssueFactory(title="Let's Connect to Act")
    NewsletterFigureFactory(issue=issue, value=313, label="people trained", order=1)
    NewsletterFigureFactory(issue=issue, value=7, label="conferences and events", order=2)
    NewsletterIssueFactory(title="Unpublished", is_published=False)

    response = client.get("/highlights/")

    html = response.content.decode()
    assert [i.title for i in response.context["issues"]] == ["Let's Connect to Act"]
    assert '<dt>people trained</dt>\n    <dd class="figure-value">313</dd>' in html
    assert '<dt>conferences and events</dt>\n    <dd class="figure-value">7</dd>' in html


def test_highlight_page_shows_figures_sections_and_public_related_events(client):
    issue = NewsletterIssueFactory(title="Let's Connect to Act")
    NewsletterFigureFactory(issue=issue, value=1, label="new publication")
    section = NewsletterSectionFactory(
        issue=issue,
        heading="Bali Process 20th Anniversary event brings Member States back together",
        theme="Connect",
        body="Member States gathered together.\n\nThe two-day dialogue drew 104 attendees.",
    )
    section.related_workshops.add(
        WorkshopFactory(title="Constructive Dialogue"),
        WorkshopFactory(title="Hidden meeting", is_public=False),
    )

    response = client.get(f"/highlights/{issue.slug}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Bali Process 20th Anniversary event brings Member States back together</h2>" in html
    assert "<p>The two-day dialogue drew 104 attendees.</p>" in html
    assert ">Constructive Dialogue</a>" in html
    assert "Hidden meeting" not in html
    assert "<dt>new publication</dt>" in html


def test_highlight_story_lists_are_real_lists(client):
    issue = NewsletterIssueFactory()
    NewsletterSectionFactory(
        issue=issue, body="Attendees identified priorities around:\n\n• protection\n• return"
    )

    html = client.get(f"/highlights/{issue.slug}/").content.decode()

    assert (
        "<p>Attendees identified priorities around:</p>\n<ul>\n<li>protection</li>\n"
        "<li>return</li>\n</ul>"
    ) in html


def test_highlight_page_has_a_table_of_contents_linking_each_story(client):
    issue = NewsletterIssueFactory()
    first = NewsletterSectionFactory(issue=issue, heading="Anniversary dialogue", order=1)
    second = NewsletterSectionFactory(issue=issue, heading="New publication", order=2)

    html = client.get(f"/highlights/{issue.slug}/").content.decode()

    assert (
        f'<li><a href="#section-{first.pk}">Anniversary dialogue</a></li>'
        f'<li><a href="#section-{second.pk}">New publication</a></li>'
    ) in html
    assert f'id="section-{first.pk}"' in html


def test_highlight_page_of_an_unpublished_issue_is_not_found(client):
    issue = NewsletterIssueFactory(is_published=False)

    assert client.get(f"/highlights/{issue.slug}/").status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_highlight_list_queries_stay_constant(
    client, no_page_cache, django_assert_num_queries, rows
):
    for issue in NewsletterIssueFactory.create_batch(rows):
        NewsletterFigureFactory.create_batch(3, issue=issue)

    # count, page, figures.
    with django_assert_num_queries(3):
        response = client.get("/highlights/")

    assert len(response.context["issues"]) == min(rows, 10)


@pytest.mark.parametrize("rows", [5, 50])
def test_highlight_page_queries_stay_constant(
    client, no_page_cache, django_assert_num_queries, rows
):
    issue = NewsletterIssueFactory()
    NewsletterFigureFactory.create_batch(3, issue=issue)
    for section in NewsletterSectionFactory.create_batch(rows, issue=issue):
        section.related_workshops.add(WorkshopFactory())

    # issue, figures, sections, their events.
    with django_assert_num_queries(4):
        client.get(f"/highlights/{issue.slug}/")

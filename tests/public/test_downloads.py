"""Publication files and uploaded images are served: with their headers, through the
storage API, and only what is published."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from publications.choices import FileFormat
from publications.models import NewsArticle, PublicationFile
from tests.factories.publications import (
    NewsArticleFactory,
    PublicationFactory,
    PublicationFileFactory,
)
from tests.factories.workshops import WorkshopFactory

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n% a guide\n%%EOF\n"
GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
    b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
SCRIPTED_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def xlsx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


# Downloads ----------------------------------------------------------------------


def test_publication_file_downloads_as_an_attachment_named_after_the_publication(client):
    publication = PublicationFactory(slug="directory")
    PublicationFileFactory(
        publication=publication, language="th", file=ContentFile(PDF_BYTES, name="x.pdf")
    )

    response = client.get("/publications/directory/download/th/pdf/")

    assert response.status_code == 200
    assert body_of(response) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="directory-th.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_publication_page_links_each_file_to_its_download(client):
    publication = PublicationFactory(slug="directory")
    PublicationFileFactory(publication=publication, language="en")

    html = client.get("/publications/directory/").content.decode()

    assert (
        '<a href="/publications/directory/download/en/pdf/" hreflang="en" '
        'download="directory-en.pdf">'
    ) in html


def test_publication_file_missing_from_storage_is_our_404_page(client, settings):
    settings.DEBUG = True  # as in make run: still our page, not Django's debug page
    row = PublicationFileFactory(publication=PublicationFactory(slug="directory"))
    row.file.storage.delete(row.file.name)

    response = client.get("/publications/directory/download/en/pdf/")

    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in response.content.decode()


@pytest.mark.parametrize(
    "fields", [{"is_published": False}, {"published_on": "2999-01-01"}], ids=["hidden", "future"]
)
def test_file_of_an_unpublished_publication_is_not_found(client, fields):
    PublicationFileFactory(publication=PublicationFactory(slug="draft", **fields))

    assert client.get("/publications/draft/download/en/pdf/").status_code == 404


def test_publication_file_is_read_through_the_storage_api(client, settings):
    # Any storage backend (S3 through django-storages, say) serves, not only a disk.
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    PublicationFileFactory(
        publication=PublicationFactory(slug="directory"),
        file=ContentFile(PDF_BYTES, name="x.pdf"),
    )

    response = client.get("/publications/directory/download/en/pdf/")

    assert body_of(response) == PDF_BYTES


# Images -------------------------------------------------------------------------


def test_uploaded_news_image_is_served_inline_with_its_headers(client):
    article = NewsArticleFactory(image=ContentFile(GIF, name="photo.gif"))

    response = client.get(article.image.url)

    assert article.image.url.startswith("/media/news/")
    assert response.status_code == 200
    assert body_of(response) == GIF
    assert response["Content-Type"] == "image/gif"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize(
    "path",
    ["/media/publications/files/guide.pdf", "/media/news/page.html", "/media/news/none.png"],
    ids=["document-by-address", "not-an-image", "missing"],
)
def test_media_serves_only_existing_images(client, path):
    PublicationFileFactory(file=ContentFile(PDF_BYTES, name="guide.pdf"))

    assert client.get(path).status_code == 404


# Upload checks ------------------------------------------------------------------


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_upload_gets_a_generated_name_in_its_folder():
    row = PublicationFileFactory(file=upload("My Guide (final).pdf", PDF_BYTES))

    folder, name = row.file.name.rsplit("/", 1)
    assert folder == "publications/files"
    assert len(name) == len("0123456789abcdef0123456789abcdef.pdf")
    assert name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("guide.pdf", b"<html><script>alert(1)</script></html>"),
        ("guide.pdf", SCRIPTED_SVG),
        ("guide.pdf", b"PK\x03\x04 not a workbook"),
    ],
    ids=["html-renamed-pdf", "svg-renamed-pdf", "zip"],
)
def test_upload_whose_content_is_not_an_allowed_type_is_refused(name, content):
    row = PublicationFile(publication=PublicationFactory(), language="en", format="pdf")
    row.file = upload(name, content)

    with pytest.raises(ValidationError) as error:
        row.full_clean()

    assert error.value.message_dict["file"] == [
        "This file is not a PDF or Excel workbook (.xlsx), whatever its name says. "
        "Upload the document itself (export it again if needed)."
    ]


def test_upload_over_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 20
    row = PublicationFile(publication=PublicationFactory(), language="en", format="pdf")
    row.file = upload("guide.pdf", PDF_BYTES)

    with pytest.raises(ValidationError) as error:
        row.full_clean()

    assert error.value.message_dict["file"] == [
        "This file is 25\xa0bytes; the largest accepted is 20\xa0bytes. "
        "Compress it or split it, then upload it again."
    ]


def test_upload_of_a_workbook_as_a_pdf_is_refused():
    row = PublicationFile(publication=PublicationFactory(), language="en", format="pdf")
    row.file = upload("template.xlsx", xlsx_bytes())

    with pytest.raises(ValidationError) as error:
        row.full_clean()

    assert error.value.message_dict["file"] == [
        "The file uploaded holds: Excel workbook (.xlsx); the format chosen needs: PDF. "
        "Upload the right file or change the format."
    ]


def test_upload_of_a_workbook_as_a_template_is_accepted():
    row = PublicationFile(publication=PublicationFactory(), language="en", format="xlsx")
    row.file = upload("template.xlsx", xlsx_bytes())

    row.full_clean()


def test_svg_as_a_news_image_is_refused():
    article = NewsArticleFactory.build(image=upload("photo.png", SCRIPTED_SVG))

    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["slug"])

    assert error.value.message_dict["image"] == [
        "This file is not a PNG or JPEG or GIF or WebP, whatever its name says. "
        "Upload the document itself (export it again if needed)."
    ]
    assert NewsArticle.objects.count() == 0


def test_format_of_a_file_is_checked_for_videos_too():
    # A video is a link: the format check leaves it alone.
    row = PublicationFile(
        publication=PublicationFactory(),
        language="en",
        format=FileFormat.VIDEO,
        external_url="https://video.example.org/x",
    )

    row.full_clean()


def test_uploaded_event_cover_is_served_inline_with_its_headers(client):
    workshop = WorkshopFactory(cover_image=ContentFile(GIF, name="cover.gif"))

    response = client.get(workshop.cover_image.url)

    assert workshop.cover_image.url.startswith("/media/workshops/covers/")
    assert (response.status_code, body_of(response)) == (200, GIF)
    assert response["Content-Type"] == "image/gif"
    assert response["X-Content-Type-Options"] == "nosniff"

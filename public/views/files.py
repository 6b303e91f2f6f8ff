"""Uploaded files served to the public: publication downloads and images.

Uploads are content staff typed in, reachable by anyone: each response is built so
that a browser can only save or show it, never run it, even if a file slipped past
the checks of core.uploads: `nosniff`, the content type we chose (not the file's
claim), and a Content-Security-Policy that sandboxes the response and allows nothing.
Files are read through the storage API only (open/exists), so the same views serve
them from a local folder or from S3-compatible storage.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from core.uploads import IMAGE_TYPES, type_of_extension
from publications import queries
from publications.models import PublicationFile

# Sandboxed, no source allowed: an HTML or SVG file opened from here runs nothing and
# loads nothing. Overrides the pages' policy (core.middleware keeps a set header).
FILE_CSP = "default-src 'none'; sandbox"
# The folders of the image fields (core.uploads.GeneratedName); nothing else under
# MEDIA_URL is served by address: publication files go through their publication.
IMAGE_FOLDERS = ("news/", "publications/covers/", "workshops/covers/")
# Stored names are generated and never reused for other content.
IMAGE_MAX_AGE = 60 * 60 * 24


def not_found(request):
    """Our 404 page, also under DEBUG (where Http404 would show Django's debug page)."""
    return render(request, "404.html", status=404)


def _protect(response):
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_CSP
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response


@require_safe
def publication_file(request, slug, language, file_format):
    """A publication's file in one language and format, as an attachment named after
    the publication (`directory-th.pdf`); our 404 page when the publication is not
    published or the file is missing from storage."""
    try:
        row = queries.published_file(slug=slug, language=language, file_format=file_format)
    except PublicationFile.DoesNotExist:
        return not_found(request)
    if not row.file.storage.exists(row.file.name):
        return not_found(request)
    response = FileResponse(
        row.file.storage.open(row.file.name, "rb"),
        as_attachment=True,
        filename=row.download_name,
        content_type=row.CONTENT_OF_FORMAT[row.format].content_type,
    )
    response["Cache-Control"] = "public, max-age=300"
    return _protect(response)


@require_safe
def media_image(request, name):
    """An uploaded image (news, publication and event covers) at its MEDIA_URL
    address, shown inline with the content type of its (validated) extension."""
    kind = type_of_extension(name)
    if (
        kind not in IMAGE_TYPES
        or not name.startswith(IMAGE_FOLDERS)
        or ".." in name.split("/")
        or not default_storage.exists(name)
    ):
        return not_found(request)
    response = FileResponse(default_storage.open(name, "rb"), content_type=kind.content_type)
    response["Cache-Control"] = f"public, max-age={IMAGE_MAX_AGE}"
    return _protect(response)

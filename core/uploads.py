"""What staff may upload, and under which name it is stored.

Everything uploaded is served to the public (publication files, cover and news
images), so an upload is accepted only when its *content* is one of a few known types
and under a size limit: a file's name and the browser's Content-Type are the sender's
claim, the first bytes are what a reader's program will open. An HTML or SVG page
with a script renamed `guide.pdf` is refused here, and would be inert anyway when
served (see public.views.files: attachment, nosniff, a sandboxing CSP).

Stored names are generated (a random hex name under the field's folder): two uploads
of `guide.pdf` never overwrite each other, a name says nothing about an unpublished
document, and nothing typed by a person reaches a path. The name a visitor's download
gets is built from the publication instead.

Only the storage API is used (open, exists, save), never a path on disk, so that
uploads can live on S3-compatible storage by configuration (README, "Uploads").
"""

import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible


@dataclass(frozen=True)
class FileType:
    name: str  # for messages: "PDF"
    extensions: tuple[str, ...]  # the first one is given to stored names
    content_type: str


PDF = FileType("PDF", ("pdf",), "application/pdf")
XLSX = FileType(
    "Excel workbook (.xlsx)",
    ("xlsx",),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
)
PNG = FileType("PNG", ("png",), "image/png")
JPEG = FileType("JPEG", ("jpg", "jpeg"), "image/jpeg")
GIF = FileType("GIF", ("gif",), "image/gif")
WEBP = FileType("WebP", ("webp",), "image/webp")

DOCUMENT_TYPES = (PDF, XLSX)
IMAGE_TYPES = (PNG, JPEG, GIF, WEBP)
ALL_TYPES = DOCUMENT_TYPES + IMAGE_TYPES


def type_of_extension(name: str) -> FileType | None:
    extension = PurePosixPath(name).suffix.lower().lstrip(".")
    return next((kind for kind in ALL_TYPES if extension in kind.extensions), None)


def sniff(file) -> FileType | None:
    """The type of `file` (any Django File) read from its content, or None when it is
    none of ALL_TYPES. Leaves the file at its start."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04") and _is_xlsx(file):
        return XLSX
    return None


def _is_xlsx(file) -> bool:
    # An .xlsx is a ZIP with these two members; a .docx or a plain ZIP is not one.
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(0)
    return {"[Content_Types].xml", "xl/workbook.xml"} <= names


def max_upload_bytes() -> int:
    return settings.UPLOAD_MAX_BYTES


@deconstructible
class UploadValidator:
    """Accept a new upload only if its content is one of `types` (given as attribute
    names of this module, for migrations), its name has that type's extension, and it
    is at most settings.UPLOAD_MAX_BYTES. A file already in storage is not read again."""

    def __init__(self, *types: str):
        self.types = types

    def __eq__(self, other):
        return isinstance(other, UploadValidator) and self.types == other.types

    def __call__(self, value):
        if not value or getattr(value, "_committed", False):
            return
        allowed = [globals()[name] for name in self.types]
        limit = max_upload_bytes()
        if value.size > limit:
            raise ValidationError(
                "This file is %(size)s; the largest accepted is %(limit)s. "
                "Compress it or split it, then upload it again.",
                code="file_too_large",
                params={"size": filesizeformat(value.size), "limit": filesizeformat(limit)},
            )
        found = sniff(value)
        if found not in allowed:
            raise ValidationError(
                "This file is not a %(types)s, whatever its name says. "
                "Upload the document itself (export it again if needed).",
                code="file_type_refused",
                params={"types": " or ".join(kind.name for kind in allowed)},
            )
        if type_of_extension(value.name) != found:
            raise ValidationError(
                "This file is a %(type)s but its name ends otherwise; rename it to end in "
                ".%(extension)s.",
                code="file_extension_mismatch",
                params={"type": found.name, "extension": found.extensions[0]},
            )


@deconstructible
class GeneratedName:
    """upload_to: `<folder>/<random hex>.<extension>`, the extension being the one of
    the uploaded name's type (validated by UploadValidator)."""

    def __init__(self, folder: str):
        self.folder = folder.rstrip("/")

    def __eq__(self, other):
        return isinstance(other, GeneratedName) and self.folder == other.folder

    def __call__(self, instance, filename):
        kind = type_of_extension(filename)
        extension = kind.extensions[0] if kind else "bin"
        return f"{self.folder}/{uuid.uuid4().hex}.{extension}"

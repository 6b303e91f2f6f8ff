"""Nomination sheets: the XLSX or CSV file an agency sends with the officials it
nominates for a workshop. Read, map its columns to ours, preview each row, import.

Reading raises SheetError with a message for staff; nothing here writes except
import_nominations(), in one transaction."""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from openpyxl import load_workbook

from core.cache import records_changed
from workshops.models import MemberState, Organisation, Workshop

from .choices import Gender, RegistrationStatus
from .models import ImportMapping, Participant, Registration

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000

# Our columns, in the order of the template sheet.
FIELDS = {
    "full_name": "Full name",
    "given_name": "Given name",
    "family_name": "Family name",
    "email": "Email",
    "position": "Position",
    "agency": "Agency",
    "member_state": "Member state",
    "gender": "Gender",
}

# Headers agencies use for our columns, lower-cased with spaces squeezed.
SYNONYMS = {
    "name": "full_name",
    "full name": "full_name",
    "participant": "full_name",
    "first name": "given_name",
    "given name": "given_name",
    "given names": "given_name",
    "last name": "family_name",
    "surname": "family_name",
    "family name": "family_name",
    "email": "email",
    "e-mail": "email",
    "email address": "email",
    "e-mail address": "email",
    "position": "position",
    "rank": "position",
    "rank/position": "position",
    "title": "position",
    "agency": "agency",
    "organisation": "agency",
    "organization": "agency",
    "ministry/agency": "agency",
    "member state": "member_state",
    "country": "member_state",
    "gender": "gender",
    "sex": "gender",
}

GENDERS = {
    "f": Gender.FEMALE,
    "female": Gender.FEMALE,
    "woman": Gender.FEMALE,
    "m": Gender.MALE,
    "male": Gender.MALE,
    "man": Gender.MALE,
    "other": Gender.OTHER,
}

# The start of an OLE2 compound file: an encrypted (password-protected) .xlsx or an
# old .xls, neither of which openpyxl can read.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SheetError(Exception):
    """A file that cannot be read as a nomination sheet; str() says what to do."""


@dataclass
class Sheet:
    headers: list[str]
    rows: list[list[str]]  # the data rows, every cell as stripped text


def _text(value):
    return "" if value is None else str(value).strip()


def read_sheet(*, name: str, content: bytes) -> Sheet:
    """The header row (the first non-empty row) and the data rows of an XLSX or CSV
    file. An XLSX is read in read-only mode, row by row."""
    if not content:
        raise SheetError("The file is empty.")
    if len(content) > MAX_BYTES:
        raise SheetError(f"The file is over {MAX_BYTES // (1024 * 1024)} MB; split it in two.")
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        rows = _xlsx_rows(content)
    elif lowered.endswith(".csv"):
        rows = _csv_rows(content)
    else:
        raise SheetError("Upload an Excel workbook (.xlsx) or a CSV file (.csv).")
    rows = [row for row in rows if any(row)]
    if not rows:
        raise SheetError("The file has no rows.")
    headers, data = rows[0], rows[1:]
    # A first row holding an address is a data row: the header row is missing.
    if any("@" in header for header in headers):
        raise SheetError(
            "The first row must name the columns (e.g. Full name, Email, Agency); add a header row."
        )
    if len(data) > MAX_ROWS:
        raise SheetError(f"The sheet has over {MAX_ROWS:,} rows; split it.")
    width = len(headers)
    return Sheet(headers=headers, rows=[(row + [""] * width)[:width] for row in data])


def _xlsx_rows(content):
    if content.startswith(OLE_SIGNATURE):
        raise SheetError(
            "This workbook is password-protected or an old .xls file: save it as .xlsx "
            "without a password and upload it again."
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        raise SheetError("This is not a readable .xlsx workbook.") from error
    try:
        sheet = workbook.worksheets[0]
        return [[_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


def _csv_rows(content):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SheetError("Save the CSV file as UTF-8 and upload it again.") from error
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[_text(value) for value in row] for row in csv.reader(io.StringIO(text), dialect)]


def _normalise(header):
    return re.sub(r"\s+", " ", header.strip().lower())


def guess_mapping(*, headers, remembered=None) -> dict[int, str]:
    """{column index: our field} from the organisation's remembered mapping (by
    header text), else from the usual names of the headers."""
    remembered = remembered or {}
    mapping = {}
    for index, header in enumerate(headers):
        key = _normalise(header)
        field_name = remembered.get(key) or SYNONYMS.get(key)
        if field_name in FIELDS and field_name not in mapping.values():
            mapping[index] = field_name
    return mapping


def remembered_mapping(*, organisation):
    if organisation is None:
        return {}
    found = ImportMapping.objects.filter(organisation=organisation).first()
    return found.columns if found else {}


def remember_mapping(*, organisation, headers, mapping):
    """Store {header text: our field} for the organisation's next sheet."""
    columns = {_normalise(headers[index]): name for index, name in mapping.items()}
    ImportMapping.objects.update_or_create(organisation=organisation, defaults={"columns": columns})


NEW, EXISTING, ERROR = "new", "existing", "error"


@dataclass
class RowPreview:
    number: int  # the row's number in the spreadsheet (the header is row 1)
    values: dict
    status: str
    message: str = ""
    participant: Participant | None = None
    agency: Organisation | None = None
    member_state: MemberState | None = None
    problems: list = field(default_factory=list)


def preview_rows(*, workshop: Workshop, sheet: Sheet, mapping: dict[int, str]):
    """One RowPreview per data row: a new participant, an existing one (matched by
    email, case and spaces ignored, or by name and agency), or an error saying why.
    Five statements whatever the number of rows."""
    rows = [
        (number, {name: row[index] for index, name in mapping.items()})
        for number, row in enumerate(sheet.rows, start=2)
    ]
    for _, values in rows:
        if values.get("full_name") and not values.get("given_name"):
            given, _, family = values["full_name"].partition(" ")
            values["given_name"], values["family_name"] = given, family.strip()
        values["email"] = re.sub(r"\s+", "", values.get("email", "")).lower()

    states = {}
    for state in MemberState.objects.all():
        states[state.name.lower()] = state
        if state.iso_code:
            states[state.iso_code.lower()] = state
    agencies = {}
    for agency in Organisation.objects.all():
        agencies[agency.name.lower()] = agency
        if agency.acronym:
            agencies.setdefault(agency.acronym.lower(), agency)
    emails = {values["email"] for _, values in rows if values["email"]}
    by_email = {
        p.email_lower: p
        for p in Participant.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails
        )
    }
    names = {values.get("given_name", "").lower() for _, values in rows}
    by_name = {
        (p.given_name.lower(), p.family_name.lower(), p.agency_id): p
        for p in Participant.objects.annotate(given_lower=Lower("given_name")).filter(
            given_lower__in=names, agency__isnull=False
        )
    }
    registered = set(
        Registration.objects.filter(workshop=workshop).values_list("participant_id", flat=True)
    )

    previews, seen = [], set()
    for number, values in rows:
        preview = RowPreview(number=number, values=values, status=NEW)
        problems = preview.problems
        if not values.get("given_name"):
            problems.append("no name")
        email = values["email"]
        if not email:
            problems.append("missing email")
        else:
            try:
                validate_email(email)
            except ValidationError:
                problems.append(f"malformed email “{email}”")
        if state_name := values.get("member_state"):
            preview.member_state = states.get(state_name.lower())
            if preview.member_state is None:
                problems.append(f"unknown member state “{state_name}”")
        if agency_name := values.get("agency"):
            preview.agency = agencies.get(agency_name.lower())
            if preview.agency is None:
                problems.append(f"unknown agency “{agency_name}”")
        if (gender := values.get("gender")) and gender.lower() not in GENDERS:
            problems.append(f"unknown gender “{gender}” (female, male or other)")
        key = email or (values.get("given_name", "").lower(), values.get("family_name", "").lower())
        if key in seen:
            problems.append("duplicate within the sheet")
        seen.add(key)
        participant = by_email.get(email) if email else None
        if participant is None and preview.agency is not None:
            participant = by_name.get(
                (
                    values.get("given_name", "").lower(),
                    values.get("family_name", "").lower(),
                    preview.agency.pk,
                )
            )
        if participant is not None:
            preview.participant = participant
            preview.status = EXISTING
            if participant.pk in registered:
                problems.append("already registered for this workshop")
        if problems:
            preview.status = ERROR
            message = "; ".join(problems)
            preview.message = message[0].upper() + message[1:] + "."
        previews.append(preview)
    return previews


@transaction.atomic
def import_nominations(*, workshop: Workshop, previews) -> int:
    """Create the new participants and register every row without an error, as
    nominated, in one transaction: a failure part-way writes nothing. Returns how
    many registrations were made. Raises ValidationError when the workshop has not
    the places for them all."""
    rows = [preview for preview in previews if preview.status != ERROR]
    Workshop.objects.select_for_update().filter(pk=workshop.pk).first()
    if workshop.capacity is not None:
        taken = workshop.registrations.exclude(status=RegistrationStatus.WITHDRAWN).count()
        if taken + len(rows) > workshop.capacity:
            raise ValidationError(
                f"{workshop} has {max(workshop.capacity - taken, 0)} places left for "
                f"{len(rows)} nominations. Raise its capacity or import fewer rows."
            )
    new = [
        Participant(
            given_name=p.values.get("given_name", ""),
            family_name=p.values.get("family_name", ""),
            email=p.values["email"],
            position=p.values.get("position", ""),
            agency=p.agency,
            member_state=p.member_state or (p.agency.member_state if p.agency else None),
            gender=GENDERS.get(p.values.get("gender", "").lower(), Gender.UNDISCLOSED),
        )
        for p in rows
        if p.status == NEW
    ]
    Participant.objects.bulk_create(new)
    participants = iter(new)
    Registration.objects.bulk_create(
        Registration(
            workshop=workshop,
            participant=p.participant if p.status == EXISTING else next(participants),
            status=RegistrationStatus.NOMINATED,
        )
        for p in rows
    )
    records_changed()
    return len(rows)

import io

import pytest
from openpyxl import Workbook

from participants.choices import Gender, RegistrationStatus
from participants.models import ImportMapping, Participant, Registration
from participants.sheets import (
    ERROR,
    EXISTING,
    NEW,
    SheetError,
    guess_mapping,
    import_nominations,
    preview_rows,
    read_sheet,
    remember_mapping,
    remembered_mapping,
)
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import MemberStateFactory, OrganisationFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


FOREIGN_HEADERS = ["Full name", "E-mail address", "Rank/Position", "Agency", "Sex"]


@pytest.fixture
def agency():
    return OrganisationFactory(
        name="Royal Thai Police", acronym="RTP", member_state=MemberStateFactory(name="Thailand")
    )


def preview(workshop, rows, headers=FOREIGN_HEADERS):
    sheet = read_sheet(name="nominations.xlsx", content=xlsx([headers, *rows]))
    return preview_rows(
        workshop=workshop, sheet=sheet, mapping=guess_mapping(headers=sheet.headers)
    )


def test_guess_mapping_reads_foreign_headers():
    assert guess_mapping(headers=FOREIGN_HEADERS) == {
        0: "full_name",
        1: "email",
        2: "position",
        3: "agency",
        4: "gender",
    }


def test_guess_mapping_prefers_the_organisations_remembered_mapping(agency):
    remember_mapping(
        organisation=agency, headers=["Nama", "Surel"], mapping={0: "full_name", 1: "email"}
    )

    remembered = remembered_mapping(organisation=agency)

    assert guess_mapping(headers=["Nama", "Surel", "Sex"], remembered=remembered) == {
        0: "full_name",
        1: "email",
        2: "gender",
    }


def test_preview_rows_classifies_each_row_with_its_reason(agency):
    workshop = WorkshopFactory()
    known = ParticipantFactory(email="Somchai@Police.example", agency=agency)
    registered = ParticipantFactory(email="already@police.example")
    RegistrationFactory(workshop=workshop, participant=registered)

    rows = preview(
        workshop,
        [
            ["Malee Suk", "malee@police.example", "Captain", "RTP", "F"],
            ["Somchai Dee", " somchai@police.EXAMPLE ", "Major", "Royal Thai Police", "M"],
            ["No Mail", "", "", "RTP", ""],
            ["Bad Mail", "bad@", "", "RTP", ""],
            ["Nobody", "nobody@x.example", "", "Ministry of Magic", ""],
            ["Again", "malee@police.example", "", "RTP", ""],
            ["Already", "already@police.example", "", "", ""],
        ],
    )

    assert [(row.number, row.status, row.message) for row in rows] == [
        (2, NEW, ""),
        (3, EXISTING, ""),
        (4, ERROR, "Missing email."),
        (5, ERROR, "Malformed email “bad@”."),
        (6, ERROR, "Unknown agency “Ministry of Magic”."),
        (7, ERROR, "Duplicate within the sheet."),
        (8, ERROR, "Already registered for this workshop."),
    ]
    assert rows[1].participant == known


def test_import_nominations_creates_and_registers_the_rows_without_error(agency):
    workshop = WorkshopFactory()
    rows = preview(
        workshop,
        [
            ["Malee Suk", "malee@police.example", "Captain", "RTP", "F"],
            ["Bad Mail", "bad@", "", "RTP", ""],
        ],
    )

    assert import_nominations(workshop=workshop, previews=rows) == 1

    malee = Participant.objects.get(email="malee@police.example")
    assert (malee.given_name, malee.family_name, malee.gender, malee.member_state.name) == (
        "Malee",
        "Suk",
        Gender.FEMALE,
        "Thailand",
    )
    assert list(Registration.objects.values_list("participant__email", "status")) == [
        ("malee@police.example", RegistrationStatus.NOMINATED)
    ]


def test_import_nominations_writes_nothing_when_it_fails_part_way(agency, monkeypatch):
    workshop = WorkshopFactory()
    rows = preview(workshop, [["Malee Suk", "malee@police.example", "", "RTP", ""]])

    def fail(*args, **kwargs):
        raise RuntimeError("database gone")

    monkeypatch.setattr(Registration.objects, "bulk_create", fail)
    with pytest.raises(RuntimeError):
        import_nominations(workshop=workshop, previews=rows)

    assert Participant.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("n.xlsx", b"", "The file is empty."),
        ("n.pdf", b"%PDF-1.4", "Upload an Excel workbook (.xlsx) or a CSV file (.csv)."),
        ("n.xlsx", b"not a zip", "This is not a readable .xlsx workbook."),
        (
            "n.xlsx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,
            "This workbook is password-protected or an old .xls file: save it as .xlsx "
            "without a password and upload it again.",
        ),
        (
            "n.csv",
            b"Malee,malee@police.example\n",
            "The first row must name the columns (e.g. Full name, Email, Agency); "
            "add a header row.",
        ),
        ("n.csv", b"\n\n", "The file has no rows."),
        (
            "n.csv",
            "Név\nÁrvíz".encode("latin-1"),
            "Save the CSV file as UTF-8 and upload it again.",
        ),
        ("n.csv", b"x" * (5 * 1024 * 1024 + 1), "The file is over 5 MB; split it in two."),
    ],
)
def test_read_sheet_refuses_a_bad_file_with_a_clear_message(name, content, message):
    with pytest.raises(SheetError) as error:
        read_sheet(name=name, content=content)

    assert str(error.value) == message


def test_read_sheet_reads_a_semicolon_csv():
    sheet = read_sheet(name="n.csv", content=b"Full name;Email\nMalee Suk;m@x.example\n")

    assert (sheet.headers, sheet.rows) == (["Full name", "Email"], [["Malee Suk", "m@x.example"]])


def test_import_mapping_is_one_per_organisation(agency):
    remember_mapping(organisation=agency, headers=["Nama"], mapping={0: "full_name"})
    remember_mapping(organisation=agency, headers=["Name"], mapping={0: "full_name"})

    assert list(ImportMapping.objects.values_list("columns", flat=True)) == [{"name": "full_name"}]

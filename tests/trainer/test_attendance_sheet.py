"""The trainer's attendance sheet: the staff's XLSX without email addresses, of the
trainer's own workshops only, linked from the workshop's page."""

import io

import openpyxl
import pytest
from django.urls import reverse

from participants.choices import AttendanceMark, RegistrationStatus
from tests.factories.participants import (
    AttendanceFactory,
    ParticipantFactory,
    RegistrationFactory,
)

pytestmark = pytest.mark.django_db


def sheet_url(workshop):
    return reverse("trainer:attendance-sheet", kwargs={"slug": workshop.slug})


def open_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture
def roll(workshop, monday, wednesday):
    def register(name, status, marks):
        registration = RegistrationFactory(
            workshop=workshop,
            participant=ParticipantFactory(
                given_name=name, family_name=name, email=f"{name.lower()}@example.org"
            ),
            status=status,
        )
        for day, mark in zip((monday, wednesday), marks, strict=True):
            if mark:
                AttendanceFactory(registration=registration, day=day, mark=mark)

    register("Ada", RegistrationStatus.COMPLETED, [AttendanceMark.PRESENT, AttendanceMark.LATE])
    register("Bo", RegistrationStatus.ATTENDED, [AttendanceMark.ABSENT, AttendanceMark.PRESENT])
    register("Cy", RegistrationStatus.WITHDRAWN, [AttendanceMark.PRESENT, None])
    register("Di", RegistrationStatus.CONFIRMED, [AttendanceMark.PRESENT, AttendanceMark.ABSENT])


def test_attendance_sheet_has_a_column_per_day_totals_and_completion(
    trainer_client, workshop, roll
):
    response = trainer_client.get(sheet_url(workshop))

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="virtual-workshop-attendance.xlsx"'
    )
    rows = open_xlsx(response)
    assert rows[0] == [
        "Given name",
        "Family name",
        "Position",
        "Agency",
        "Member state",
        "Gender",
        "Registration status",
        "2022-07-18",
        "2022-07-20",
        "Days attended",
        "Completed",
    ]
    assert [[row[0], *row[7:]] for row in rows[1:]] == [
        ["Ada", "Present", "Late", 2, "Yes"],
        ["Bo", "Absent", "Present", 1, "No"],
        ["Di", "Present", "Absent", 1, "No"],
        ["Total attending", 2, 2, None, 1],
    ]


def test_attendance_sheet_holds_no_email_address(trainer_client, workshop, roll):
    response = trainer_client.get(sheet_url(workshop))

    cells = [cell for row in open_xlsx(response) for cell in row]
    assert [cell for cell in cells if isinstance(cell, str) and "@" in cell] == []


def test_workshop_page_links_the_attendance_sheet(trainer_client, workshop, monday):
    response = trainer_client.get(reverse("trainer:workshop", kwargs={"slug": workshop.slug}))

    assert f'href="{sheet_url(workshop)}"'.encode() in response.content


@pytest.mark.parametrize("size", [1, 3])
def test_attendance_sheet_query_count_is_constant(
    trainer_client, workshop, monday, make_roll, django_assert_num_queries, size
):
    for registration in make_roll(size):
        AttendanceFactory(registration=registration, day=monday)

    # session, user, workshop, days, registrations, marks
    with django_assert_num_queries(6):
        response = trainer_client.get(sheet_url(workshop))

    assert len(open_xlsx(response)) == 1 + size + 1

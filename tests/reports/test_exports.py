import csv
import datetime as dt
import io

import openpyxl
import pytest

from participants.choices import AttendanceMark, RegistrationStatus
from tests.factories.participants import (
    AttendanceFactory,
    ParticipantFactory,
    RegistrationFactory,
)
from tests.factories.workshops import UserFactory
from tests.public.builders import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    """Two days; Ada present then late and completed, Bo absent then present, a
    withdrawn registration, and a participant whose name is a formula."""
    workshop = make_event(days=[dt.date(2022, 7, 18), dt.date(2022, 7, 20)], slug="jul")
    first, second = workshop.days.order_by("held_on")

    def register(name, status, marks):
        registration = RegistrationFactory(
            workshop=workshop,
            participant=ParticipantFactory(given_name=name, family_name=name),
            status=status,
        )
        for day, mark in zip((first, second), marks, strict=True):
            if mark:
                AttendanceFactory(registration=registration, day=day, mark=mark)

    register("Ada", RegistrationStatus.COMPLETED, [AttendanceMark.PRESENT, AttendanceMark.LATE])
    register("Bo", RegistrationStatus.ATTENDED, [AttendanceMark.ABSENT, AttendanceMark.PRESENT])
    register("Cy", RegistrationStatus.WITHDRAWN, [None, None])
    register("=1+2", RegistrationStatus.CONFIRMED, [None, None])
    return workshop


def url(workshop, sheet, fmt):
    return f"/admin/reports/report/workshop/{workshop.pk}/{sheet}.{fmt}"


def open_xlsx(response):
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_attendance_sheet_xlsx_has_a_column_per_day_totals_and_completion(staff_client, workshop):
    response = staff_client.get(url(workshop, "attendance", "xlsx"))

    rows = open_xlsx(response)
    assert rows[0][8:] == ["2022-07-18", "2022-07-20", "Days attended", "Completed"]
    assert [[row[0], *row[8:]] for row in rows[1:]] == [
        ["'=1+2", None, None, 0, "No"],
        ["Ada", "Present", "Late", 2, "Yes"],
        ["Bo", "Absent", "Present", 1, "No"],
        ["Total attending", 1, 2, None, 1],
    ]


def test_attendance_sheet_xlsx_holds_no_live_formula(staff_client, workshop):
    response = staff_client.get(url(workshop, "attendance", "xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [
        cell.data_type for row in sheet.iter_rows() for cell in row if cell.data_type == "f"
    ] == []
    assert sheet["A2"].value == "'=1+2"


def test_participant_list_csv_lists_every_registration_with_its_status(staff_client, workshop):
    response = staff_client.get(url(workshop, "participants", "csv"))

    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert [(row[0], row[7]) for row in rows] == [
        ("Given name", "Registration status"),
        ("'=1+2", "Confirmed"),
        ("Ada", "Completed"),
        ("Bo", "Attended"),
        ("Cy", "Withdrawn"),
    ]


def test_workshop_export_is_refused_without_the_right_to_see_registrations(client, workshop):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(url(workshop, "participants", "csv")).status_code == 403


def test_workshop_export_of_an_unknown_sheet_is_not_found(staff_client, workshop):
    assert staff_client.get(url(workshop, "payroll", "csv")).status_code == 404


def test_workshop_page_links_to_its_exports(staff_client, workshop):
    response = staff_client.get(f"/admin/workshops/workshop/{workshop.pk}/change/")

    assert url(workshop, "attendance", "xlsx").encode() in response.content


def test_registrations_export_follows_the_changelist_filters(staff_client, workshop):
    response = staff_client.get(
        "/admin/reports/report/registrations.csv", {"status__exact": "attended"}
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(row[0], row[2]) for row in rows] == [
        ("Workshop", "Given name"),
        (workshop.title, "Bo"),
    ]


def test_registrations_changelist_links_to_the_export_of_its_filters(staff_client, workshop):
    response = staff_client.get("/admin/participants/registration/", {"status__exact": "attended"})

    assert b'href="/admin/reports/report/registrations.csv?status__exact=attended"' in (
        response.content
    )


@pytest.mark.parametrize("size", [1, 3])
def test_attendance_sheet_query_count_is_constant(staff_client, django_assert_num_queries, size):
    workshop = make_event(days=[dt.date(2022, 7, 18), dt.date(2022, 7, 19)])
    for _ in range(size):
        registration = RegistrationFactory(workshop=workshop)
        AttendanceFactory(registration=registration, day=workshop.days.first())

    # session, user, workshop, days, registrations, marks
    with django_assert_num_queries(6):
        staff_client.get(url(workshop, "attendance", "xlsx"))


def test_registrations_export_with_a_filter_of_nothing_is_a_bad_request(staff_client):
    response = staff_client.get("/admin/reports/report/registrations.csv", {"shoe__size": "9"})

    assert response.status_code == 400

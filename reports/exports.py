"""The files staff download: a workshop's participant list and attendance sheet, and
the registrations of the admin's current filters, as CSV or XLSX.

Every text cell goes through safe_cell(): names and agencies come from nomination
sheets that agencies send, so a value such as "=HYPERLINK(...)" must stay text."""

import csv
import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from participants.choices import ATTENDING_MARKS, RegistrationStatus
from participants.models import Attendance, Registration

from .tabular import safe_cell

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

PARTICIPANT_COLUMNS = [
    "Given name",
    "Family name",
    "Email",
    "Position",
    "Agency",
    "Member state",
    "Gender",
    "Registration status",
]


def _person(registration):
    participant = registration.participant
    return [
        participant.given_name,
        participant.family_name,
        participant.email,
        participant.position,
        participant.agency.name if participant.agency else "",
        participant.member_state.name if participant.member_state else "",
        participant.get_gender_display(),
        registration.get_status_display(),
    ]


def _registrations(queryset):
    return queryset.select_related(
        "participant__agency", "participant__member_state", "workshop"
    ).order_by("participant__family_name", "participant__given_name", "pk")


def participant_list(*, workshop):
    """(header, rows) of the workshop's registrations, withdrawn ones included with
    their status. One statement."""
    rows = [_person(r) for r in _registrations(Registration.objects.filter(workshop=workshop))]
    return PARTICIPANT_COLUMNS, rows


def attendance_sheet(*, workshop, with_email=True):
    """(header, rows) of the attendance sheet: one column per day (Present, Late,
    Absent or empty when not called), the days attended, completion; a last row of
    totals per day. Three statements whatever the size.

    with_email=False leaves the Email column out: the trainers' copy, since the
    trainers' area shows participants' names and never their addresses."""
    days = list(workshop.days.order_by("held_on"))
    registrations = list(
        _registrations(
            Registration.objects.filter(workshop=workshop).exclude(
                status=RegistrationStatus.WITHDRAWN
            )
        )
    )
    marks = {
        (registration_id, day_id): mark
        for registration_id, day_id, mark in Attendance.objects.filter(
            registration__workshop=workshop
        ).values_list("registration_id", "day_id", "mark")
    }
    header = [
        *PARTICIPANT_COLUMNS,
        *(day.held_on.isoformat() for day in days),
        "Days attended",
        "Completed",
    ]
    labels = dict(Attendance._meta.get_field("mark").choices)
    rows = []
    per_day = [0] * len(days)
    for registration in registrations:
        day_marks = [marks.get((registration.pk, day.pk)) for day in days]
        for index, mark in enumerate(day_marks):
            per_day[index] += mark in ATTENDING_MARKS
        rows.append(
            [
                *_person(registration),
                *(str(labels[mark]) if mark else "" for mark in day_marks),
                sum(mark in ATTENDING_MARKS for mark in day_marks),
                "Yes" if registration.status == RegistrationStatus.COMPLETED else "No",
            ]
        )
    completed = sum(r.status == RegistrationStatus.COMPLETED for r in registrations)
    totals = ["Total attending", *[""] * (len(PARTICIPANT_COLUMNS) - 1), *per_day, "", completed]
    rows.append(totals)
    if not with_email:
        email = PARTICIPANT_COLUMNS.index("Email")
        header = _without(header, email)
        rows = [_without(row, email) for row in rows]
    return header, rows


def _without(cells, index):
    return [*cells[:index], *cells[index + 1 :]]


def registration_rows(queryset):
    """(header, rows) of any registrations, e.g. those of the admin's current filters.
    One statement."""
    header = ["Workshop", "Workshop ends on", *PARTICIPANT_COLUMNS]
    rows = [
        [r.workshop.title, r.workshop.ends_on or "", *_person(r)] for r in _registrations(queryset)
    ]
    return header, rows


def csv_response(*, header, rows, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    # A byte order mark, so that Excel reads the names of Thai or Vietnamese officials
    # as UTF-8 rather than the machine's code page.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return response


def xlsx_bytes(*, header, rows, title):
    # Write-only: the rows stream into the file instead of a sheet held in memory.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header_cells = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=safe_cell(str(value)))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([safe_cell(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(*, header, rows, filename, title):
    response = HttpResponse(
        xlsx_bytes(header=header, rows=rows, title=title), content_type=XLSX_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response

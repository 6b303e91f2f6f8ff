"""Importing a virtual day's attendance from Zoom's report: upload, preview, assign by
hand, confirm. Nothing is saved before the confirmation."""

import datetime as dt
import io
import shutil

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from participants.choices import AttendanceMark
from participants.models import Attendance
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.workshops import WorkshopDayFactory
from tests.html import csp_violations
from tests.i18n.pages import elements, text
from tests.public.test_html_validity import vnu_errors
from tests.training.zoom_roll import REPORTS, make_zoom_roll
from workshops.choices import DeliveryMode

pytestmark = pytest.mark.django_db


def upload_url(day):
    return reverse(
        "trainer:virtual-import", kwargs={"slug": day.workshop.slug, "date": day.held_on}
    )


def preview_url(day):
    return reverse(
        "trainer:virtual-import-preview", kwargs={"slug": day.workshop.slug, "date": day.held_on}
    )


def csv_file(content: bytes, name="participants_81234567890.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def upload(client, day, content=None):
    content = content or (REPORTS / "meeting_block.csv").read_bytes()
    return client.post(upload_url(day), {"report": csv_file(content)})


def names_in(html, section_id) -> list[str]:
    """The names listed in the section `section_id` of the preview."""
    found = []
    for e in elements(html):
        if e.tag in {"span", "li", "label"} and _inside(e, section_id):
            if e.tag == "span" and "fw-semibold" in e.classes:
                found.append(text(e))
            elif e.tag == "li" and e.parent.tag == "ul" and "import-list" in e.parent.classes:
                if section_id == "not-in-report":
                    found.append(text(e))
            elif e.tag == "label":
                found.append(text(e))
    return found


def _inside(element, section_id):
    while element is not None:
        if element.attrs.get("id") == section_id:
            return True
        element = element.parent
    return False


def saved_marks():
    return sorted(
        Attendance.objects.values_list(
            "registration__participant__given_name", "mark", "recorded_by__username"
        )
    )


def preview_id(client, day):
    return client.session[f"trainer-virtual-import-{day.pk}"]["id"]


def person_index(client, day, name):
    people = client.session[f"trainer-virtual-import-{day.pk}"]["people"]
    return next(index for index, person in enumerate(people) if person["name"] == name)


@pytest.fixture
def roll(monday):
    return make_zoom_roll(monday)


def test_upload_shows_the_preview_and_saves_nothing(trainer_client, monday, roll):
    response = upload(trainer_client, monday)

    assert (response.status_code, response.url) == (302, preview_url(monday))
    assert Attendance.objects.count() == 0
    assert preview_id(trainer_client, monday)


def test_preview_lists_present_below_minimum_ambiguous_unmatched_and_missing(
    trainer_client, monday, roll
):
    upload(trainer_client, monday)

    response = trainer_client.get(preview_url(monday))

    html = response.content.decode()
    assert response.status_code == 200
    assert names_in(html, "present") == ["Ada Lovelace", "Văn Đức Nguyễn"]
    assert names_in(html, "below-minimum") == ["Bo Short"]
    assert names_in(html, "not-in-report") == ["Cy Absent", "Siti Aminah BNP", "Siti Aminah IMI"]
    # The ambiguous first, then the unmatched.
    assert names_in(html, "to-assign") == ["Siti Aminah", "Host Trainer"]
    assert text(next(e for e in elements(html) if e.attrs.get("id") == "minimum")) == (
        "The day’s sessions are scheduled over 180 minutes: present means at least 60 % of "
        "that, 108 minutes in the meeting."
    )
    assert csp_violations(html) == []
    assert Attendance.objects.count() == 0


def test_preview_shows_no_address_of_the_roll(trainer_client, monday, roll):
    upload(trainer_client, monday)

    html = trainer_client.get(preview_url(monday)).content.decode().casefold()

    # The roll's addresses are matched, never shown; the report's own (the host's,
    # unmatched) is the trainer's file.
    for email in ["ada@example.org", "siti@bnp.example", "cy@example.org", "duc@mps.example"]:
        assert email not in html


def test_confirm_writes_the_marks_of_the_whole_roll_with_who_and_when(trainer_client, monday, roll):
    upload(trainer_client, monday)
    before = timezone.now()

    response = trainer_client.post(
        preview_url(monday), {"preview": preview_id(trainer_client, monday), "confirm": "1"}
    )

    assert (response.status_code, response.url) == (
        302,
        reverse("trainer:roll-call", kwargs={"slug": monday.workshop.slug, "date": monday.held_on}),
    )
    assert saved_marks() == [
        ("Ada", AttendanceMark.PRESENT, "trainer"),
        ("Bo", AttendanceMark.ABSENT, "trainer"),
        ("Cy", AttendanceMark.ABSENT, "trainer"),
        ("Siti", AttendanceMark.ABSENT, "trainer"),
        ("Siti", AttendanceMark.ABSENT, "trainer"),
        ("Văn Đức", AttendanceMark.PRESENT, "trainer"),
    ]
    assert all(a.recorded_at >= before for a in Attendance.objects.all())
    assert f"trainer-virtual-import-{monday.pk}" not in trainer_client.session


def test_update_keeps_a_hand_assignment_that_confirm_applies(trainer_client, monday, roll):
    upload(trainer_client, monday)
    siti = f"assign-{person_index(trainer_client, monday, 'Siti Aminah')}"
    current = preview_id(trainer_client, monday)

    updated = trainer_client.post(
        preview_url(monday), {"preview": current, siti: roll["siti_imi"].pk, "update": "1"}
    )
    page = trainer_client.get(preview_url(monday)).content.decode()
    trainer_client.post(
        preview_url(monday), {"preview": current, siti: roll["siti_imi"].pk, "confirm": "1"}
    )

    assert (updated.status_code, updated.url) == (302, preview_url(monday))
    assert names_in(page, "present") == ["Siti Aminah", "Ada Lovelace", "Văn Đức Nguyễn"]
    assert dict(
        Attendance.objects.filter(registration__participant__given_name="Siti").values_list(
            "registration", "mark"
        )
    ) == {roll["siti_imi"].pk: AttendanceMark.PRESENT, roll["siti_bnp"].pk: AttendanceMark.ABSENT}


def test_update_saves_no_mark(trainer_client, monday, roll):
    upload(trainer_client, monday)
    siti = f"assign-{person_index(trainer_client, monday, 'Siti Aminah')}"

    trainer_client.post(
        preview_url(monday),
        {"preview": preview_id(trainer_client, monday), siti: roll["siti_bnp"].pk, "update": "1"},
    )

    assert Attendance.objects.count() == 0


def test_confirm_of_a_replaced_preview_saves_nothing(trainer_client, monday, roll):
    upload(trainer_client, monday)
    old = preview_id(trainer_client, monday)
    upload(trainer_client, monday)  # another tab

    response = trainer_client.post(preview_url(monday), {"preview": old, "confirm": "1"})

    assert response.status_code == 200
    assert "Another report was uploaded for this day" in response.content.decode()
    assert Attendance.objects.count() == 0


@pytest.mark.parametrize("who", ["not in the preview", "not on the roll"])
def test_altered_assignment_saves_nothing(trainer_client, monday, roll, who):
    upload(trainer_client, monday)
    if who == "not in the preview":  # Ada was matched: she has no field
        field, value = f"assign-{person_index(trainer_client, monday, 'Ada L')}", roll["cy"].pk
    else:  # the host's own registration is withdrawn
        field, value = (
            f"assign-{person_index(trainer_client, monday, 'Host Trainer')}",
            roll["host"].pk,
        )

    response = trainer_client.post(
        preview_url(monday),
        {"preview": preview_id(trainer_client, monday), field: value, "confirm": "1"},
    )

    assert response.status_code == 200
    assert Attendance.objects.count() == 0


def test_cancel_drops_the_report_and_saves_nothing(trainer_client, monday, roll):
    upload(trainer_client, monday)

    response = trainer_client.post(
        preview_url(monday), {"preview": preview_id(trainer_client, monday), "cancel": "1"}
    )

    assert response.status_code == 302
    assert f"trainer-virtual-import-{monday.pk}" not in trainer_client.session
    assert Attendance.objects.count() == 0


def test_preview_without_an_upload_goes_to_the_upload(trainer_client, monday, roll):
    response = trainer_client.get(preview_url(monday))

    assert (response.status_code, response.url) == (302, upload_url(monday))


def _xlsx():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name (Original Name)", "User Email", "Duration (Minutes)"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ((REPORTS / "nominations.csv").read_bytes(), "This is not a Zoom participants report"),
        ((REPORTS / "malformed.csv").read_bytes(), "Line 2 of the file has no name"),
        (_xlsx(), "This is a workbook or another document"),
        (b"%PDF-1.7\n", "This is a PDF file"),
        (bytes(range(256)), "This file is not a CSV text file."),
    ],
)
def test_a_file_that_is_not_a_report_gets_a_message_and_keeps_nothing(
    trainer_client, monday, roll, content, message
):
    response = upload(trainer_client, monday, content)

    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert f"trainer-virtual-import-{monday.pk}" not in trainer_client.session


def test_an_empty_file_gets_a_message(trainer_client, monday, roll):
    response = trainer_client.post(upload_url(monday), {"report": csv_file(b"")})

    assert response.status_code == 200
    assert "The submitted file is empty." in response.content.decode()


def test_a_day_in_the_future_cannot_be_imported(trainer_client, workshop, make_roll):
    make_roll(2)
    future = WorkshopDayFactory(
        workshop=workshop, held_on=timezone.localdate() + dt.timedelta(days=3)
    )

    page = trainer_client.get(upload_url(future))
    posted = upload(trainer_client, future)

    assert 'id="future-day"' in page.content.decode()
    assert 'type="file"' not in page.content.decode()
    assert posted.status_code == 200
    assert "cannot be imported before that day" in posted.content.decode()
    assert f"trainer-virtual-import-{future.pk}" not in trainer_client.session


def test_workshop_page_links_the_import_of_a_virtual_workshop_only(
    trainer_client, workshop, monday
):
    page = reverse("trainer:workshop", kwargs={"slug": workshop.slug})

    virtual = trainer_client.get(page).content.decode()
    workshop.delivery_mode = DeliveryMode.IN_PERSON
    workshop.save()
    in_person = trainer_client.get(page).content.decode()

    assert f'href="{upload_url(monday)}"' in virtual
    assert f'href="{upload_url(monday)}"' not in in_person


def report_of(registrations) -> bytes:
    lines = ["Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)"]
    for n, registration in enumerate(registrations):
        participant = registration.participant
        lines.append(
            f"{participant},{participant.email},07/18/2022 09:00:00 AM,07/18/2022 11:00:00 AM,120"
        )
        lines.append(f"Guest {n},,07/18/2022 09:00:00 AM,07/18/2022 09:30:00 AM,30")
    return "\n".join(lines).encode()


@pytest.mark.parametrize("size", [5, 60])
def test_preview_query_count_is_constant(trainer_client, monday, size, django_assert_num_queries):
    registrations = [
        RegistrationFactory(workshop=monday.workshop, participant=ParticipantFactory())
        for _ in range(size)
    ]
    upload(trainer_client, monday, report_of(registrations))

    # session, user, workshop, day, roll, schedule
    with django_assert_num_queries(6):
        response = trainer_client.get(preview_url(monday))

    assert response.status_code == 200
    assert len(names_in(response.content.decode(), "to-assign")) == size


@pytest.mark.skipif(shutil.which("java") is None, reason="needs java for the Nu HTML checker")
def test_preview_and_a_refused_upload_are_valid_html(trainer_client, monday, roll, tmp_path):
    refused = upload(trainer_client, monday, (REPORTS / "nominations.csv").read_bytes())
    upload(trainer_client, monday)
    preview = trainer_client.get(preview_url(monday))
    (tmp_path / "refused.html").write_bytes(refused.content)
    (tmp_path / "preview.html").write_bytes(preview.content)

    errors = vnu_errors([tmp_path / "refused.html", tmp_path / "preview.html"])

    assert (refused.status_code, preview.status_code) == (200, 200)
    assert errors == {}


@pytest.mark.parametrize("size", [5, 60])
def test_confirm_query_count_is_constant(trainer_client, monday, size, django_assert_num_queries):
    registrations = [
        RegistrationFactory(workshop=monday.workshop, participant=ParticipantFactory())
        for _ in range(size)
    ]
    upload(trainer_client, monday, report_of(registrations))
    data = {"preview": preview_id(trainer_client, monday), "confirm": "1"}

    # session, user, workshop, day, roll, schedule; the roll locked and the marks
    # upserted (record_roll_call, between a savepoint and its release); the session
    # saved without the report (the same, in a savepoint).
    with django_assert_num_queries(13):
        response = trainer_client.post(preview_url(monday), data)

    assert response.status_code == 302
    # Two hours of a day without times (six hours): everyone is below the minimum.
    assert list(Attendance.objects.values_list("mark", flat=True).distinct()) == ["absent"]
    assert Attendance.objects.count() == size

"""Staff schedule a whole workshop from its admin add page, in a real browser.

tests/admin/test_workshop_page.py posts the same page's data directly; this drives
the page's JavaScript as well: the slug prepopulated from the title, "Add another"
rows, the date widgets and the select2 autocomplete boxes of speakers, partners and
participants, under the site's strict Content Security Policy.
"""

import datetime as dt

import pytest
from playwright.sync_api import expect

from participants.choices import RegistrationStatus
from tests.factories.participants import ParticipantFactory
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    SpeakerFactory,
    StaffFactory,
)
from workshops.choices import DeliveryMode, PartnerRole, WorkshopKind, WorkshopStatus
from workshops.models import Session, Workshop

pytestmark = pytest.mark.django_db(transaction=True)

FIRST_DAY = dt.date(2030, 3, 4)
SECOND_DAY = dt.date(2030, 3, 6)
TITLE = "Virtual Workshop on Detecting Fraudulent Travel Documents"
PARTICIPANT_NAMES = [
    ("Amina", "Rahman"),
    ("Budi", "Santoso"),
    ("Chanthy", "Sok"),
    ("Dao", "Minh Anh"),
    ("Erlinda", "Cruz"),
]


def log_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def pick(page, row, search, option):
    """Choose `option` in the select2 box of inline `row` (#sessions-0...), or of a
    field's row (#timezone-row...), as a user does: open the box, type into its search
    field, click the matching result."""
    box = f".field-{row.removesuffix('-row')}" if row.endswith("-row") else f"#{row}"
    page.locator(f"{box} .select2-selection").click()
    # The search field is inline in the box of a multiple select, in the dropdown of
    # a single one; either way, the one open container holds exactly one.
    page.locator(".select2-container--open .select2-search__field").press_sequentially(search)
    page.get_by_role("option", name=option, exact=True).click()
    expect(page.locator(".select2-container--open")).to_have_count(0)


def fill_day(page, index, held_on):
    page.locator(f"#days-{index} input[name$='-held_on']").fill(held_on.isoformat())


def fill_session(page, index, title, held_on, starts, ends, speakers):
    row = page.locator(f"#sessions-{index}")
    row.locator("input[name$='-title']").fill(title)
    row.locator("input[name$='-date']").fill(held_on.isoformat())
    row.locator("input[name$='-start_time']").fill(starts)
    row.locator("input[name$='-end_time']").fill(ends)
    row.locator("input[name$='-order']").fill(str(index + 1))
    for speaker in speakers:
        pick(page, f"sessions-{index}", speaker.name, str(speaker))


def test_workshop_add_page_schedules_a_two_day_virtual_workshop_in_one_submit(page):
    StaffFactory(username="coordinator")
    wendy, suriya = (
        SpeakerFactory(honorific="Ms.", name="Wendy MacDonald"),
        SpeakerFactory(honorific="Dr.", name="Suriya Chindawongse"),
    )
    jclec = OrganisationFactory(
        name="Jakarta Centre for Law Enforcement Cooperation", acronym="JCLEC"
    )
    participants = [
        ParticipantFactory(given_name=given, family_name=family)
        for given, family in PARTICIPANT_NAMES
    ]
    log_in(page, "coordinator")

    page.locator("tr.model-workshop").get_by_role("link", name="Add").click()
    page.wait_for_url("**/admin/workshops/workshop/add/")
    page.get_by_label("Title").press_sequentially(TITLE)  # keyup fills the slug
    page.get_by_label("Kind").select_option(label="Workshop")
    expect(page.get_by_label("Slug")).to_have_value(
        "virtual-workshop-on-detecting-fraudulent-travel-documents"
    )
    page.get_by_label("Scheduled, on the public site").check()
    page.get_by_label("Delivery mode").select_option(label="Virtual")
    page.get_by_label("Platform").fill("Zoom, through JCLEC’s Online Delivery Model")
    pick(page, "timezone-row", "Jakarta", "Asia/Jakarta")  # a searchable box of ~600 zones

    fill_day(page, 0, FIRST_DAY)
    page.get_by_role("button", name="Add another Day").click()
    fill_day(page, 1, SECOND_DAY)

    programme = [
        ("Opening", FIRST_DAY, "09:00", "09:30", [wendy]),
        ("Examining passports", FIRST_DAY, "09:30", "11:00", [suriya]),
        ("Case studies", SECOND_DAY, "09:00", "11:00", [wendy, suriya]),
    ]
    for index, session in enumerate(programme):
        if index:
            page.get_by_role("button", name="Add another Session").click()
        fill_session(page, index, *session)

    pick(page, "partners-0", "JCLEC", str(jclec))
    page.locator("#partners-0 select[name$='-role']").select_option(label="Co-host")

    for index, participant in enumerate(participants):
        if index:
            page.get_by_role("button", name="Add another Registration").click()
        # The picker tells people apart by their address and agency (ParticipantAdmin).
        label = " · ".join(
            part
            for part in (
                str(participant),
                participant.email,
                participant.agency and (participant.agency.acronym or participant.agency.name),
            )
            if part
        )
        pick(page, f"registrations-{index}", participant.family_name, label)

    page.get_by_role("button", name="Save", exact=True).click()

    page.wait_for_url("**/admin/workshops/workshop/")
    expect(page.locator(".messagelist .success")).to_have_text(
        f"The workshop “{TITLE}” was added successfully."
    )
    workshop = Workshop.objects.get()
    assert (
        workshop.slug,
        workshop.kind,
        workshop.status,
        workshop.delivery_mode,
        workshop.platform,
        workshop.timezone,
    ) == (
        "virtual-workshop-on-detecting-fraudulent-travel-documents",
        WorkshopKind.WORKSHOP,
        WorkshopStatus.SCHEDULED,
        DeliveryMode.VIRTUAL,
        "Zoom, through JCLEC’s Online Delivery Model",
        "Asia/Jakarta",
    )
    assert list(workshop.days.values_list("held_on", flat=True)) == [FIRST_DAY, SECOND_DAY]
    assert [
        (
            session.title,
            session.day.held_on,
            session.day.workshop_id,
            session.start_time,
            session.end_time,
            [speaker.name for speaker in session.speakers.order_by("name")],
        )
        for session in Session.objects.filter(workshop=workshop).select_related("day")
    ] == [
        ("Opening", FIRST_DAY, workshop.pk, dt.time(9), dt.time(9, 30), ["Wendy MacDonald"]),
        (
            "Examining passports",
            FIRST_DAY,
            workshop.pk,
            dt.time(9, 30),
            dt.time(11),
            ["Suriya Chindawongse"],
        ),
        (
            "Case studies",
            SECOND_DAY,
            workshop.pk,
            dt.time(9),
            dt.time(11),
            ["Suriya Chindawongse", "Wendy MacDonald"],
        ),
    ]
    assert list(workshop.partners.values_list("organisation", "role")) == [
        (jclec.pk, PartnerRole.CO_HOST)
    ]
    assert sorted(workshop.registrations.values_list("participant", "status")) == [
        (participant.pk, RegistrationStatus.NOMINATED) for participant in participants
    ]
    assert (workshop.starts_on, workshop.ends_on) == (FIRST_DAY, SECOND_DAY)
    assert page.failed_requests == []
    assert page.console_errors == []


def test_choosing_a_country_proposes_its_time_zone_at_once(page):
    StaffFactory(username="coordinator")
    MemberStateFactory(name="Indonesia", iso_code="ID")
    log_in(page, "coordinator")

    page.goto("/admin/workshops/workshop/add/")
    pick(page, "country-row", "Indon", "Indonesia")

    expect(page.locator("#id_timezone")).to_have_value("Asia/Jakarta")
    expect(page.locator(".field-timezone .select2-selection__rendered")).to_have_text(
        "Asia/Jakarta"
    )
    expect(page.locator(".timezone-proposed")).to_have_text(
        "Proposed from the country (Indonesia): Asia/Jakarta. Change it if the event runs "
        "in another zone."
    )
    assert page.console_errors == []

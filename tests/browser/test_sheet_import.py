"""Staff import an agency's nomination sheet from a workshop's admin page, in a real
browser: upload a sheet whose headers are not ours, map the two columns the portal
cannot guess, check the preview (a new person, a known one, a row with an error),
confirm, and find the registrations on the workshop's page.

tests/participants/test_sheet_import_page.py posts the same steps directly; this
drives the pages as staff do, with Programme staff's rights (not a superuser's), under
the site's strict Content Security Policy.
"""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from participants.choices import RegistrationStatus
from participants.models import ImportMapping, Participant
from tests.factories.participants import ParticipantFactory
from tests.factories.workshops import (
    MemberStateFactory,
    OrganisationFactory,
    UserFactory,
    WorkshopFactory,
)
from workshops.choices import WorkshopStatus

pytestmark = pytest.mark.django_db(transaction=True)


def screenshot_dir(tmp_path):
    """SCREENSHOT_DIR if set, to look at the pages as staff see them; else the
    test's own temporary directory (pytest keeps the last runs')."""
    directory = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    directory.mkdir(parents=True, exist_ok=True)
    return directory


# "Participant name" and "Official e-mail" are no headers the portal knows: staff map
# them. "Rank/Position" and "Agency" are guessed.
SHEET = (
    "Participant name,Official e-mail,Rank/Position,Agency\n"
    "Siti Nurhaliza,siti.nurhaliza@imigrasi.example,Immigration Officer,Directorate General of Immigration\n"  # noqa: E501
    "Kanya Srisuk,KANYA.SRISUK@police.example ,Police Major,Royal Thai Police\n"
    "Nguyen Van An,not-an-address,Border Guard,Vietnam Border Guard\n"
)


def log_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/")


def test_staff_import_a_sheet_with_foreign_headers_and_see_the_registrations(page, tmp_path):
    indonesia = MemberStateFactory(name="Indonesia")
    thailand = MemberStateFactory(name="Thailand")
    imigrasi = OrganisationFactory(
        name="Directorate General of Immigration", acronym="DGI", member_state=indonesia
    )
    rtp = OrganisationFactory(name="Royal Thai Police", acronym="RTP", member_state=thailand)
    kanya = ParticipantFactory(
        given_name="Kanya",
        family_name="Srisuk",
        email="kanya.srisuk@police.example",
        agency=rtp,
        member_state=thailand,
    )
    workshop = WorkshopFactory(
        title="Workshop on Detecting Fraudulent Travel Documents",
        status=WorkshopStatus.SCHEDULED,
    )
    # Programme staff's rights on workshops and participants, given directly: the
    # group comes from a data migration, whose rows the transactional tests run
    # before this one have emptied.
    coordinator = UserFactory(username="coordinator", is_staff=True)
    coordinator.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=["workshops", "participants"])
    )
    sheet = tmp_path / "nominations.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    screenshots = screenshot_dir(tmp_path)

    log_in(page, "coordinator")
    page.goto(f"/admin/workshops/workshop/{workshop.pk}/change/")
    page.get_by_role("link", name="Import a nomination sheet").click()
    page.wait_for_url(f"**/admin/workshops/workshop/{workshop.pk}/import/")
    page.get_by_label("Sheet").set_input_files(sheet)
    page.get_by_label("Organisation").select_option(label=str(imigrasi))
    page.get_by_role("button", name="Preview").click()

    # The two unknown headers are ignored until mapped: no row has a name or address.
    expect(page.get_by_label("Participant name")).to_have_value("")
    expect(page.get_by_label("Official e-mail")).to_have_value("")
    expect(page.get_by_label("Rank/Position")).to_have_value("position")
    expect(page.get_by_label("Agency", exact=True)).to_have_value("agency")
    expect(page.locator(".import-counts")).to_contain_text("3 rows with errors")

    page.get_by_label("Participant name").select_option(label="Full name")
    page.get_by_label("Official e-mail").select_option(label="Email")
    page.get_by_role("button", name="Preview again with these columns").click()

    counts = page.locator(".import-counts")
    expect(counts).to_contain_text("1 new participants")
    expect(counts).to_contain_text("1 already known")
    expect(counts).to_contain_text("1 rows with errors")
    rows = page.locator("table.import-preview tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_have_class("import-new")
    expect(rows.nth(0)).to_contain_text("New")
    expect(rows.nth(0)).to_contain_text("siti.nurhaliza@imigrasi.example")
    # Matched by address, whatever its case and the space after it.
    expect(rows.nth(1)).to_have_class("import-existing")
    expect(rows.nth(1)).to_contain_text("Known: Kanya Srisuk")
    expect(rows.nth(2)).to_have_class("import-error")
    expect(rows.nth(2)).to_contain_text("Malformed email “not-an-address”")
    expect(rows.nth(2)).to_contain_text("unknown agency “Vietnam Border Guard”")
    # Nothing is written before staff confirm.
    assert not Participant.objects.filter(email="siti.nurhaliza@imigrasi.example").exists()
    assert not workshop.registrations.exists()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.screenshot(path=screenshots / "sheet-import-preview-1280.png", full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.screenshot(path=screenshots / "sheet-import-preview-375.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("button", name="Confirm the import").click()

    page.wait_for_url(f"**/admin/workshops/workshop/{workshop.pk}/change/")
    expect(page.locator(".messagelist .success")).to_have_text(
        "2 participant(s) registered as nominated; 1 row(s) with errors left out."
    )
    # The registrations inline lists both people (its select shows the chosen one).
    inline = page.locator("#registrations-group")
    expect(inline).to_contain_text("Siti Nurhaliza")
    expect(inline).to_contain_text("Kanya Srisuk")
    page.screenshot(path=screenshots / "sheet-import-done-1280.png", full_page=True)

    siti = Participant.objects.get(email="siti.nurhaliza@imigrasi.example")
    assert (siti.given_name, siti.family_name, siti.position, siti.agency, siti.member_state) == (
        "Siti",
        "Nurhaliza",
        "Immigration Officer",
        imigrasi,
        indonesia,
    )
    assert sorted(workshop.registrations.values_list("participant", "status")) == sorted(
        [(siti.pk, RegistrationStatus.NOMINATED), (kanya.pk, RegistrationStatus.NOMINATED)]
    )
    # The agency's headers are remembered for its next sheet.
    assert ImportMapping.objects.get(organisation=imigrasi).columns == {
        "participant name": "full_name",
        "official e-mail": "email",
        "rank/position": "position",
        "agency": "agency",
    }
    assert page.failed_requests == []
    assert page.console_errors == []

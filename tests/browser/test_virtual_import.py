"""The trainer imports a virtual day's attendance from Zoom's report on a phone
(375 × 812): uploads, sees the preview, assigns an ambiguous person, confirms."""

import os
from pathlib import Path

import pytest

from participants.models import Attendance
from tests.a11y import run_axe
from tests.factories.workshops import UserFactory
from tests.training.zoom_roll import REPORTS, make_zoom_roll

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}
# Set SCREENSHOTS=/some/dir to keep what the phone showed, to look at it.
SCREENSHOTS = os.environ.get("SCREENSHOTS")


@pytest.fixture
def day(settings):
    from tests.factories.workshops import TrainerAssignmentFactory, WorkshopDayFactory

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    trainer = UserFactory(username="trainer")
    trainer.set_password("rso-trainer-demo")
    trainer.save()
    assignment = TrainerAssignmentFactory(trainer=trainer, workshop__slug="virtual-workshop")
    monday = WorkshopDayFactory(workshop=assignment.workshop, held_on="2022-07-18")
    monday.roll = make_zoom_roll(monday)
    return monday


def shoot(page, name):
    if SCREENSHOTS:
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"))
        for step in (1, 2):
            page.evaluate("y => window.scrollTo({top: y, behavior: 'instant'})", 650 * step)
            page.wait_for_timeout(300)
            page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}-{step}.png"))
        page.evaluate("window.scrollTo({top: 0, behavior: 'instant'})")


def test_trainer_imports_a_zoom_report_on_a_phone(browser, live_server, day):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    phone = context.new_page()
    errors = []
    phone.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    phone.goto("/trainer/login/")
    phone.get_by_label("Username").fill("trainer")
    phone.get_by_label("Password").fill("rso-trainer-demo")
    phone.get_by_role("button", name="Log in").click()
    phone.wait_for_url("**/trainer/")

    phone.goto("/trainer/workshops/virtual-workshop/")
    phone.get_by_role("link", name="Import from Zoom · July 18, 2022").click()
    phone.get_by_label("Zoom participants report (CSV file)").set_input_files(
        REPORTS / "meeting_block.csv"
    )
    shoot(phone, "import-upload")
    phone.get_by_role("button", name="Upload and preview").click()
    phone.wait_for_url("**/import/preview/")
    shoot(phone, "import-preview")
    axe = run_axe(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    marks_before = Attendance.objects.count()

    phone.get_by_label("Siti Aminah", exact=True).select_option(label="Siti Aminah (IMI)")
    phone.get_by_role("button", name="Confirm and save the marks").click()
    phone.wait_for_url("**/roll-call/")
    shoot(phone, "import-saved")
    saved = phone.get_by_role("alert").inner_text()
    context.close()

    assert axe == []
    assert width == PHONE["width"]
    assert marks_before == 0
    assert saved == (
        "Attendance of July 18, 2022 imported from the report: 3 present, 3 absent. "
        "Marks saved or corrected: 6."
    )
    assert dict(Attendance.objects.values_list("registration", "mark")) == {
        day.roll["ada"].pk: "present",
        day.roll["duc"].pk: "present",
        day.roll["siti_imi"].pk: "present",
        day.roll["siti_bnp"].pk: "absent",
        day.roll["bo"].pk: "absent",
        day.roll["cy"].pk: "absent",
    }
    assert errors == []

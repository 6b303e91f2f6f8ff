"""The trainer on a phone (375 × 812): logs in, calls the roll, saves, reloads; and
axe-core on every page of the trainers' area."""

import datetime as dt
import pprint

import pytest

from participants.models import Attendance
from tests.a11y import run_axe
from tests.trainer.site import (
    ANONYMOUS_PAGES,
    PASSWORD,
    ROLL_CALL,
    USERNAME,
    build_trainer_site,
)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def demo_trainer(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return build_trainer_site()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


def log_in(page):
    page.goto("/trainer/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/trainer/")


def test_trainer_calls_the_roll_on_a_phone_saves_and_sees_the_marks_after_reload(
    phone, demo_trainer
):
    log_in(phone)
    phone.get_by_role("link", name="Virtual Training Workshop on Addressing").click()
    phone.get_by_role("link", name="Call the roll · July 18, 2022").click()
    phone.wait_for_url(f"**{ROLL_CALL}")

    phone.get_by_role("button", name="Mark the rest present").click()
    late = phone.get_by_role("group", name="Demo Participant 0002")
    late.get_by_text("Late", exact=True).click()
    absent = phone.get_by_role("group", name="Demo Participant 0005")
    absent.get_by_text("Absent", exact=True).click()
    count = phone.locator("[data-roll-count]").inner_text()
    phone.get_by_role("button", name="Save the roll call").click()
    phone.wait_for_load_state()
    saved = phone.get_by_role("alert").inner_text()
    phone.reload()

    checked = phone.locator("input[type=radio]:checked").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )
    assert count == "21 present · 1 late · 1 absent · 0 not marked"
    assert saved == "Roll call of July 18, 2022 saved: 23 new marks, 0 corrections."
    assert checked == ["present", "late", "present", "present", "absent"] + ["present"] * 18
    assert sorted(
        Attendance.objects.filter(day__held_on=dt.date(2022, 7, 18)).values_list(
            "mark", "recorded_by__username"
        )
    ) == sorted([("present", "trainer")] * 21 + [("late", "trainer"), ("absent", "trainer")])
    # Nothing wider than the phone: no sideways scrolling to reach a mark.
    assert phone.evaluate("document.documentElement.scrollWidth") == PHONE["width"]
    assert phone.console_errors == []


def test_roll_call_without_javascript_saves_on_a_phone(browser, live_server, demo_trainer):
    context = browser.new_context(
        base_url=live_server.url, viewport=PHONE, java_script_enabled=False
    )
    page = context.new_page()
    log_in(page)
    page.goto(ROLL_CALL)

    for n in range(1, 24):
        group = page.get_by_role("group", name=f"Demo Participant {n:04d}")
        group.get_by_text("Late" if n == 7 else "Present", exact=True).click()
    page.get_by_role("button", name="Save the roll call").click()
    page.wait_for_load_state()
    context.close()

    assert sorted(
        Attendance.objects.filter(day__held_on=dt.date(2022, 7, 18)).values_list(
            "registration__participant__family_name", "mark"
        )
    )[5:8] == [
        ("Participant 0006", "present"),
        ("Participant 0007", "late"),
        ("Participant 0008", "present"),
    ]


def test_every_trainer_page_has_no_serious_or_critical_axe_violation(phone, demo_trainer):
    violations = {}
    for path in ANONYMOUS_PAGES:
        phone.goto(path)
        violations[path] = run_axe(phone)
    log_in(phone)
    for path in demo_trainer.pages:
        phone.goto(path)
        violations[path] = run_axe(phone)
    # The roll call refused (a made-up field): the page with its error message.
    phone.goto(ROLL_CALL)
    phone.locator("form[data-roll-call]").evaluate(
        "f => f.insertAdjacentHTML('beforeend', '<input type=hidden name=mark-999 value=late>')"
    )
    phone.get_by_role("button", name="Save the roll call").click()
    phone.wait_for_selector("#form-errors")
    violations["roll call refused"] = run_axe(phone)

    found = {path: v for path, v in violations.items() if v}
    pprint.pprint(found, width=110)
    assert found == {}
    assert phone.console_errors == []

"""A participant on a phone (375 × 812) opens their survey link, is told what is
missing, answers, and sees the thank-you page; with JavaScript off too. axe-core on
every survey page and on the trainers' results page."""

import datetime as dt
import pprint

import pytest
from django.utils import timezone

from surveys.models import Answer, Response
from tests.a11y import run_axe
from tests.factories.surveys import InvitationFactory, WorkshopSurveyFactory
from tests.factories.workshops import TrainerAssignmentFactory, UserFactory
from tests.surveys.conftest import make_delivered, make_invitation, make_template
from tests.surveys.test_results import respond

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def phone_context(browser, live_server):
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=live_server.url, viewport=PHONE, **options)
        contexts.append(context)
        page = context.new_page()
        errors = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.console_errors = errors
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def template(transactional_db):
    return make_template()


@pytest.fixture
def survey(template):
    return WorkshopSurveyFactory(workshop=make_delivered(), template=template)


@pytest.fixture
def invitation(survey):
    return make_invitation(survey)


@pytest.mark.parametrize("javascript", [True, False])
def test_participant_answers_on_a_phone_and_sees_the_thank_you_page(
    phone_context, invitation, javascript
):
    phone = phone_context(java_script_enabled=javascript)
    phone.goto(f"/survey/{invitation.token}/")
    # Past the browser's own checks of required fields, to reach the server's messages.
    phone.locator("main form").evaluate("f => f.noValidate = true") if javascript else None
    phone.get_by_label("What could we improve?").fill("More exercises, please.")
    if javascript:
        phone.get_by_role("button", name="Send my answers").click()
        phone.wait_for_selector("#form-errors")
        assert phone.get_by_label("What could we improve?").input_value() == (
            "More exercises, please."
        )
        assert run_axe(phone) == []

    phone.get_by_role("group", name="Overall rating?").get_by_text("4", exact=True).click()
    phone.get_by_role("group", name="How much did you learn?").get_by_text("A lot").click()
    phone.get_by_role("group", name="Which parts were useful?").get_by_text("Talks").click()
    phone.get_by_role("group", name="Would you recommend it?").get_by_text("Yes").click()
    phone.get_by_role("button", name="Send my answers").click()
    phone.wait_for_url(f"**/survey/{invitation.token}/thanks/")

    assert phone.get_by_role("heading", level=1).inner_text() == "Thank you for your answers"
    # Nothing wider than the phone: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert phone.console_errors == []
    assert Response.objects.count() == 1
    assert sorted(Answer.objects.values_list("question__key", flat=True)) == [
        "improve",
        "knowledge",
        "overall",
        "recommend",
        "useful",
    ]


def test_survey_pages_and_results_have_no_serious_or_critical_axe_violation(
    phone_context, invitation, survey, template, settings
):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    respond(
        survey,
        template,
        overall=4,
        knowledge="A lot",
        useful=["Talks"],
        recommend=True,
        improve="More exercises",
    )
    expired = InvitationFactory(
        survey=survey,
        created_at=timezone.now() - dt.timedelta(days=70),
        expires_at=timezone.now() - dt.timedelta(days=10),
    )
    answered = Response.objects.get().invitation
    trainer = UserFactory(username="tutor", password="a-long-test-password")
    TrainerAssignmentFactory(workshop=survey.workshop, trainer=trainer)
    paths = [
        f"/survey/{invitation.token}/",
        f"/th/survey/{invitation.token}/",
        f"/survey/{expired.token}/",
        f"/survey/{answered.token}/",
        f"/survey/{answered.token}/thanks/",
        "/survey/no-such-token/",
    ]
    phone = phone_context()

    violations = {}
    for path in paths:
        phone.goto(path)
        if found := run_axe(phone):
            violations[path] = found
    phone.goto("/trainer/login/")
    phone.get_by_label("Username").fill("tutor")
    phone.get_by_label("Password").fill("a-long-test-password")
    phone.get_by_role("button", name="Log in").click()
    phone.wait_for_url("**/trainer/")
    results = f"/trainer/workshops/{survey.workshop.slug}/surveys/evaluation/"
    phone.goto(results)
    if found := run_axe(phone):
        violations[results] = found

    pprint.pprint(violations, width=110)
    assert violations == {}

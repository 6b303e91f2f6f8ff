"""The survey pages (the form, with errors, closed, thanks), the trainers' results page
and the survey stylesheet are valid for the Nu HTML checker."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from django.utils import timezone

from tests.factories.surveys import InvitationFactory
from tests.factories.workshops import TrainerAssignmentFactory, UserFactory
from tests.public.test_html_validity import vnu_errors
from tests.surveys.test_page import valid_answers
from tests.surveys.test_results import respond

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("java") is None,
        reason="needs java for the Nu HTML checker: apt-get install default-jre-headless",
    ),
]

SURVEY_CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "surveys.css"


def test_survey_and_results_pages_are_valid(client, invitation, survey, template, tmp_path):
    respond(
        survey,
        template,
        overall=4,
        knowledge="A lot",
        useful=["Talks"],
        recommend=True,
        improve="More <b>exercises</b> & cases",
    )
    answered = InvitationFactory(survey=survey)
    expired = InvitationFactory(
        survey=survey,
        created_at=timezone.now() - dt.timedelta(days=70),
        expires_at=timezone.now() - dt.timedelta(days=10),
    )
    q_overall = next(q for q in template.questions.all() if q.key == "overall")
    pages = {
        "form": client.get(f"/survey/{invitation.token}/"),
        "form in Thai": client.get(f"/th/survey/{invitation.token}/"),
        "form with errors": client.post(
            f"/survey/{invitation.token}/", valid_answers(template, **{f"q{q_overall.pk}": None})
        ),
        "expired": client.get(f"/survey/{expired.token}/"),
    }
    client.post(f"/survey/{answered.token}/", valid_answers(template))
    pages["thanks"] = client.get(f"/survey/{answered.token}/thanks/")
    pages["answered"] = client.get(f"/survey/{answered.token}/")
    trainer = UserFactory(username="tutor")
    TrainerAssignmentFactory(workshop=survey.workshop, trainer=trainer)
    client.force_login(trainer)
    pages["trainer results"] = client.get(
        f"/trainer/workshops/{survey.workshop.slug}/surveys/evaluation/"
    )
    files = {}
    for number, (name, response) in enumerate(pages.items()):
        file = tmp_path / f"page-{number:02}.html"
        file.write_bytes(response.content)
        files[file.name] = name

    errors = vnu_errors([*map(tmp_path.joinpath, files), SURVEY_CSS])

    assert {name: r.status_code for name, r in pages.items()} == {
        "form": 200,
        "form in Thai": 200,
        "form with errors": 200,
        "expired": 410,
        "thanks": 200,
        "answered": 410,
        "trainer results": 200,
    }
    by_page = {files.get(name, name): messages for name, messages in errors.items()}
    for name, messages in by_page.items():
        print(name, *messages, sep="\n  ")
    assert by_page == {}

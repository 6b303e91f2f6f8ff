"""Staff's survey pages in the admin beyond the generic ones of tests/admin: the
workshop's link to its surveys, the default template offered, the rules they keep."""

import pytest
from django.core.exceptions import ValidationError

from surveys.choices import QuestionKind, SurveyKind
from tests.factories.surveys import AnswerFactory, QuestionFactory, WorkshopSurveyFactory
from tests.factories.workshops import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory(username="boss"))
    return client


def test_workshop_page_links_to_its_surveys_with_their_results(staff_client, survey):
    other = WorkshopSurveyFactory()

    page = staff_client.get(f"/admin/workshops/workshop/{survey.workshop.pk}/change/")
    listing = staff_client.get(
        f"/admin/surveys/workshopsurvey/?workshop__id__exact={survey.workshop.pk}"
    )

    assert (
        f'href="/admin/surveys/workshopsurvey/?workshop__id__exact={survey.workshop.pk}"'
        in page.content.decode()
    )
    assert list(listing.context["cl"].result_list) == [survey]
    assert other not in listing.context["cl"].result_list
    assert f'href="/admin/surveys/workshopsurvey/{survey.pk}/results/"' in listing.content.decode()


def test_add_page_offers_the_default_template_and_the_filtered_workshop(
    staff_client, delivered, default_templates
):
    response = staff_client.get(
        "/admin/surveys/workshopsurvey/add/",
        {"_changelist_filters": f"workshop__id__exact={delivered.pk}"},
    )

    form = response.context["adminform"].form
    assert form.initial["template"] == default_templates[SurveyKind.EVALUATION]
    assert str(form.initial["workshop"]) == str(delivered.pk)


def test_a_template_of_the_other_kind_is_refused(delivered, default_templates):
    survey = WorkshopSurveyFactory.build(
        workshop=delivered, kind=SurveyKind.IMPACT, template=default_templates["evaluation"]
    )

    with pytest.raises(ValidationError) as error:
        survey.full_clean()

    assert error.value.message_dict == {
        "template": ["Choose a template of the kind “Impact follow-up”."]
    }


def test_an_answered_question_keeps_its_kind(survey):
    question = QuestionFactory(template=survey.template, kind=QuestionKind.RATING)
    AnswerFactory(question=question, response__invitation__survey=survey, number=3)
    question.kind = QuestionKind.TEXT

    with pytest.raises(ValidationError) as error:
        question.full_clean()

    assert list(error.value.message_dict) == ["kind"]


def test_opened_survey_keeps_its_template(staff_client, survey):
    survey.opened_at = survey.created_at
    survey.save()

    response = staff_client.get(f"/admin/surveys/workshopsurvey/{survey.pk}/change/")

    assert "template" not in response.context["adminform"].form.fields


@pytest.mark.parametrize("size", [1, 3])
def test_emails_list_names_survey_invitations_without_a_query_each(
    staff_client, attend, default_templates, size, django_assert_num_queries
):
    from surveys import services
    from tests.surveys.conftest import EVALUATION_DUE, PRESENT

    for _ in range(size):
        attend(PRESENT, PRESENT)
    services.open_due_surveys(now=EVALUATION_DUE)

    # Session, user, count (once), rows, the invitations they name.
    with django_assert_num_queries(5):
        response = staff_client.get("/admin/notifications/notification/")

    assert response.context["cl"].result_count == 2 * size
    assert "Survey invitation #" in response.content.decode()

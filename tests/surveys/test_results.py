"""Results of a survey (admin and trainers' area) and across workshops: aggregation
on hand-built answers, the CSV, constant queries, and no respondent identity."""

import csv
import io

import pytest

from participants.choices import RegistrationStatus
from surveys.choices import SurveyKind
from surveys.queries import (
    SMALL_GROUPS_LABEL,
    evaluation_results_across,
    survey_results,
    workshop_survey,
)
from tests.factories.participants import ParticipantFactory, RegistrationFactory
from tests.factories.surveys import (
    AnswerFactory,
    InvitationFactory,
    ResponseFactory,
    WorkshopSurveyFactory,
)
from tests.factories.workshops import (
    MemberStateFactory,
    StaffFactory,
    ThematicAreaFactory,
    TrainerAssignmentFactory,
    UserFactory,
    WorkshopFactory,
)
from tests.html import csp_violations
from tests.surveys.conftest import questions_by_key
from workshops.services import refresh_workshop_dates, set_workshop_days

pytestmark = pytest.mark.django_db


def respond(
    survey,
    template,
    *,
    overall=None,
    knowledge=None,
    useful=(),
    recommend=None,
    improve="",
    participant=None,
):
    """One response with the given answers, by choice label where there are choices."""
    q = questions_by_key(template)
    invitation = InvitationFactory(
        survey=survey,
        **({"registration__participant": participant} if participant else {}),
    )
    response = ResponseFactory(invitation=invitation, survey=survey)
    if overall is not None:
        AnswerFactory(response=response, question=q["overall"], number=overall)
    if knowledge is not None:
        choice = next(c for c in q["knowledge"].choices.all() if c.label == knowledge)
        AnswerFactory(response=response, question=q["knowledge"], choice=choice)
    for label in useful:
        choice = next(c for c in q["useful"].choices.all() if c.label == label)
        AnswerFactory(response=response, question=q["useful"], choice=choice)
    if recommend is not None:
        AnswerFactory(response=response, question=q["recommend"], number=int(recommend))
    if improve:
        AnswerFactory(response=response, question=q["improve"], text=improve)
    return response


@pytest.fixture
def answered(survey, template):
    """Four responses with known figures, and two invitations not answered."""
    respond(
        survey,
        template,
        overall=5,
        knowledge="A lot",
        useful=["Talks", "Exercises"],
        recommend=True,
        improve="zebra crossing of ideas",
        participant=ParticipantFactory(given_name="Siti", family_name="Rahmawati"),
    )
    respond(
        survey,
        template,
        overall=4,
        knowledge="A lot",
        useful=["Talks"],
        recommend=True,
        improve="Apples: more case studies",
    )
    respond(
        survey,
        template,
        overall=4,
        knowledge="A little",
        recommend=False,
        improve="more time for questions",
    )
    respond(survey, template, overall=2, knowledge="A little", useful=["Talks"], recommend=True)
    InvitationFactory.create_batch(2, survey=survey)
    return survey


def by_key(results):
    return {r.question.key: r for r in results.questions}


def test_aggregation_gives_known_rate_counts_means_and_distributions(answered):
    results = survey_results(workshop_survey(answered.workshop, SurveyKind.EVALUATION))
    q = by_key(results)

    assert (results.invited, results.responded) == (6, 4)
    assert round(results.response_rate, 4) == 0.6667
    assert (q["overall"].respondents, q["overall"].mean) == (4, 3.75)
    assert [(b.label, b.count) for b in q["overall"].bars] == [
        ("1", 0),
        ("2", 1),
        ("3", 0),
        ("4", 2),
        ("5", 1),
    ]
    assert [(b.label, b.count, b.share) for b in q["knowledge"].bars] == [
        ("A lot", 2, 0.5),
        ("A little", 2, 0.5),
    ]
    # Several choices: shares of the 3 who answered, summing past 100 %.
    assert q["useful"].respondents == 3
    assert [(b.label, b.count) for b in q["useful"].bars] == [
        ("Talks", 3),
        ("Exercises", 1),
        ("Materials", 0),
    ]
    assert (q["recommend"].mean, q["recommend"].mean_text) == (0.75, "75 %")
    assert [(b.label, b.count) for b in q["recommend"].bars] == [("Yes", 3), ("No", 1)]
    # By their text, case aside: not in the order they came.
    assert q["improve"].texts == [
        "Apples: more case studies",
        "more time for questions",
        "zebra crossing of ideas",
    ]


def test_a_survey_without_answers_has_no_mean_and_empty_bars(survey):
    results = survey_results(workshop_survey(survey.workshop, SurveyKind.EVALUATION))
    q = by_key(results)

    assert (results.invited, results.responded, results.response_rate) == (0, 0, 0.0)
    assert q["overall"].mean is None
    assert [b.count for b in q["overall"].bars] == [0, 0, 0, 0, 0]


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory(username="boss"))
    return client


def test_admin_results_page_shows_figures_chart_and_texts_without_names(staff_client, answered):
    response = staff_client.get(f"/admin/surveys/workshopsurvey/{answered.pk}/results/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "4 of 6 invited participants answered (67 %)." in html
    assert "mean 3.75 out of 5" in html
    assert '<svg class="survey-chart"' in html
    assert csp_violations(html) == []
    assert "Apples: more case studies" in html
    assert "Siti" not in html
    assert "Rahmawati" not in html


def test_results_csv_has_aggregates_and_texts_only(staff_client, answered):
    response = staff_client.get(f"/admin/surveys/workshopsurvey/{answered.pk}/results.csv")

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert response["Content-Disposition"] == (
        'attachment; filename="document-fraud_evaluation_results.csv"'
    )
    assert rows[:4] == [
        ["Regional Workshop on Document Fraud", "Evaluation"],
        ["invited", "6"],
        ["responded", "4"],
        ["response rate", "0.667"],
    ]
    assert ["Overall rating?", "rating", "(respondents)", "4", "", "3.750"] in rows
    assert ["Overall rating?", "rating", "4", "2", "0.500", ""] in rows
    assert ["What could we improve?", "text", "Apples: more case studies", "", "", ""] in rows
    assert "Rahmawati" not in response.content.decode()


def test_csv_neutralises_a_formula_typed_as_an_answer(staff_client, survey, template):
    respond(survey, template, overall=3, improve='=HYPERLINK("http://evil")')

    response = staff_client.get(f"/admin/surveys/workshopsurvey/{survey.pk}/results.csv")

    assert "'=HYPERLINK" in response.content.decode()


@pytest.mark.parametrize("size", [5, 500])
def test_results_page_takes_the_same_queries_at_5_and_500_responses(
    staff_client, survey, template, size, django_assert_num_queries
):
    q = questions_by_key(template)
    registrations = RegistrationFactory.create_batch(size, workshop=survey.workshop)
    from surveys.models import Answer, Invitation, Response

    invitations = Invitation.objects.bulk_create(
        Invitation(survey=survey, registration=r) for r in registrations
    )
    invitations = list(Invitation.objects.filter(survey=survey))
    responses = Response.objects.bulk_create(
        Response(invitation=i, survey=survey) for i in invitations
    )
    responses = list(Response.objects.filter(survey=survey))
    useful = list(q["useful"].choices.all())
    Answer.objects.bulk_create(
        answer
        for n, r in enumerate(responses)
        for answer in (
            Answer(response=r, question=q["overall"], number=n % 5 + 1),
            Answer(response=r, question=q["recommend"], number=n % 2),
            Answer(response=r, question=q["useful"], choice=useful[n % 3]),
            Answer(response=r, question=q["improve"], text=f"Idea {n}"),
        )
    )

    # Session and user; the survey; questions and their choices; totals; distribution;
    # respondents per question; free texts; the admin's app list (each_context).
    with django_assert_num_queries(9):
        response = staff_client.get(f"/admin/surveys/workshopsurvey/{survey.pk}/results/")

    assert response.context["results"].responded == size


def test_trainer_sees_their_workshop_results_without_names(client, answered):
    trainer = UserFactory(username="tutor")
    TrainerAssignmentFactory(workshop=answered.workshop, trainer=trainer)
    client.force_login(trainer)

    page = client.get(f"/trainer/workshops/{answered.workshop.slug}/")
    results = client.get(f"/trainer/workshops/{answered.workshop.slug}/surveys/evaluation/")
    download = client.get(
        f"/trainer/workshops/{answered.workshop.slug}/surveys/evaluation/results.csv"
    )

    html = results.content.decode()
    assert "Survey results: Evaluation (4 of 6 answered)" in page.content.decode()
    assert results.status_code == 200
    assert "zebra crossing of ideas" in html
    assert csp_violations(html) == []
    assert "Rahmawati" not in html
    assert "Siti" not in html
    assert download.status_code == 200
    assert download["Content-Type"] == "text/csv; charset=utf-8"


def test_trainer_of_another_workshop_gets_a_404(client, answered):
    stranger = UserFactory(username="stranger")
    TrainerAssignmentFactory(trainer=stranger)
    client.force_login(stranger)

    for suffix in ("", "results.csv"):
        response = client.get(
            f"/trainer/workshops/{answered.workshop.slug}/surveys/evaluation/{suffix}"
        )
        assert response.status_code == 404


def test_trainer_survey_page_is_a_404_for_an_unknown_kind_or_no_survey_yet(client, answered):
    trainer = UserFactory(username="tutor")
    TrainerAssignmentFactory(workshop=answered.workshop, trainer=trainer)
    client.force_login(trainer)
    base = f"/trainer/workshops/{answered.workshop.slug}/surveys"

    assert client.get(f"{base}/opinion/").status_code == 404
    assert client.get(f"{base}/impact/").status_code == 404


def test_staff_without_survey_rights_cannot_read_results(client, answered):
    comms = UserFactory(username="comms", is_staff=True)
    client.force_login(comms)

    response = client.get(f"/admin/surveys/workshopsurvey/{answered.pk}/results/")

    assert response.status_code == 403


# --- Across workshops ----------------------------------------------------------------------


def _workshop(title, day, *, areas=()):
    workshop = WorkshopFactory(title=title, timezone="Asia/Bangkok")
    set_workshop_days(workshop=workshop, dates=[day])
    workshop.thematic_areas.set(areas)
    return refresh_workshop_dates(workshop=workshop)


def test_results_across_workshops_by_thematic_area_and_member_state(template):
    import datetime as dt

    smuggling = ThematicAreaFactory(name="People smuggling")
    trafficking = ThematicAreaFactory(name="Trafficking in persons")
    thailand = MemberStateFactory(name="Thailand")
    viet_nam = MemberStateFactory(name="Viet Nam")
    first = WorkshopSurveyFactory(
        workshop=_workshop("First", dt.date(2030, 2, 1), areas=[smuggling]), template=template
    )
    second = WorkshopSurveyFactory(
        workshop=_workshop("Second", dt.date(2030, 5, 1), areas=[smuggling, trafficking]),
        template=template,
    )
    outside = WorkshopSurveyFactory(
        workshop=_workshop("Next year", dt.date(2031, 1, 1)), template=template
    )
    respond(
        first,
        template,
        overall=5,
        recommend=True,
        participant=ParticipantFactory(member_state=thailand),
    )
    respond(
        first,
        template,
        overall=3,
        recommend=False,
        participant=ParticipantFactory(member_state=viet_nam),
    )
    respond(
        second,
        template,
        overall=4,
        recommend=True,
        participant=ParticipantFactory(member_state=thailand),
    )
    InvitationFactory(survey=second, registration__participant__member_state=viet_nam)
    respond(outside, template, overall=1, recommend=False)
    period = {"start": dt.date(2030, 1, 1), "end": dt.date(2030, 12, 31)}

    overall = evaluation_results_across(**period)
    areas = evaluation_results_across(**period, breakdown="thematic_area")
    states = evaluation_results_across(**period, breakdown="member_state")

    def table(results):
        return [
            (
                g.label,
                g.responded,
                g.invited,
                g.questions["overall"].mean,
                g.questions["recommend"].mean,
            )
            for g in results.groups
        ]

    assert [q.key for q in overall.questions] == ["overall", "recommend"]
    assert table(overall) == [("All workshops", 3, 4, 4.0, 2 / 3)]
    # Groups of fewer than 3 respondents are read together (SMALL_GROUPS_LABEL), and
    # their ratings are hidden while even together they are fewer than 3.
    assert table(areas) == [
        ("People smuggling", 3, 4, 4.0, 2 / 3),
        (SMALL_GROUPS_LABEL, 1, 2, None, None),
    ]
    assert table(states) == [(SMALL_GROUPS_LABEL, 3, 4, 4.0, 2 / 3)]


def test_results_across_keep_a_group_of_three_apart_and_fold_the_smaller_ones(template):
    import datetime as dt

    thailand, malaysia = MemberStateFactory(name="Thailand"), MemberStateFactory(name="Malaysia")
    survey = WorkshopSurveyFactory(
        workshop=_workshop("Workshop", dt.date(2030, 3, 1)), template=template
    )
    for overall in (5, 4, 3):
        respond(
            survey,
            template,
            overall=overall,
            recommend=True,
            participant=ParticipantFactory(member_state=thailand),
        )
    respond(
        survey,
        template,
        overall=1,
        recommend=False,
        participant=ParticipantFactory(member_state=malaysia),
    )

    states = evaluation_results_across(
        start=dt.date(2030, 1, 1), end=dt.date(2030, 12, 31), breakdown="member_state"
    )

    assert [(g.label, g.responded, g.questions["overall"].mean) for g in states.groups] == [
        ("Thailand", 3, 4.0),
        # Malaysia's one respondent: counted, never shown apart.
        (SMALL_GROUPS_LABEL, 1, None),
    ]
    assert "Malaysia" not in [g.label for g in states.groups]


def test_across_page_and_csv_for_staff(staff_client, answered):
    page = staff_client.get(
        "/admin/surveys/workshopsurvey/across/?start=2030-01-01&end=2030-12-31&by=member_state"
    )
    overall = staff_client.get(
        "/admin/surveys/workshopsurvey/across/?start=2030-01-01&end=2030-12-31"
    )
    download = staff_client.get(
        "/admin/surveys/workshopsurvey/across.csv?start=2030-01-01&end=2030-12-31"
    )

    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert page.status_code == 200
    assert overall.status_code == 200
    assert '<svg class="survey-chart"' in overall.content.decode()
    assert rows[0] == [
        "group",
        "invited",
        "responded",
        "question key",
        "question",
        "respondents",
        "mean",
    ]
    # The default template's wording names a key it shares.
    assert rows[1] == [
        "All workshops",
        "6",
        "4",
        "overall",
        "Overall, how would you rate this workshop?",
        "4",
        "3.750",
    ]
    assert "Rahmawati" not in page.content.decode()


@pytest.mark.parametrize("size", [5, 500])
def test_across_page_takes_the_same_queries_at_5_and_500_responses(
    staff_client, survey, template, size, django_assert_num_queries
):
    for n in range(size if size == 5 else 0):
        respond(survey, template, overall=n % 5 + 1, recommend=True)
    if size == 500:
        from surveys.models import Answer, Invitation, Response

        q = questions_by_key(template)
        Invitation.objects.bulk_create(
            Invitation(survey=survey, registration=r)
            for r in RegistrationFactory.create_batch(size, workshop=survey.workshop)
        )
        Response.objects.bulk_create(
            Response(invitation=i, survey=survey) for i in Invitation.objects.filter(survey=survey)
        )
        Answer.objects.bulk_create(
            Answer(response=r, question=q["overall"], number=n % 5 + 1)
            for n, r in enumerate(Response.objects.filter(survey=survey))
        )

    # Session and user; shared questions; invitations by group; answers by group.
    with django_assert_num_queries(5):
        response = staff_client.get(
            "/admin/surveys/workshopsurvey/across/?start=2030-01-01&end=2030-12-31&by=thematic_area"
        )

    assert response.context["results"].groups[0].responded == size


def test_withdrawn_registration_keeps_its_answers_in_results(answered):
    from surveys.models import Invitation

    invitation = Invitation.objects.filter(responses__isnull=False).first()
    registration = invitation.registration
    registration.status = RegistrationStatus.WITHDRAWN
    registration.save()

    results = survey_results(workshop_survey(answered.workshop, SurveyKind.EVALUATION))

    assert results.responded == 4

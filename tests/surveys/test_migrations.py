"""The surveys' data migrations: the two default templates in five languages, and the
Programme staff's rights; both go back and forward again."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from surveys.choices import QuestionKind, SurveyKind
from surveys.models import Question, SurveyTemplate

LANGUAGES = ("id", "ms", "vi", "th")


@pytest.mark.django_db
def test_two_default_templates_ship_with_every_text_in_five_languages():
    templates = {t.kind: t for t in SurveyTemplate.objects.filter(is_default=True)}
    questions = Question.objects.filter(template__in=templates.values()).prefetch_related("choices")

    assert sorted(templates) == [SurveyKind.EVALUATION, SurveyKind.IMPACT]
    assert templates[SurveyKind.EVALUATION].title == "Workshop evaluation"
    missing = [
        (question.key, code)
        for question in questions
        for code in LANGUAGES
        if not getattr(question, f"text_{code}")
        or any(not getattr(choice, f"label_{code}") for choice in question.choices.all())
    ]
    assert missing == []
    assert {q.kind for q in questions} == set(QuestionKind.values)
    assert all(q.choices.exists() == q.has_choices for q in questions)


@pytest.mark.django_db
def test_programme_staff_manage_surveys_and_communications_do_not():
    programme = Group.objects.get(name="Programme staff")
    communications = Group.objects.get(name="Communications")

    assert set(
        programme.permissions.filter(content_type__app_label="surveys").values_list(
            "codename", flat=True
        )
    ) >= {"view_workshopsurvey", "change_surveytemplate", "add_question"}
    assert not communications.permissions.filter(content_type__app_label="surveys").exists()


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_data_migrations_go_back_and_forward_again():
    # An earlier transactional test may have flushed the rows of reports' migrations.
    Group.objects.get_or_create(name="Programme staff")
    migrate([("surveys", "0001_initial")])
    assert SurveyTemplate.objects.count() == 0

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert SurveyTemplate.objects.filter(is_default=True).count() == 2
    assert (
        Group.objects.get(name="Programme staff")
        .permissions.filter(content_type__app_label="surveys")
        .exists()
    )

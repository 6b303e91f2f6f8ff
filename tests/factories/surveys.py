import factory

from surveys.choices import QuestionKind, SurveyKind
from surveys.models import (
    Answer,
    Choice,
    Invitation,
    Question,
    Response,
    SurveyTemplate,
    WorkshopSurvey,
)
from tests.factories.participants import RegistrationFactory
from tests.factories.workshops import WorkshopFactory


class SurveyTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SurveyTemplate

    title = factory.Sequence(lambda n: f"Evaluation template {n}")
    kind = SurveyKind.EVALUATION


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    template = factory.SubFactory(SurveyTemplateFactory)
    key = factory.Sequence(lambda n: f"question-{n}")
    order = factory.Sequence(lambda n: n)
    kind = QuestionKind.RATING
    text = factory.Sequence(lambda n: f"Question {n}?")
    is_required = True


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=QuestionKind.SINGLE)
    order = factory.Sequence(lambda n: n)
    label = factory.Sequence(lambda n: f"Choice {n}")


class WorkshopSurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkshopSurvey

    workshop = factory.SubFactory(WorkshopFactory)
    kind = SurveyKind.EVALUATION
    template = factory.SubFactory(SurveyTemplateFactory, kind=factory.SelfAttribute("..kind"))


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    survey = factory.SubFactory(WorkshopSurveyFactory)
    registration = factory.SubFactory(
        RegistrationFactory, workshop=factory.SelfAttribute("..survey.workshop")
    )


class ResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Response

    invitation = factory.SubFactory(InvitationFactory)
    survey = factory.SelfAttribute("invitation.survey")


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    response = factory.SubFactory(ResponseFactory)
    question = factory.SubFactory(QuestionFactory)

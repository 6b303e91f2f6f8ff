import datetime as dt

import pytest

from participants.choices import AttendanceMark, RegistrationStatus
from surveys.choices import QuestionKind, SurveyKind
from surveys.models import SurveyTemplate
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.surveys import (
    ChoiceFactory,
    InvitationFactory,
    QuestionFactory,
    SurveyTemplateFactory,
    WorkshopSurveyFactory,
)
from tests.factories.workshops import WorkshopFactory
from workshops.services import refresh_workshop_dates, set_workshop_days

# A two-day workshop in Jakarta (UTC+7): the evaluation is due at 18:00 there on the
# Wednesday, 11:00 UTC.
MONDAY = dt.date(2030, 3, 18)
WEDNESDAY = dt.date(2030, 3, 20)
EVALUATION_DUE = dt.datetime(2030, 3, 20, 11, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fast_password_hashes(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_delivered():
    """A workshop on two days in Jakarta's time, with its two days."""
    workshop = WorkshopFactory(
        title="Regional Workshop on Document Fraud", slug="document-fraud", timezone="Asia/Jakarta"
    )
    set_workshop_days(workshop=workshop, dates=[MONDAY, WEDNESDAY])
    return refresh_workshop_dates(workshop=workshop)


@pytest.fixture
def delivered(db):
    return make_delivered()


@pytest.fixture
def attend(delivered):
    """A registration of `delivered` with the given marks on its two days."""

    def make(*marks, status=RegistrationStatus.CONFIRMED, **participant):
        registration = RegistrationFactory(
            workshop=delivered,
            status=status,
            **{f"participant__{name}": value for name, value in participant.items()},
        )
        for day, mark in zip(delivered.days.order_by("held_on"), marks, strict=False):
            if mark is not None:
                AttendanceFactory(registration=registration, day=day, mark=mark)
        return registration

    return make


PRESENT, LATE, ABSENT = AttendanceMark.PRESENT, AttendanceMark.LATE, AttendanceMark.ABSENT


def make_template():
    """A template with one question of each kind, in this order: rating, single,
    multiple, yes/no, free text (the last optional)."""
    template = SurveyTemplateFactory(title="Evaluation", kind=SurveyKind.EVALUATION)
    QuestionFactory(
        template=template,
        key="overall",
        kind=QuestionKind.RATING,
        order=1,
        text="Overall rating?",
        text_id="Penilaian keseluruhan?",
    )
    single = QuestionFactory(
        template=template,
        key="knowledge",
        kind=QuestionKind.SINGLE,
        order=2,
        text="How much did you learn?",
    )
    for order, label in enumerate(["A lot", "A little"]):
        ChoiceFactory(question=single, order=order, label=label)
    multiple = QuestionFactory(
        template=template,
        key="useful",
        kind=QuestionKind.MULTIPLE,
        order=3,
        text="Which parts were useful?",
        is_required=False,
    )
    for order, label in enumerate(["Talks", "Exercises", "Materials"]):
        ChoiceFactory(question=multiple, order=order, label=label)
    QuestionFactory(
        template=template,
        key="recommend",
        kind=QuestionKind.YES_NO,
        order=4,
        text="Would you recommend it?",
    )
    QuestionFactory(
        template=template,
        key="improve",
        kind=QuestionKind.TEXT,
        order=5,
        text="What could we improve?",
        is_required=False,
    )
    return template


def make_invitation(survey):
    return InvitationFactory(
        survey=survey,
        registration__participant__given_name="Siti",
        registration__participant__family_name="Rahmawati",
    )


@pytest.fixture
def template(db):
    return make_template()


@pytest.fixture
def survey(delivered, template):
    return WorkshopSurveyFactory(workshop=delivered, kind=SurveyKind.EVALUATION, template=template)


@pytest.fixture
def invitation(survey):
    return make_invitation(survey)


def questions_by_key(template):
    return {q.key: q for q in template.questions.prefetch_related("choices")}


@pytest.fixture
def default_templates(db):
    """The two templates of the data migration."""
    return {t.kind: t for t in SurveyTemplate.objects.filter(is_default=True)}


@pytest.fixture
def time_machine_now(delivered):
    """Moves `delivered` to the last few days, so that its evaluation is due now by the
    real clock (the outbox sends what is due by it); returns now."""
    from django.utils import timezone

    today = timezone.localdate()
    set_workshop_days(
        workshop=delivered, dates=[today - dt.timedelta(days=3), today - dt.timedelta(days=2)]
    )
    refresh_workshop_dates(workshop=delivered)
    return timezone.now()

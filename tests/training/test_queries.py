"""The reads of the trainers' pages: only the trainer's own workshops, in fixed statements."""

import pytest

from participants.choices import AttendanceMark, RegistrationStatus
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.training import SessionLogFactory
from tests.factories.workshops import (
    SessionFactory,
    SpeakerFactory,
    TrainerAssignmentFactory,
    UserFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)
from training.queries import (
    speakers_of_workshop,
    trainer_workshop,
    trainer_workshop_list,
    workshop_days_with_records,
    workshops_for_trainer,
)
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def test_workshops_for_trainer_are_their_assignments_only(workshop, trainer):
    colleague = UserFactory()
    shared = WorkshopFactory(slug="shared")
    TrainerAssignmentFactory(workshop=shared, trainer=trainer)
    TrainerAssignmentFactory(workshop=shared, trainer=colleague)
    TrainerAssignmentFactory(workshop=WorkshopFactory(slug="colleagues"), trainer=colleague)
    WorkshopFactory(slug="nobodys")

    assert sorted(workshops_for_trainer(trainer).values_list("slug", flat=True)) == [
        "shared",
        "virtual-workshop",
    ]


def test_trainer_workshop_of_someone_else_does_not_exist(trainer):
    TrainerAssignmentFactory(workshop=WorkshopFactory(slug="colleagues"))

    with pytest.raises(Workshop.DoesNotExist):
        trainer_workshop(trainer, slug="colleagues")


@pytest.mark.parametrize("size", [1, 3])
def test_trainer_workshop_list_takes_one_query_at_1_and_3(trainer, size, django_assert_num_queries):
    for _ in range(size):
        assignment = TrainerAssignmentFactory(trainer=trainer)
        WorkshopDayFactory.create_batch(2, workshop=assignment.workshop)
        RegistrationFactory.create_batch(3, workshop=assignment.workshop)
        RegistrationFactory(workshop=assignment.workshop, status=RegistrationStatus.WITHDRAWN)

    with django_assert_num_queries(1):
        workshops = trainer_workshop_list(trainer)

    assert [(w.day_count, w.roll_size) for w in workshops] == [(2, 3)] * size


@pytest.mark.parametrize("size", [1, 3])
def test_workshop_days_with_records_take_two_queries_at_1_and_3(
    workshop, size, django_assert_num_queries
):
    roll = RegistrationFactory.create_batch(2, workshop=workshop)
    withdrawn = RegistrationFactory(workshop=workshop, status=RegistrationStatus.WITHDRAWN)
    for _ in range(size):
        day = WorkshopDayFactory(workshop=workshop)
        logged, _unlogged = SessionFactory.create_batch(2, day=day)
        SessionLogFactory(session=logged)
        for registration in [*roll, withdrawn]:
            AttendanceFactory(registration=registration, day=day, mark=AttendanceMark.LATE)

    with django_assert_num_queries(2):
        days = workshop_days_with_records(workshop)
        shown = [(d.marked_count, [hasattr(s, "log") for s in d.sessions.all()]) for d in days]

    assert shown == [(2, [True, False])] * size


def test_speakers_of_workshop_are_its_programmes_and_its_logs(monday):
    planned, substitute = SpeakerFactory(name="Planned"), SpeakerFactory(name="Substitute")
    SpeakerFactory(name="Elsewhere").sessions.add(SessionFactory())
    session = SessionFactory(day=monday)
    session.speakers.add(planned)
    SessionFactory(day=monday).speakers.add(planned)
    SessionLogFactory(session=session).speakers.add(substitute)

    assert list(speakers_of_workshop(monday.workshop).values_list("name", flat=True)) == [
        "Planned",
        "Substitute",
    ]

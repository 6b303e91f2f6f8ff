import datetime as dt

import pytest

from tests.factories.participants import RegistrationFactory
from tests.factories.workshops import (
    TrainerAssignmentFactory,
    UserFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)

# The days of the two-day virtual workshop of the seeds: long past whenever tests run.
MONDAY = dt.date(2022, 7, 18)
WEDNESDAY = dt.date(2022, 7, 20)


@pytest.fixture
def trainer(db):
    return UserFactory(username="trainer", first_name="Tran", last_name="Ner")


@pytest.fixture
def workshop(trainer):
    workshop = WorkshopFactory(title="Virtual Training Workshop", slug="virtual-workshop")
    TrainerAssignmentFactory(workshop=workshop, trainer=trainer)
    return workshop


@pytest.fixture
def monday(workshop):
    return WorkshopDayFactory(workshop=workshop, held_on=MONDAY)


@pytest.fixture
def wednesday(workshop):
    return WorkshopDayFactory(workshop=workshop, held_on=WEDNESDAY)


@pytest.fixture
def make_roll(workshop):
    """n confirmed registrations of the workshop, by family name."""

    def make(n, **kwargs):
        return [
            RegistrationFactory(workshop=workshop, participant__family_name=f"P{i:03d}", **kwargs)
            for i in range(n)
        ]

    return make

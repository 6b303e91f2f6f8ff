"""The database itself refuses rows that break the workshop rules."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from tests.factories.workshops import (
    SessionFactory,
    TrainerAssignmentFactory,
    WorkshopDayFactory,
    WorkshopFactory,
    WorkshopPartnerFactory,
)
from workshops.models import Session, Workshop

pytestmark = pytest.mark.django_db


def assert_refused(write):
    """The write fails in the database (deferred constraints checked at once)."""

    def write_and_check():
        with transaction.atomic():
            write()
            # PostgreSQL checks deferrable foreign keys at commit; force it now.
            connection.check_constraints()

    with pytest.raises(IntegrityError):
        write_and_check()


def test_session_ending_before_it_starts_is_refused():
    day = WorkshopDayFactory()

    assert_refused(
        lambda: Session.objects.create(
            workshop=day.workshop,
            day=day,
            title="Backwards",
            start_time=dt.time(10, 0),
            end_time=dt.time(9, 0),
        )
    )


def test_session_without_times_is_accepted():
    session = SessionFactory(start_time=None, end_time=None)

    assert Session.objects.get(pk=session.pk).start_time is None


def test_session_on_another_workshops_day_is_refused():
    other_day = WorkshopDayFactory()
    workshop = WorkshopFactory()

    assert_refused(
        lambda: Session.objects.create(workshop=workshop, day=other_day, title="Misplaced")
    )


def test_moving_a_session_to_another_workshops_day_is_refused():
    session = SessionFactory()
    other_day = WorkshopDayFactory()

    assert_refused(lambda: Session.objects.filter(pk=session.pk).update(day=other_day))


def test_two_days_on_the_same_date_are_refused():
    day = WorkshopDayFactory()

    assert_refused(lambda: WorkshopDayFactory(workshop=day.workshop, held_on=day.held_on))


def test_duplicate_workshop_slug_is_refused():
    WorkshopFactory(slug="border-forum")

    assert_refused(lambda: WorkshopFactory(slug="border-forum"))


def test_zero_capacity_is_refused():
    assert_refused(lambda: WorkshopFactory(capacity=0))


def test_unknown_status_is_refused():
    workshop = WorkshopFactory()

    assert_refused(lambda: Workshop.objects.filter(pk=workshop.pk).update(status="postponed"))


def test_unknown_delivery_mode_is_refused():
    assert_refused(lambda: WorkshopFactory(delivery_mode="carrier-pigeon"))


def test_end_date_before_start_date_is_refused():
    workshop = WorkshopFactory()

    assert_refused(
        lambda: Workshop.objects.filter(pk=workshop.pk).update(
            starts_on=dt.date(2022, 7, 20), ends_on=dt.date(2022, 7, 18)
        )
    )


def test_same_partner_in_the_same_role_twice_is_refused():
    partner = WorkshopPartnerFactory()

    assert_refused(
        lambda: WorkshopPartnerFactory(
            workshop=partner.workshop, organisation=partner.organisation, role=partner.role
        )
    )


def test_same_trainer_assigned_twice_is_refused():
    assignment = TrainerAssignmentFactory()

    assert_refused(
        lambda: TrainerAssignmentFactory(workshop=assignment.workshop, trainer=assignment.trainer)
    )

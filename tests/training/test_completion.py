"""Completion: the rule's proposal (training.queries.completion_proposal), its
confirmation for all and one participant's override (training.services)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Registration
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.training import CertificateFactory, CompletionOverrideFactory
from tests.factories.workshops import WorkshopDayFactory
from training.models import Certificate, CompletionOverride
from training.queries import completion_proposal, meets_completion_rule
from training.services import CompletionResult, confirm_completion, override_completion

pytestmark = pytest.mark.django_db

CONFIRMED, ATTENDED, COMPLETED, WITHDRAWN, NOMINATED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.ATTENDED,
    RegistrationStatus.COMPLETED,
    RegistrationStatus.WITHDRAWN,
    RegistrationStatus.NOMINATED,
)
FIRST_DAY = dt.date(2022, 7, 18)


@pytest.fixture
def five_days(workshop):
    """Five past days: with the default rule (80 %), four of them complete."""
    return [
        WorkshopDayFactory(workshop=workshop, held_on=FIRST_DAY + dt.timedelta(days=n))
        for n in range(5)
    ]


def attend(registration, days, mark=AttendanceMark.PRESENT):
    for day in days:
        AttendanceFactory(registration=registration, day=day, mark=mark)


def statuses(workshop):
    return dict(
        Registration.objects.filter(workshop=workshop).values_list(
            "participant__family_name", "status"
        )
    )


@pytest.mark.parametrize(
    ("attended", "days", "percent", "expected"),
    [
        (4, 5, 80, True),  # exactly 80 %
        (3, 5, 80, False),  # one day short
        (5, 5, 80, True),
        (8, 10, 80, True),
        (7, 10, 80, False),
        (2, 2, 100, True),
        (1, 2, 100, False),
        (1, 2, 50, True),
        (0, 0, 80, False),  # no days: no one completes
    ],
)
def test_meets_completion_rule_at_its_edges(attended, days, percent, expected):
    assert (
        meets_completion_rule(days_attended=attended, day_count=days, percent=percent) is expected
    )


def test_completion_proposal_counts_present_and_late_days_and_leaves_out_withdrawn(
    workshop, five_days, make_roll
):
    exactly, short, _absent, withdrawn = make_roll(4)
    attend(exactly, five_days[:3])
    attend(exactly, five_days[3:4], AttendanceMark.LATE)  # late counts: 4 of 5
    attend(exactly, five_days[4:], AttendanceMark.ABSENT)
    attend(short, five_days[:3])
    attend(short, five_days[3:], AttendanceMark.ABSENT)
    withdrawn.status = WITHDRAWN
    withdrawn.save()
    attend(withdrawn, five_days)

    proposal = completion_proposal(workshop)

    assert [
        (row.registration.participant.family_name, row.days_attended, row.meets_rule, row.status)
        for row in proposal.rows
    ] == [
        ("P000", 4, True, COMPLETED),
        ("P001", 3, False, ATTENDED),
        ("P002", 0, False, CONFIRMED),
    ]
    assert (proposal.day_count, proposal.last_day, proposal.is_confirmable) == (
        5,
        FIRST_DAY + dt.timedelta(days=4),
        True,
    )


def test_completion_proposal_counts_only_days_already_held(workshop, make_roll):
    (registration,) = make_roll(1)
    today = timezone.localdate()
    held = WorkshopDayFactory(workshop=workshop, held_on=today - dt.timedelta(days=1))
    ahead = WorkshopDayFactory(workshop=workshop, held_on=today + dt.timedelta(days=2))
    attend(registration, [held, ahead])  # a mark on a day ahead, loaded by hand

    proposal = completion_proposal(workshop)

    assert [row.days_attended for row in proposal.rows] == [1]
    assert proposal.is_confirmable is False


@pytest.mark.parametrize("size", [2, 7])
def test_completion_proposal_reads_in_two_statements_whatever_the_class_size(
    workshop, five_days, make_roll, django_assert_num_queries, size
):
    for registration in make_roll(size):
        attend(registration, five_days[:4])
        CertificateFactory(registration=registration)
    CompletionOverrideFactory(registration=registration)

    with django_assert_num_queries(2):
        proposal = completion_proposal(workshop)
        rendered = [
            (row.override and row.override.decided_by, row.registration.certificate.code)
            for row in proposal.rows
        ]

    assert len(rendered) == size


def test_confirm_completion_sets_statuses_in_bulk_and_issues_certificates(
    workshop, five_days, make_roll, trainer
):
    completes, attends, _never_came, was_completed = make_roll(4)
    attend(completes, five_days[:4])
    attend(attends, five_days[:1])
    was_completed.status = COMPLETED  # set by staff, but the roll says no day
    was_completed.save()
    nominated = RegistrationFactory(
        workshop=workshop, status=NOMINATED, participant__family_name="P100"
    )

    result = confirm_completion(workshop=workshop, by=trainer)

    assert result == CompletionResult(
        completed=1, attended=1, changed=3, issued=1, certificates_to_revoke=0
    )
    assert statuses(workshop) == {
        "P000": COMPLETED,
        "P001": ATTENDED,
        "P002": CONFIRMED,
        "P003": CONFIRMED,
        "P100": NOMINATED,
    }
    certificate = Certificate.objects.get()
    assert (certificate.registration, certificate.issued_by, certificate.revoked_at) == (
        completes,
        trainer,
        None,
    )
    assert nominated.pk not in {certificate.registration_id}


def test_confirm_completion_twice_issues_no_second_certificate(
    workshop, five_days, make_roll, trainer
):
    (registration,) = make_roll(1)
    attend(registration, five_days)
    confirm_completion(workshop=workshop, by=trainer)
    code = Certificate.objects.get().code

    again = confirm_completion(workshop=workshop, by=trainer)

    assert (again.changed, again.issued) == (0, 0)
    assert list(Certificate.objects.values_list("code", flat=True)) == [code]


def test_confirm_completion_counts_valid_certificates_of_those_who_no_longer_complete(
    workshop, five_days, make_roll, trainer
):
    (registration,) = make_roll(1)
    attend(registration, five_days[:2])
    registration.status = COMPLETED
    registration.save()
    CertificateFactory(registration=registration)

    result = confirm_completion(workshop=workshop, by=trainer)

    assert (result.attended, result.certificates_to_revoke) == (1, 1)
    # Only staff revoke: the certificate stays valid until they do.
    assert Certificate.objects.get().revoked_at is None


def test_confirm_completion_refuses_a_workshop_not_over(workshop, make_roll, trainer):
    (registration,) = make_roll(1)
    today = timezone.localdate()
    held = WorkshopDayFactory(workshop=workshop, held_on=today - dt.timedelta(days=3))
    WorkshopDayFactory(workshop=workshop, held_on=today + dt.timedelta(days=3))
    attend(registration, [held])

    with pytest.raises(ValidationError) as error:
        confirm_completion(workshop=workshop, by=trainer)

    assert error.value.code == "not_over"
    assert statuses(workshop) == {"P000": CONFIRMED}
    assert Certificate.objects.count() == 0


def test_confirm_completion_refuses_a_workshop_without_days(workshop, make_roll, trainer):
    make_roll(1)

    with pytest.raises(ValidationError) as error:
        confirm_completion(workshop=workshop, by=trainer)

    assert error.value.code == "no_days"
    assert statuses(workshop) == {"P000": CONFIRMED}


@pytest.mark.parametrize("size", [2, 8])
def test_confirm_completion_writes_in_a_constant_number_of_statements(
    workshop, five_days, make_roll, trainer, django_assert_num_queries, size
):
    registrations = make_roll(size)
    for registration in registrations[: size // 2]:
        attend(registration, five_days)
    for registration in registrations[size // 2 :]:
        attend(registration, five_days[:1])

    # The savepoint pair of the atomic block around: the lock, the proposal's two
    # reads, an UPDATE per new status (completed, attended), and the certificates'
    # three (who needs one, the INSERT, who still does).
    with django_assert_num_queries(10):
        confirm_completion(workshop=workshop, by=trainer)

    assert Certificate.objects.count() == size // 2


def test_override_completion_completes_someone_under_the_rule_with_a_reason(
    workshop, five_days, make_roll, trainer
):
    (registration,) = make_roll(1)
    attend(registration, five_days[:3])

    override_completion(
        registration=registration,
        is_completed=True,
        reason="  Followed day four by phone.  ",
        by=trainer,
    )

    override = CompletionOverride.objects.get()
    assert (override.registration, override.is_completed, override.reason, override.decided_by) == (
        registration,
        True,
        "Followed day four by phone.",
        trainer,
    )
    assert statuses(workshop) == {"P000": COMPLETED}
    assert Certificate.objects.get().registration == registration


def test_override_completion_is_kept_by_a_later_confirmation(
    workshop, five_days, make_roll, trainer
):
    (registration,) = make_roll(1)
    attend(registration, five_days)
    override_completion(
        registration=registration, is_completed=False, reason="Left every day at noon.", by=trainer
    )

    confirm_completion(workshop=workshop, by=trainer)

    assert statuses(workshop) == {"P000": ATTENDED}
    assert Certificate.objects.count() == 0


def test_override_completion_replaces_an_earlier_decision(workshop, five_days, make_roll, trainer):
    (registration,) = make_roll(1)
    override_completion(registration=registration, is_completed=True, reason="First.", by=trainer)

    override_completion(
        registration=registration, is_completed=False, reason="Second thoughts.", by=trainer
    )

    assert list(CompletionOverride.objects.values_list("is_completed", "reason")) == [
        (False, "Second thoughts.")
    ]


@pytest.mark.parametrize("reason", ["", "   "])
def test_override_completion_without_a_reason_saves_nothing(
    workshop, five_days, make_roll, trainer, reason
):
    (registration,) = make_roll(1)

    with pytest.raises(ValidationError) as error:
        override_completion(registration=registration, is_completed=True, reason=reason, by=trainer)

    assert error.value.code == "reason"
    assert CompletionOverride.objects.count() == 0
    assert statuses(workshop) == {"P000": CONFIRMED}


def test_override_completion_refuses_a_withdrawn_registration(
    workshop, five_days, make_roll, trainer
):
    (registration,) = make_roll(1, status=WITHDRAWN)

    with pytest.raises(ValidationError) as error:
        override_completion(
            registration=registration, is_completed=True, reason="Why not.", by=trainer
        )

    assert error.value.code == "withdrawn"
    assert CompletionOverride.objects.count() == 0

"""The completion page: the rule's proposal, confirmed at once or overridden for one
participant with a reason; the certificates' downloads."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Registration
from tests.factories.participants import AttendanceFactory
from tests.factories.training import CertificateFactory
from tests.factories.workshops import WorkshopDayFactory
from training.models import Certificate, CompletionOverride

pytestmark = pytest.mark.django_db

FIRST_DAY = dt.date(2022, 7, 18)


@pytest.fixture
def days(workshop):
    return [
        WorkshopDayFactory(workshop=workshop, held_on=FIRST_DAY + dt.timedelta(days=n))
        for n in range(5)
    ]


@pytest.fixture
def url(workshop):
    return reverse("trainer:completion", kwargs={"slug": workshop.slug})


def attend(registration, days):
    for day in days:
        AttendanceFactory(registration=registration, day=day, mark=AttendanceMark.PRESENT)


def messages_of(response) -> list[str]:
    return [m.message for m in response.context["messages"]]


def statuses(workshop):
    return dict(
        Registration.objects.filter(workshop=workshop).values_list(
            "participant__family_name", "status"
        )
    )


def test_completion_page_shows_the_proposal_per_participant(trainer_client, url, days, make_roll):
    completes, short = make_roll(2, participant__given_name="Siti")
    attend(completes, days[:4])
    attend(short, days[:3])

    response = trainer_client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert [
        (str(row.registration.participant), row.is_completed)
        for row in response.context["proposal"].rows
    ] == [("Siti P000", True), ("Siti P001", False)]
    assert "4 of 5 days attended" in html
    assert "3 of 5 days attended" in html
    assert "Confirm completion for all" in html


@pytest.mark.parametrize("size", [1, 4])
def test_completion_page_takes_the_same_queries_whatever_the_class_size(
    trainer_client, url, days, make_roll, size, django_assert_num_queries
):
    for registration in make_roll(size, status=RegistrationStatus.COMPLETED):
        attend(registration, days)
        CertificateFactory(registration=registration)

    # Session, user, the workshop, the proposal's two reads.
    with django_assert_num_queries(5):
        response = trainer_client.get(url)

    assert len(response.context["proposal"].rows) == size


def test_completion_post_confirms_for_all_and_issues_certificates(
    trainer_client, url, workshop, days, make_roll
):
    completes, attends = make_roll(2)
    attend(completes, days)
    attend(attends, days[:1])

    response = trainer_client.post(url, follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert statuses(workshop) == {
        "P000": RegistrationStatus.COMPLETED,
        "P001": RegistrationStatus.ATTENDED,
    }
    assert Certificate.objects.get().registration == completes
    assert messages_of(response) == [
        "Completion confirmed: 1 completed, 1 attended without completing, 1 new certificate."
    ]


def test_completion_post_before_the_last_day_changes_nothing_and_says_why(
    trainer_client, url, workshop, make_roll
):
    (registration,) = make_roll(1)
    today = timezone.localdate()
    held = WorkshopDayFactory(workshop=workshop, held_on=today - dt.timedelta(days=1))
    ahead = WorkshopDayFactory(workshop=workshop, held_on=today + dt.timedelta(days=5))
    attend(registration, [held])

    page = trainer_client.get(url).content.decode()
    response = trainer_client.post(url, follow=True)

    assert "Confirm completion for all" not in page
    assert "Completion can be confirmed once the workshop is over" in page
    assert messages_of(response) == [
        "Completion can be confirmed once the workshop is over: its last day is "
        f"{date_format(ahead.held_on, 'DATE_FORMAT')}."
    ]
    assert statuses(workshop) == {"P000": RegistrationStatus.CONFIRMED}


def override_url(registration):
    return reverse(
        "trainer:completion-override",
        kwargs={"slug": registration.workshop.slug, "pk": registration.pk},
    )


def test_override_post_stores_the_decision_with_who_and_why(
    trainer_client, trainer, url, workshop, days, make_roll
):
    (registration,) = make_roll(1)
    attend(registration, days[:3])

    response = trainer_client.post(
        override_url(registration),
        {"outcome": "completed", "reason": "Followed day four by phone."},
    )

    assert (response.status_code, response.url) == (302, url)
    override = CompletionOverride.objects.get()
    assert (override.is_completed, override.reason, override.decided_by) == (
        True,
        "Followed day four by phone.",
        trainer,
    )
    assert statuses(workshop) == {"P000": RegistrationStatus.COMPLETED}
    assert "Overridden: completed." in trainer_client.get(url).content.decode()


def test_override_post_without_a_reason_says_so_and_saves_nothing(
    trainer_client, workshop, days, make_roll
):
    (registration,) = make_roll(1)

    response = trainer_client.post(override_url(registration), {"outcome": "completed"})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "reason": ["Say why this participant’s completion differs from the rule."]
    }
    assert CompletionOverride.objects.count() == 0
    assert statuses(workshop) == {"P000": RegistrationStatus.CONFIRMED}


def test_override_of_a_withdrawn_registration_is_a_404(trainer_client, days, make_roll):
    (registration,) = make_roll(1, status=RegistrationStatus.WITHDRAWN)

    response = trainer_client.post(
        override_url(registration), {"outcome": "completed", "reason": "Why not."}
    )

    assert response.status_code == 404
    assert CompletionOverride.objects.count() == 0

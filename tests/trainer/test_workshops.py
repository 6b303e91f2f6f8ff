"""My workshops and one workshop: the trainer's own only, in fixed queries."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from participants.choices import RegistrationStatus
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.training import SessionLogFactory
from tests.factories.workshops import (
    SessionFactory,
    TrainerAssignmentFactory,
    UserFactory,
    WorkshopDayFactory,
    WorkshopFactory,
)
from tests.html import csp_violations
from tests.i18n.pages import elements, text, texts_of
from workshops.services import refresh_workshop_dates

pytestmark = pytest.mark.django_db

HOME = reverse("trainer:home")


def assigned_workshop(trainer, title, *dates):
    workshop = WorkshopFactory(title=title)
    TrainerAssignmentFactory(workshop=workshop, trainer=trainer)
    for held_on in dates:
        WorkshopDayFactory(workshop=workshop, held_on=held_on)
    return refresh_workshop_dates(workshop=workshop)


def titles_under(html, heading_id):
    """The workshop titles listed under the <h2 id=heading_id>."""
    titles, current = [], None
    for e in elements(html):
        if e.tag == "h2":
            current = e.attrs.get("id")
        elif e.tag == "h3" and current == heading_id:
            titles.append(text(e))
    return titles


def workshop_url(workshop):
    return reverse("trainer:workshop", kwargs={"slug": workshop.slug})


def test_my_workshops_lists_upcoming_soonest_first_then_past_latest_first(trainer_client, trainer):
    today = timezone.localdate()
    assigned_workshop(trainer, "Next month", today + dt.timedelta(days=30))
    assigned_workshop(trainer, "Running", today - dt.timedelta(days=1), today)
    assigned_workshop(trainer, "Next week", today + dt.timedelta(days=7))
    assigned_workshop(trainer, "Last year", dt.date(today.year - 1, 3, 1))
    assigned_workshop(trainer, "Last month", today - dt.timedelta(days=30))
    assigned_workshop(UserFactory(), "Someone else’s", today)
    WorkshopFactory(title="Nobody’s")

    html = trainer_client.get(HOME).content.decode()

    assert titles_under(html, "upcoming-title") == ["Running", "Next week", "Next month"]
    assert titles_under(html, "past-title") == ["Last month", "Last year"]
    assert csp_violations(html) == []


def test_my_workshops_without_assignments_says_who_assigns_them(client, other_trainer):
    client.force_login(UserFactory())

    html = client.get(HOME).content.decode()

    assert [t for t in texts_of(html, "p") if t.startswith("You")] == [
        "You are not assigned to any workshop yet: the office’s staff assign trainers to workshops."
    ]


@pytest.mark.parametrize("size", [1, 3])
def test_my_workshops_take_the_same_queries_at_1_and_3(
    trainer_client, trainer, size, django_assert_num_queries
):
    for n in range(size):
        workshop = assigned_workshop(trainer, f"Workshop {n}", dt.date(2022, 7, 18 + n))
        RegistrationFactory.create_batch(2, workshop=workshop)

    # The session and the user, then the workshops with their counts.
    with django_assert_num_queries(3):
        response = trainer_client.get(HOME)

    assert len(titles_under(response.content.decode(), "past-title")) == size


def test_workshop_page_shows_each_days_roll_call_and_session_logs(
    trainer_client, workshop, monday, make_roll
):
    roll = make_roll(3)
    RegistrationFactory(workshop=workshop, status=RegistrationStatus.WITHDRAWN)
    AttendanceFactory(registration=roll[0], day=monday, mark="present")
    logged = SessionFactory(day=monday, title="Opening")
    SessionLogFactory(session=logged, start_time=dt.time(9, 10), end_time=dt.time(10, 40))
    SessionFactory(day=monday, title="Case studies", order=1)
    future = WorkshopDayFactory(
        workshop=workshop, held_on=timezone.localdate() + dt.timedelta(days=2)
    )
    SessionFactory(day=future, title="Closing")

    html = trainer_client.get(workshop_url(workshop)).content.decode()

    links = [
        (text(e), e.attrs["href"])
        for e in elements(html)
        if e.tag == "a" and "btn" in e.classes and e.within("section")
    ]
    assert links == [
        (
            "Correct the roll call · July 18, 2022",
            f"/trainer/workshops/{workshop.slug}/days/2022-07-18/roll-call/",
        ),
        (
            "Import from Zoom · July 18, 2022",
            f"/trainer/workshops/{workshop.slug}/days/2022-07-18/import/",
        ),
        ("Edit the log · Opening", f"/trainer/workshops/{workshop.slug}/sessions/{logged.pk}/log/"),
        (
            "Log this session · Case studies",
            f"/trainer/workshops/{workshop.slug}/sessions/{logged.pk + 1}/log/",
        ),
    ]
    assert [t for t in texts_of(html, "p") if t.startswith(("Roll call", "The roll"))] == [
        "Roll call: 1 of 3 marked.",
        "The roll can be called from that day on.",
    ]
    assert [t for t in texts_of(html, "p") if t.startswith("Planned")] == [
        "Planned 09:00–10:30 · Delivered 09:10–10:40",
        "Planned 09:00–10:30 · Not logged yet",
        "Planned 09:00–10:30 · Not logged yet",
    ]
    assert csp_violations(html) == []


@pytest.mark.parametrize("size", [1, 3])
def test_workshop_page_takes_the_same_queries_at_1_and_3_days(
    trainer_client, workshop, make_roll, size, django_assert_num_queries
):
    roll = make_roll(2)
    for n in range(size):
        day = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 7, 18 + n))
        SessionLogFactory(session=SessionFactory(day=day))
        SessionFactory(day=day)
        AttendanceFactory(registration=roll[0], day=day)

    # The session and the user, the workshop with its roll size, the days, their
    # sessions, its surveys with their counts.
    with django_assert_num_queries(6):
        response = trainer_client.get(workshop_url(workshop))

    assert len(response.context["days"]) == size

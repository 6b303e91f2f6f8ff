"""The roll-call page: one POST for a day's marks, refused whole when tampered with."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Attendance
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.workshops import TrainerAssignmentFactory, UserFactory, WorkshopDayFactory
from tests.html import csp_violations
from tests.i18n.pages import elements, text, texts_of

pytestmark = pytest.mark.django_db


def roll_call_url(day):
    return reverse("trainer:roll-call", kwargs={"slug": day.workshop.slug, "date": day.held_on})


def checked_marks(html) -> dict[str, str]:
    """{participant's name: checked mark} of the roll on the page ("" when unmarked)."""
    marks, name = {}, None
    for e in elements(html):
        if e.tag == "legend":
            name = " ".join(text(e).split()[:2])  # the name, without the agency's acronym
            marks[name] = ""
        elif e.tag == "input" and e.attrs.get("type") == "radio" and "checked" in e.attrs:
            marks[name] = e.attrs["value"]
    return marks


def alerts(response) -> list[str]:
    return texts_of(response.content.decode(), "div", role="alert")


def messages_of(response) -> list[str]:
    return [m.message for m in response.context["messages"]]


def saved_marks():
    return sorted(
        Attendance.objects.values_list(
            "registration__participant__family_name", "mark", "recorded_by__username"
        )
    )


@pytest.fixture
def roll(make_roll):
    return make_roll(3, participant__given_name="Siti")


def test_roll_call_lists_the_roll_with_its_marks_and_who_set_them(
    trainer_client, trainer, monday, roll, make_roll
):
    make_roll(1, status=RegistrationStatus.ATTENDED, participant__given_name="Attended")
    make_roll(1, status=RegistrationStatus.COMPLETED, participant__given_name="Completed")
    RegistrationFactory(workshop=monday.workshop, status=RegistrationStatus.NOMINATED)
    RegistrationFactory(workshop=monday.workshop, status=RegistrationStatus.WITHDRAWN)
    AttendanceFactory(registration=roll[1], day=monday, mark="late", recorded_by=trainer)
    Attendance.objects.update(
        recorded_at=dt.datetime(2022, 7, 18, 9, 12, tzinfo=ZoneInfo("Asia/Bangkok"))
    )

    response = trainer_client.get(roll_call_url(monday))

    html = response.content.decode()
    assert response.status_code == 200
    assert checked_marks(html) == {
        "Attended P000": "",
        "Completed P000": "",
        "Siti P000": "",
        "Siti P001": "late",
        "Siti P002": "",
    }
    assert [t for t in texts_of(html, "p") if t.startswith("Marked ")] == [
        "Marked late by Tran Ner, July 18, 2022, 9:12 a.m."
    ]
    assert roll[0].participant.email not in html
    assert csp_violations(html) == []


def test_roll_call_post_saves_every_mark_and_shows_them_after_reload(trainer_client, monday, roll):
    ana, budi, _citra = roll

    response = trainer_client.post(
        roll_call_url(monday),
        {"day": monday.pk, f"mark-{ana.pk}": "present", f"mark-{budi.pk}": "late"},
        follow=True,
    )

    assert response.redirect_chain == [(roll_call_url(monday), 302)]
    assert messages_of(response) == [
        "Roll call of July 18, 2022 saved: 2 new marks, 0 corrections."
    ]
    assert checked_marks(response.content.decode()) == {
        "Siti P000": "present",
        "Siti P001": "late",
        "Siti P002": "",
    }
    assert saved_marks() == [("P000", "present", "trainer"), ("P001", "late", "trainer")]


def test_roll_call_correction_later_records_who_corrected_it(
    client, workshop, monday, roll, trainer
):
    ana, budi, _citra = roll
    AttendanceFactory(registration=ana, day=monday, mark="present", recorded_by=trainer)
    AttendanceFactory(registration=budi, day=monday, mark="absent", recorded_by=trainer)
    Attendance.objects.update(recorded_at=timezone.now() - dt.timedelta(days=1))
    colleague = UserFactory(username="colleague")
    TrainerAssignmentFactory(workshop=workshop, trainer=colleague)
    client.force_login(colleague)

    response = client.post(
        roll_call_url(monday),
        {"day": monday.pk, f"mark-{ana.pk}": "present", f"mark-{budi.pk}": "late"},
        follow=True,
    )

    assert messages_of(response) == ["Roll call of July 18, 2022 saved: 0 new marks, 1 correction."]
    assert saved_marks() == [("P000", "present", "trainer"), ("P001", "late", "colleague")]
    recorded = dict(Attendance.objects.values_list("registration", "recorded_at"))
    assert recorded[budi.pk] > timezone.now() - dt.timedelta(minutes=1) > recorded[ana.pk]


def test_roll_call_post_unchanged_says_so(trainer_client, monday, roll, trainer):
    AttendanceFactory(registration=roll[0], day=monday, mark="absent", recorded_by=trainer)

    response = trainer_client.post(
        roll_call_url(monday), {"day": monday.pk, f"mark-{roll[0].pk}": "absent"}, follow=True
    )

    assert messages_of(response) == ["Roll call of July 18, 2022: every mark was already recorded."]


def test_roll_call_with_another_workshops_registration_saves_nothing_and_says_so(
    trainer_client, monday, roll
):
    elsewhere = RegistrationFactory()

    response = trainer_client.post(
        roll_call_url(monday),
        {"day": monday.pk, f"mark-{roll[0].pk}": "present", f"mark-{elsewhere.pk}": "absent"},
    )

    assert response.status_code == 200
    assert alerts(response) == [
        "Nothing was saved: the form had 1 field for someone who is not on this day’s roll. "
        "The roll below is the current one; mark it again and save."
    ]
    assert saved_marks() == []


@pytest.mark.parametrize("status", [RegistrationStatus.WITHDRAWN, RegistrationStatus.NOMINATED])
def test_roll_call_with_a_registration_off_the_roll_saves_nothing(
    trainer_client, monday, roll, make_roll, status
):
    (off,) = make_roll(1, status=status)

    response = trainer_client.post(
        roll_call_url(monday),
        {
            "day": monday.pk,
            f"mark-{roll[0].pk}": "present",
            f"mark-{off.pk}": "present",
            "is_staff": "on",
        },
    )

    assert alerts(response) == [
        "Nothing was saved: the form had 2 fields for people who are not on this day’s roll. "
        "The roll below is the current one; mark it again and save."
    ]
    assert saved_marks() == []


def test_roll_call_with_another_workshops_day_saves_nothing_and_says_so(
    trainer_client, monday, roll
):
    other_day = WorkshopDayFactory(held_on=monday.held_on)

    response = trainer_client.post(
        roll_call_url(monday), {"day": other_day.pk, f"mark-{roll[0].pk}": "present"}
    )

    assert response.status_code == 200
    assert alerts(response) == ["This form was sent for another day: nothing was saved."]
    assert saved_marks() == []


def test_roll_call_with_an_unknown_mark_saves_nothing(trainer_client, monday, roll):
    response = trainer_client.post(
        roll_call_url(monday),
        {"day": monday.pk, f"mark-{roll[0].pk}": "present", f"mark-{roll[1].pk}": "excused"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        f"mark-{roll[1].pk}": [
            "Select a valid choice. excused is not one of the available choices."
        ]
    }
    assert saved_marks() == []


def test_roll_call_of_a_future_day_shows_the_roll_without_a_save_button(
    trainer_client, workshop, roll
):
    tomorrow = WorkshopDayFactory(
        workshop=workshop, held_on=timezone.localdate() + dt.timedelta(days=2)
    )

    response = trainer_client.get(roll_call_url(tomorrow))

    html = response.content.decode()
    assert response.status_code == 200
    assert texts_of(html, "div", role="status") == [
        "This day has not come yet: its roll can be called from "
        f"{date_format(tomorrow.held_on)} on."
    ]
    assert [e.attrs.get("disabled") for e in elements(html) if e.attrs.get("type") == "radio"] == [
        ""
    ] * 9
    assert texts_of(html, "button", type="submit") == ["Log out"]


def test_roll_call_post_for_a_future_day_saves_nothing_and_says_so(trainer_client, workshop, roll):
    tomorrow = WorkshopDayFactory(
        workshop=workshop, held_on=timezone.localdate() + dt.timedelta(days=2)
    )

    response = trainer_client.post(
        roll_call_url(tomorrow), {"day": tomorrow.pk, f"mark-{roll[0].pk}": "present"}
    )

    assert response.status_code == 200
    assert alerts(response) == [
        f"The roll of {date_format(tomorrow.held_on)} cannot be called before that day."
    ]
    assert saved_marks() == []


def test_roll_call_of_an_empty_roll_says_who_is_called(trainer_client, monday):
    response = trainer_client.get(roll_call_url(monday))

    assert [t for t in texts_of(response.content.decode(), "p") if t.startswith("No one")] == [
        "No one is on this day’s roll: only confirmed participants (and those who already "
        "attended or completed) are called."
    ]


def _roll_of(size, make_roll, monday, trainer):
    roll = make_roll(size)
    for registration in roll[::3]:
        AttendanceFactory(registration=registration, day=monday, mark="late", recorded_by=trainer)
    return roll


# The session and the user, the workshop, the day, the roll with its marks; the POST
# adds the savepoint, the roll read again (locked) by the service, the upsert and the
# savepoint's release.
@pytest.mark.parametrize("size", [5, 60])
def test_roll_call_page_takes_the_same_queries_at_5_and_60(
    trainer_client, monday, make_roll, trainer, size, django_assert_num_queries
):
    _roll_of(size, make_roll, monday, trainer)

    with django_assert_num_queries(5):
        response = trainer_client.get(roll_call_url(monday))

    assert len(checked_marks(response.content.decode())) == size


@pytest.mark.parametrize("size", [5, 60])
def test_roll_call_post_takes_the_same_queries_at_5_and_60(
    trainer_client, monday, make_roll, trainer, size, django_assert_num_queries
):
    roll = _roll_of(size, make_roll, monday, trainer)
    data = {"day": monday.pk} | {f"mark-{r.pk}": "present" for r in roll}

    with django_assert_num_queries(9):
        response = trainer_client.post(roll_call_url(monday), data)

    assert response.status_code == 302
    assert Attendance.objects.filter(day=monday, mark=AttendanceMark.PRESENT).count() == size

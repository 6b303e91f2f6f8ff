"""record_roll_call: a day's marks in one bulk write, with who set each and when."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from participants.choices import AttendanceMark, RegistrationStatus
from participants.models import Attendance
from tests.factories.participants import AttendanceFactory, RegistrationFactory
from tests.factories.workshops import UserFactory, WorkshopDayFactory, WorkshopFactory
from training.queries import roll_call_rows
from training.services import RollCallResult, record_roll_call

pytestmark = pytest.mark.django_db

PRESENT, LATE, ABSENT = AttendanceMark.PRESENT, AttendanceMark.LATE, AttendanceMark.ABSENT


def marks_of(day):
    return sorted(
        Attendance.objects.filter(day=day).values_list(
            "registration__participant__family_name", "mark", "recorded_by__username"
        )
    )


def test_record_roll_call_writes_each_mark_with_who_set_it(monday, make_roll, trainer):
    ana, budi, citra = make_roll(3)

    result = record_roll_call(
        day=monday, marks={ana.pk: PRESENT, budi.pk: LATE, citra.pk: ABSENT}, by=trainer
    )

    assert result == RollCallResult(created=3, changed=0, unchanged=0)
    assert marks_of(monday) == [
        ("P000", "present", "trainer"),
        ("P001", "late", "trainer"),
        ("P002", "absent", "trainer"),
    ]


def test_record_roll_call_correction_updates_who_and_when_of_changed_marks_only(
    monday, make_roll, trainer
):
    ana, budi = make_roll(2)
    record_roll_call(day=monday, marks={ana.pk: PRESENT, budi.pk: PRESENT}, by=trainer)
    Attendance.objects.update(recorded_at=timezone.now() - dt.timedelta(hours=2))
    first = dict(Attendance.objects.values_list("registration", "recorded_at"))
    colleague = UserFactory(username="colleague")

    result = record_roll_call(day=monday, marks={ana.pk: PRESENT, budi.pk: LATE}, by=colleague)

    assert result == RollCallResult(created=0, changed=1, unchanged=1)
    assert marks_of(monday) == [("P000", "present", "trainer"), ("P001", "late", "colleague")]
    after = dict(Attendance.objects.values_list("registration", "recorded_at"))
    assert after[ana.pk] == first[ana.pk]
    assert after[budi.pk] > first[budi.pk]


def test_record_roll_call_leaves_unsubmitted_marks_as_they_were(monday, make_roll, trainer):
    ana, budi = make_roll(2)
    AttendanceFactory(registration=budi, day=monday, mark=ABSENT, recorded_by=None)

    result = record_roll_call(day=monday, marks={ana.pk: LATE}, by=trainer)

    assert result == RollCallResult(created=1, changed=0, unchanged=0)
    assert marks_of(monday) == [("P000", "late", "trainer"), ("P001", "absent", None)]


def test_record_roll_call_marks_one_day_only(monday, wednesday, make_roll, trainer):
    (ana,) = make_roll(1)
    AttendanceFactory(registration=ana, day=wednesday, mark=ABSENT)

    record_roll_call(day=monday, marks={ana.pk: PRESENT}, by=trainer)

    assert (marks_of(monday), [m for _, m, _ in marks_of(wednesday)]) == (
        [("P000", "present", "trainer")],
        ["absent"],
    )


@pytest.mark.parametrize(
    "status",
    [RegistrationStatus.NOMINATED, RegistrationStatus.WITHDRAWN],
)
def test_record_roll_call_refuses_a_registration_off_the_roll(monday, make_roll, trainer, status):
    (ana,) = make_roll(1)
    (off,) = make_roll(1, status=status)

    with pytest.raises(ValidationError) as refused:
        record_roll_call(day=monday, marks={ana.pk: PRESENT, off.pk: PRESENT}, by=trainer)

    assert refused.value.messages == [
        "Nothing was saved: 1 mark was for someone who is not on this day’s roll."
    ]
    assert marks_of(monday) == []


def test_record_roll_call_refuses_another_workshops_registration(monday, make_roll, trainer):
    (ana,) = make_roll(1)
    others = RegistrationFactory.create_batch(2)

    with pytest.raises(ValidationError) as refused:
        record_roll_call(
            day=monday, marks={ana.pk: LATE, **{r.pk: PRESENT for r in others}}, by=trainer
        )

    assert refused.value.messages == [
        "Nothing was saved: 2 marks were for people who are not on this day’s roll."
    ]
    assert Attendance.objects.count() == 0


def test_record_roll_call_refuses_an_unknown_mark(monday, make_roll, trainer):
    ana, budi = make_roll(2)

    with pytest.raises(ValidationError) as refused:
        record_roll_call(day=monday, marks={ana.pk: PRESENT, budi.pk: "excused"}, by=trainer)

    assert refused.value.messages == ["Choose present, late or absent for each participant."]
    assert Attendance.objects.count() == 0


def test_record_roll_call_refuses_a_day_not_come_yet(workshop, make_roll, trainer):
    (ana,) = make_roll(1)
    tomorrow = WorkshopDayFactory(
        workshop=workshop, held_on=timezone.localdate() + dt.timedelta(days=2)
    )

    with pytest.raises(ValidationError) as refused:
        record_roll_call(day=tomorrow, marks={ana.pk: PRESENT}, by=trainer)

    assert refused.value.code == "future_day"
    assert Attendance.objects.count() == 0


def test_record_roll_call_takes_today_in_the_workshops_timezone(monkeypatch, trainer):
    # 23:30 in Bangkok on 17 July is already 18 July in Fiji, not yet in Honolulu.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2022, 7, 17, 16, 30, tzinfo=dt.UTC))
    fiji = WorkshopDayFactory(
        workshop=WorkshopFactory(timezone="Pacific/Fiji"), held_on=dt.date(2022, 7, 18)
    )
    honolulu = WorkshopDayFactory(
        workshop=WorkshopFactory(timezone="Pacific/Honolulu"), held_on=dt.date(2022, 7, 18)
    )
    in_fiji = RegistrationFactory(workshop=fiji.workshop)
    in_honolulu = RegistrationFactory(workshop=honolulu.workshop)

    record_roll_call(day=fiji, marks={in_fiji.pk: PRESENT}, by=trainer)
    with pytest.raises(ValidationError) as refused:
        record_roll_call(day=honolulu, marks={in_honolulu.pk: PRESENT}, by=trainer)

    assert refused.value.messages == ["The roll of July 18, 2022 cannot be called before that day."]
    assert list(Attendance.objects.values_list("registration", flat=True)) == [in_fiji.pk]


@pytest.mark.parametrize("size", [5, 60])
def test_record_roll_call_takes_the_same_queries_at_5_and_60(
    monday, make_roll, trainer, size, django_assert_num_queries
):
    roll = make_roll(size)
    # Some already marked, so that the write both inserts and updates.
    for registration in roll[::2]:
        AttendanceFactory(registration=registration, day=monday, mark=ABSENT)
    marks = {r.pk: (PRESENT, LATE)[i % 2] for i, r in enumerate(roll)}

    # SAVEPOINT, the roll with its marks, the upsert, RELEASE SAVEPOINT.
    with django_assert_num_queries(4):
        result = record_roll_call(day=monday, marks=marks, by=trainer)

    assert result == RollCallResult(created=size // 2, changed=size - size // 2, unchanged=0)
    assert Attendance.objects.filter(day=monday, recorded_by=trainer).count() == size


@pytest.mark.parametrize("size", [5, 60])
def test_roll_call_rows_take_one_query_at_5_and_60(
    monday, wednesday, make_roll, trainer, size, django_assert_num_queries
):
    roll = make_roll(size)
    make_roll(2, status=RegistrationStatus.WITHDRAWN)
    for registration in roll:
        AttendanceFactory(registration=registration, day=wednesday, mark=ABSENT)
    AttendanceFactory(registration=roll[0], day=monday, mark=LATE, recorded_by=trainer)

    with django_assert_num_queries(1):
        rows = roll_call_rows(monday)
        shown = [
            (r.participant.family_name, r.participant.agency.acronym, r.mark, r.marked_by_username)
            for r in rows
        ]

    assert len(shown) == size
    assert shown[:2] == [
        ("P000", roll[0].participant.agency.acronym, "late", "trainer"),
        ("P001", roll[1].participant.agency.acronym, None, None),
    ]

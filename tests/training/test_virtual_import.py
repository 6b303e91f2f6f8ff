"""Matching a Zoom report to a day's roll, and the marks it proposes."""

import datetime as dt

import pytest

from participants.choices import AttendanceMark
from tests.factories.participants import AttendanceFactory
from tests.factories.workshops import SessionFactory, WorkshopDayFactory
from tests.training.zoom_roll import REPORTS, make_zoom_roll
from training.virtual_import import (
    BY_EMAIL,
    BY_HAND,
    BY_NAME,
    build_preview,
    day_schedule,
    group_report,
    normalised_name,
    people_from_data,
    people_to_data,
    roll_for_import,
)
from training.zoom import read_zoom_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def roll(monday):
    return make_zoom_roll(monday)


def preview_of(day, assignments=None):
    people = group_report(read_zoom_report(content=(REPORTS / "meeting_block.csv").read_bytes()))
    return people, build_preview(
        people=people,
        roll=roll_for_import(day),
        schedule=day_schedule(day),
        assignments=assignments,
    )


def names(registrations):
    return [str(r.participant) for r in registrations]


@pytest.mark.parametrize(
    ("spelling", "other"),
    [
        ("Nguyễn Văn Đức", "DUC, Nguyen Van"),
        ("Ada  Lovelace ", "lovelace, ADA"),
        ("Jean-Pierre Dupont", "Dupont Jean Pierre"),
        ("Müller, Jürgen", "Jurgen Muller"),
        ("สมชาย ใจดี", "ใจดี สมชาย"),
    ],
)
def test_normalised_name_agrees_on_spellings_of_one_name(spelling, other):
    assert normalised_name(spelling) == normalised_name(other)


def test_normalised_name_keeps_thai_marks_apart():
    # มา (come) and ม่า: a tone mark makes another word.
    assert normalised_name("มา") != normalised_name("ม่า")


def test_report_people_are_grouped_by_email_then_by_name():
    people = group_report(read_zoom_report(content=(REPORTS / "meeting_block.csv").read_bytes()))

    assert [(p.name, len(p.connections)) for p in people] == [
        ("Host Trainer", 1),
        ("Ada L", 3),
        ("DUC, Nguyen Van", 1),
        ("Siti Aminah", 1),
        ("Bo Short", 1),
    ]
    assert people[1].minutes == 179.0


def test_preview_sorts_the_report_into_present_below_ambiguous_unmatched_and_missing(monday, roll):
    _, preview = preview_of(monday)

    assert [(str(a.registration.participant), a.how, a.minutes) for a in preview.present] == [
        ("Ada Lovelace", BY_EMAIL, 179.0),
        ("Văn Đức Nguyễn", BY_NAME, 180.0),
    ]
    assert [(str(a.registration.participant), a.minutes) for a in preview.below_minimum] == [
        ("Bo Short", 60.0)
    ]
    assert [(u.person.name, names(u.candidates)) for u in preview.ambiguous] == [
        ("Siti Aminah", ["Siti Aminah", "Siti Aminah"])
    ]
    assert [(u.person.name, u.candidates) for u in preview.unmatched] == [("Host Trainer", [])]
    assert names(preview.not_in_report) == ["Cy Absent", "Siti Aminah", "Siti Aminah"]
    assert preview.marks == {
        roll["ada"].pk: AttendanceMark.PRESENT,
        roll["duc"].pk: AttendanceMark.PRESENT,
        roll["bo"].pk: AttendanceMark.ABSENT,
        roll["cy"].pk: AttendanceMark.ABSENT,
        roll["siti_bnp"].pk: AttendanceMark.ABSENT,
        roll["siti_imi"].pk: AttendanceMark.ABSENT,
    }


def test_assignment_by_hand_settles_an_ambiguous_person(monday, roll):
    people, _ = preview_of(monday)
    siti = next(p for p in people if p.name == "Siti Aminah")

    _, preview = preview_of(monday, assignments={siti.index: roll["siti_imi"].pk})

    assert [(a.registration.pk, a.how) for a in preview.present] == [
        (roll["siti_imi"].pk, BY_HAND),
        (roll["ada"].pk, BY_EMAIL),
        (roll["duc"].pk, BY_NAME),
    ]
    assert preview.ambiguous == []
    assert preview.marks[roll["siti_imi"].pk] == AttendanceMark.PRESENT
    assert preview.marks[roll["siti_bnp"].pk] == AttendanceMark.ABSENT


def test_an_unmatched_person_assigned_to_someone_found_adds_their_time(monday, roll):
    people, _ = preview_of(monday)
    host = next(p for p in people if p.name == "Host Trainer")

    # Bo's hour and the "host" row from 08:50 to 12:10 overlap: the union counts.
    _, preview = preview_of(monday, assignments={host.index: roll["bo"].pk})

    bo = next(a for a in preview.present if a.registration.pk == roll["bo"].pk)
    assert (bo.how, round(bo.minutes, 2)) == (BY_EMAIL, 200.72)


def test_an_assignment_to_someone_not_on_the_roll_is_ignored(monday, roll):
    people, _ = preview_of(monday)
    host = next(p for p in people if p.name == "Host Trainer")

    _, preview = preview_of(monday, assignments={host.index: roll["host"].pk})

    assert [u.person.name for u in preview.unmatched] == ["Host Trainer"]
    assert roll["host"].pk not in preview.marks


def test_preview_counts_marks_it_would_change(monday, roll):
    AttendanceFactory(registration=roll["cy"], day=monday, mark=AttendanceMark.PRESENT)
    AttendanceFactory(registration=roll["ada"], day=monday, mark=AttendanceMark.PRESENT)

    _, preview = preview_of(monday)

    assert preview.replaced_count == 1  # Cy, absent from the report; Ada stays present


def test_grouped_report_survives_a_round_trip_through_session_data():
    people = group_report(read_zoom_report(content=(REPORTS / "meeting_block.csv").read_bytes()))

    assert people_from_data(people_to_data(people)) == people


def test_day_schedule_runs_from_the_first_start_to_the_last_end(monday):
    SessionFactory(day=monday, start_time=dt.time(13, 0), end_time=dt.time(16, 30))
    SessionFactory(day=monday, start_time=dt.time(9, 0), end_time=dt.time(12, 0))

    schedule = day_schedule(monday)

    assert (schedule.minutes, schedule.is_default, schedule.minimum_minutes) == (450, False, 270)


def test_day_without_times_counts_as_six_hours(workshop):
    workshop.virtual_minimum_percent = 75
    workshop.save()
    day = WorkshopDayFactory(workshop=workshop, held_on=dt.date(2022, 7, 19))
    SessionFactory(day=day, start_time=None, end_time=None)

    schedule = day_schedule(day)

    assert (schedule.minutes, schedule.is_default, schedule.minimum_minutes) == (360, True, 270)


def test_minimum_is_rounded_up_and_exactly_the_minimum_is_present(monday, roll):
    # 09:00 to 12:00 at 60 %: 108 minutes; Bo's hour made 108 minutes exactly.
    content = (
        b"Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
        b"Bo Short,bo@example.org,2022-07-18 09:00:00,2022-07-18 10:48:00,108\n"
        b"Ada Lovelace,ada@example.org,2022-07-18 09:00:00,2022-07-18 10:47:59,108\n"
    )
    people = group_report(read_zoom_report(content=content))

    preview = build_preview(
        people=people, roll=roll_for_import(monday), schedule=day_schedule(monday)
    )

    assert names(a.registration for a in preview.present) == ["Bo Short"]
    assert names(a.registration for a in preview.below_minimum) == ["Ada Lovelace"]


def test_roll_and_schedule_are_one_statement_each(monday, roll, django_assert_num_queries):
    with django_assert_num_queries(2):
        roll_for_import(monday)
        day_schedule(monday)

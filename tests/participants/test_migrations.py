"""The data migrations of participants, forwards and backwards, on real rows."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("participants", "0001_initial")]
AFTER = [("participants", "0002_attendance_mark")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    # The models as of `targets`, to write and read rows the way that schema has them.
    return MigrationExecutor(connection).loader.project_state(targets).apps


def attendance_rows(apps, *fields):
    Attendance = apps.get_model("participants", "Attendance")
    return list(
        Attendance.objects.order_by("registration__participant__given_name").values_list(
            "registration__participant__given_name", *fields
        )
    )


@pytest.fixture
def at_0001():
    apps = migrate(BEFORE)
    yield apps
    # Leave the schema as the rest of the run expects it.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_attendance_mark_migration_maps_is_present_forwards_and_back(at_0001):
    workshop = at_0001.get_model("workshops", "Workshop").objects.create(
        title="Workshop", slug="workshop", kind="workshop", delivery_mode="virtual"
    )
    day = at_0001.get_model("workshops", "WorkshopDay").objects.create(
        workshop=workshop, held_on=dt.date(2022, 7, 18)
    )
    Participant = at_0001.get_model("participants", "Participant")
    Registration = at_0001.get_model("participants", "Registration")
    Attendance = at_0001.get_model("participants", "Attendance")
    for name, is_present in [("Ana", True), ("Budi", False), ("Citra", False)]:
        registration = Registration.objects.create(
            participant=Participant.objects.create(given_name=name), workshop=workshop
        )
        Attendance.objects.create(registration=registration, day=day, is_present=is_present)

    forwards = migrate(AFTER)
    assert attendance_rows(forwards, "mark") == [
        ("Ana", "present"),
        ("Budi", "absent"),
        ("Citra", "absent"),
    ]

    # A mark only the new schema has: late goes back as present.
    forwards.get_model("participants", "Attendance").objects.filter(
        registration__participant__given_name="Budi"
    ).update(mark="late")
    backwards = migrate(BEFORE)
    assert attendance_rows(backwards, "is_present") == [
        ("Ana", True),
        ("Budi", True),
        ("Citra", False),
    ]

"""The migration that moves the staff notice of training requests into the outbox,
forwards and backwards, on real rows."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("workshops", "0006_joining_url_reminder_days"), ("notifications", "0001_initial")]
AFTER = [("workshops", "0007_trainingrequest_notices_in_the_outbox")]


def migrate(targets):
    MigrationExecutor(connection).migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def at_0004():
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_training_request_notices_move_into_the_outbox_and_back(at_0004):
    state = at_0004.get_model("workshops", "MemberState").objects.create(name="Malaysia")
    TrainingRequest = at_0004.get_model("workshops", "TrainingRequest")
    notified_at = timezone.now() - dt.timedelta(days=1)
    for name, staff_notified_at in [("Lost", None), ("Sent", notified_at)]:
        TrainingRequest.objects.create(
            name=name,
            organisation="Immigration Department",
            member_state=state,
            email=f"{name.lower()}@agency.example",
            training_kind="workshop",
            message="A workshop on forged documents, please.",
            staff_notified_at=staff_notified_at,
        )
    lost, sent = (TrainingRequest.objects.get(name=name) for name in ("Lost", "Sent"))

    forwards = migrate(AFTER)
    Notification = forwards.get_model("notifications", "Notification")
    assert sorted(
        Notification.objects.values_list("kind", "target_id", "state", "sent_at")
    ) == sorted(
        [
            ("training_request", lost.pk, "pending", None),
            ("training_request", sent.pk, "sent", notified_at),
        ]
    )

    # The lost one is sent by the next sweep after the migration.
    Notification.objects.filter(target_id=lost.pk).update(state="sent", sent_at=notified_at)
    backwards = migrate(BEFORE)
    assert sorted(
        backwards.get_model("workshops", "TrainingRequest").objects.values_list(
            "name", "staff_notified_at"
        )
    ) == [("Lost", notified_at), ("Sent", notified_at)]

"""The staff notice of a training request becomes a row of the outbox: requests never
notified (staff_notified_at empty: the task was lost) get a pending notice, sent by the
next sweep; those notified get a sent one with that time; the column goes. Backwards,
a request whose notice was sent gets its time back, and the notices go."""

from django.db import migrations


def notices_in_the_outbox(apps, schema_editor):
    TrainingRequest = apps.get_model("workshops", "TrainingRequest")
    Notification = apps.get_model("notifications", "Notification")
    ContentType = apps.get_model("contenttypes", "ContentType")
    requests = list(TrainingRequest.objects.only("pk", "staff_notified_at"))
    if not requests:
        return
    # Content types are otherwise made after the migrations (post_migrate).
    content_type, _ = ContentType.objects.get_or_create(
        app_label="workshops", model="trainingrequest"
    )
    Notification.objects.bulk_create(
        Notification(
            kind="training_request",
            target_type=content_type,
            target_id=training_request.pk,
            language="en",
            **(
                {"state": "pending"}
                if training_request.staff_notified_at is None
                else {
                    "state": "sent",
                    "sent_at": training_request.staff_notified_at,
                    "attempts": 1,
                }
            ),
        )
        for training_request in requests
    )


def stamp_notified_requests(apps, schema_editor):
    TrainingRequest = apps.get_model("workshops", "TrainingRequest")
    Notification = apps.get_model("notifications", "Notification")
    notices = Notification.objects.filter(
        kind="training_request",
        target_type__app_label="workshops",
        target_type__model="trainingrequest",
    )
    for training_request_id, sent_at in notices.filter(state="sent").values_list(
        "target_id", "sent_at"
    ):
        TrainingRequest.objects.filter(pk=training_request_id).update(staff_notified_at=sent_at)
    # The column holds them again; forwards makes the rows anew.
    notices.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0006_joining_url_reminder_days"),
        ("notifications", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(notices_in_the_outbox, stamp_notified_requests),
        migrations.RemoveField(
            model_name="trainingrequest",
            name="staff_notified_at",
        ),
    ]

"""A session's day belongs to the session's workshop, enforced by the database.

Django has no composite foreign keys, so this is SQL of our own: on PostgreSQL a
foreign key (day_id, workshop_id) -> workshopday (id, workshop_id), deferrable like
Django's own; on SQLite, which cannot add a constraint to an existing table,
triggers that abort the same writes.
"""

from django.db import migrations

POSTGRES_FORWARD = """
ALTER TABLE workshops_session
    ADD CONSTRAINT workshops_session_day_of_same_workshop
    FOREIGN KEY (day_id, workshop_id) REFERENCES workshops_workshopday (id, workshop_id)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED;
"""
POSTGRES_BACKWARD = (
    "ALTER TABLE workshops_session DROP CONSTRAINT workshops_session_day_of_same_workshop;"
)

SQLITE_TRIGGER = """
CREATE TRIGGER workshops_session_day_of_same_workshop_{event}
BEFORE {event} ON workshops_session
WHEN (SELECT workshop_id FROM workshops_workshopday WHERE id = NEW.day_id) != NEW.workshop_id
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: workshops_session_day_of_same_workshop');
END;
"""
EVENTS = ("insert", "update")


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)
    elif vendor == "sqlite":
        for event in EVENTS:
            schema_editor.execute(SQLITE_TRIGGER.format(event=event))


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)
    elif vendor == "sqlite":
        for event in EVENTS:
            schema_editor.execute(
                f"DROP TRIGGER IF EXISTS workshops_session_day_of_same_workshop_{event};"
            )


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]

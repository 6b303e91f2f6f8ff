"""Indexes for the reports and the admin's changelists at size (issue 14, Speed).

- attendance_attending_idx: the attending marks (present, late) by registration, the
  probe of “attended at least one day” in reports.queries.
- registration_workshop_cover: a period's registrations read from the index alone.
- participant_name_idx: the participants changelist's order.
- participant_*_trgm: the admin's search by name or email through trigrams, on
  PostgreSQL only (pg_trgm, a trusted extension: the database's owner may create it).
  SQLite has no GIN index: there the three are skipped, and the search reads the
  rows as before. They are in the migration state on both, as Participant.Meta.indexes
  declares them, so makemigrations sees nothing to do; a later migration that removes
  or alters them must skip SQLite too.
"""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.conf import settings
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models

from core.migration_operations import AddIndexOnPostgreSQL


class TrigramExtensionKept(TrigramExtension):
    """CREATE EXTENSION pg_trgm on PostgreSQL; left in place on the way back, where
    other indexes of the database may use it (and where Django's own operation would
    query pg_extension on SQLite too)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def trigram_index(field_name):
    return AddIndexOnPostgreSQL(
        model_name="participant",
        index=django.contrib.postgres.indexes.GinIndex(
            django.contrib.postgres.indexes.OpClass(
                django.db.models.functions.text.Upper(field_name), name="gin_trgm_ops"
            ),
            name=f"participant_{field_name}_trgm",
        ),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0003_import_mapping"),
        ("workshops", "0008_workshop_cover_and_training_rules"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="attendance",
            index=models.Index(
                condition=models.Q(("mark__in", ("present", "late"))),
                fields=["registration"],
                name="attendance_attending_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="participant",
            index=models.Index(fields=["family_name", "given_name"], name="participant_name_idx"),
        ),
        TrigramExtensionKept(),
        trigram_index("given_name"),
        trigram_index("family_name"),
        trigram_index("email"),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(
                fields=["workshop"],
                include=("id", "participant", "status"),
                name="registration_workshop_cover",
            ),
        ),
    ]

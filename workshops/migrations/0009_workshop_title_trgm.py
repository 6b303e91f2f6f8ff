"""The workshops' title searched by trigrams (the admin's search of workshops, and of
registrations and attendance marks through them): at 3,000 workshops the search read
every title, 2 ms of the registrations list searched. PostgreSQL only; pg_trgm is
created by participants 0004."""

import django.contrib.postgres.indexes
import django.db.models.functions.text
from django.db import migrations

from core.migration_operations import AddIndexOnPostgreSQL


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0008_workshop_cover_and_training_rules"),
        ("participants", "0004_indexes_for_reports_and_changelists"),
    ]

    operations = [
        AddIndexOnPostgreSQL(
            model_name="workshop",
            index=django.contrib.postgres.indexes.GinIndex(
                django.contrib.postgres.indexes.OpClass(
                    django.db.models.functions.text.Upper("title"), name="gin_trgm_ops"
                ),
                name="workshop_title_trgm",
            ),
        ),
    ]

"""A stored full-text search vector on news articles, GIN-indexed on PostgreSQL.

SQLite has neither tsvector functions nor GIN indexes: there the column is added
(and stays NULL, search falling back to the text fields) while the index and the
filling of existing rows are skipped (Django would make the index a plain one on
SQLite, of a column that is always NULL). The index is in the migration state on
both, as NewsArticle.Meta.indexes declares it, so makemigrations sees nothing to
do. A later migration that removes or alters this index must skip SQLite too.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations

from core.migration_operations import AddIndexOnPostgreSQL


def fill_search_vectors(apps, schema_editor):
    """The vectors of the articles already there, as search_document() in
    publications.models builds them at this migration's time (written out here:
    a migration must not change when the model's code does)."""
    if schema_editor.connection.vendor != "postgresql":
        return
    NewsArticle = apps.get_model("publications", "NewsArticle")
    NewsArticle.objects.using(schema_editor.connection.alias).update(
        search_vector=SearchVector("title", weight="A", config="english")
        + SearchVector("summary", weight="B", config="english")
        + SearchVector("body", weight="C", config="english")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="newsarticle",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        AddIndexOnPostgreSQL(
            model_name="newsarticle",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="publications_news_search_gin"
            ),
        ),
        migrations.RunPython(fill_search_vectors, migrations.RunPython.noop),
    ]

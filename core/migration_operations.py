"""Migration operations of more than one app."""

from django.db import migrations


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """AddIndex whose index exists on PostgreSQL only (a GIN index of trigrams or of
    words: SQLite has neither). The index is in the migration state on every database,
    as the model's Meta.indexes declares it, so makemigrations sees nothing to do; a
    later migration that removes or alters it must skip SQLite too."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)

import pytest
from django.db import connection

from rso_portal import prepared
from tests.conftest import requires_postgres

pytestmark = pytest.mark.django_db


def test_placeholders_become_numbered_parameters():
    _name, text, keys = prepared._statement("SELECT %s + %s")
    assert (text, keys) == ("SELECT $1 + $2", (0, 1))

    _name, text, keys = prepared._statement("SELECT %(a)s, %(b)s, %(a)s")
    assert (text, keys) == ("SELECT $1, $2, $1", ("a", "b"))


def test_the_same_text_has_the_same_name_and_another_text_another():
    assert prepared._statement("SELECT 1")[0] == prepared._statement("SELECT 1")[0]
    assert prepared._statement("SELECT 1")[0] != prepared._statement("SELECT 2")[0]


def test_runs_with_parameters_on_any_database():
    with connection.cursor() as cursor:
        prepared.execute(cursor, "SELECT %s || %s", ["border", "-management"])
        assert cursor.fetchone() == ("border-management",)
        prepared.execute(cursor, "SELECT %(word)s || %(word)s", {"word": "ab"})
        assert cursor.fetchone() == ("abab",)


@requires_postgres
def test_postgresql_prepares_a_text_once_per_connection():
    sql = "SELECT CAST(%s AS integer) * 2"

    def prepared_here():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_prepared_statements WHERE name = %s",
                [prepared._statement(sql)[0]],
            )
            return cursor.fetchone()[0]

    with connection.cursor() as cursor:
        for n in (1, 2, 3):
            prepared.execute(cursor, sql, [n])
            assert cursor.fetchone() == (n * 2,)
    assert prepared_here() == 1


@requires_postgres
@pytest.mark.django_db(transaction=True)  # a connection can only close outside a transaction
def test_postgresql_prepares_again_on_a_new_connection():
    sql = "SELECT CAST(%s AS integer) + 1"
    with connection.cursor() as cursor:
        prepared.execute(cursor, sql, [1])
    connection.close()

    with connection.cursor() as cursor:
        prepared.execute(cursor, sql, [41])
        assert cursor.fetchone() == (42,)


@requires_postgres
@pytest.mark.django_db(transaction=True)
def test_postgresql_prepares_again_when_a_migration_changed_the_table():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE prepared_probe (value integer)")
        cursor.execute("INSERT INTO prepared_probe VALUES (7)")
    try:
        sql = "SELECT value FROM prepared_probe"
        assert prepared.fetchall(sql) == [(7,)]
        with connection.cursor() as cursor:
            cursor.execute("ALTER TABLE prepared_probe ALTER COLUMN value TYPE text")

        assert prepared.fetchall(sql) == [("7",)]
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE prepared_probe")

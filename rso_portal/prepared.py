"""Server-side prepared statements for the SQL text of the public pages (PostgreSQL).

Measured on the event page: its three statements took 3.7 ms per request, of which
2.3 ms was PostgreSQL parsing, analysing and planning the same text again; EXECUTE
of a statement prepared once per connection skips all three. psycopg2 has no
prepared statements of its own (psycopg 3 prepares by itself), hence PREPARE and
EXECUTE in SQL.

A statement is prepared on first use in each database connection, under a name
derived from its text, and stays for the connection's life (a PREPARE survives a
rolled-back transaction; a reconnection starts afresh). The PREPARE goes through
the raw connection, as Django's own connection setup does: once per connection, it
is not one of a page's statements. A statement whose table a migration changed is
prepared again (outside a transaction), for workers older than the deploy.
Parameters are written %s or %(name)s, as for cursor.execute(), and the text must
hold no other %. Session-level statements do not survive a pooler in transaction
mode (PgBouncer): there, leave this out.

Elsewhere (SQLite in development) the text simply runs.
"""

import hashlib
import re
import weakref
from functools import lru_cache

from django.db import NotSupportedError, connection

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?s")

# The raw connection -> the names of the statements prepared on it.
_prepared: "weakref.WeakKeyDictionary[object, set[str]]" = weakref.WeakKeyDictionary()


@lru_cache(maxsize=256)
def _statement(sql: str) -> tuple[str, str, tuple]:
    """(name, the text with $1, $2... for its placeholders, the parameter each number
    stands for: a position for %s, a name for %(name)s)."""
    keys: list = []

    def number(match: re.Match) -> str:
        name = match.group(1)
        if name is None:
            keys.append(len(keys))
            return f"${len(keys)}"
        if name not in keys:
            keys.append(name)
        return f"${keys.index(name) + 1}"

    numbered = _PLACEHOLDER.sub(number, sql)
    name = "rso_" + hashlib.sha1(sql.encode(), usedforsecurity=False).hexdigest()[:20]
    return name, numbered, tuple(keys)


def fetchall(sql: str, params=(), fields: tuple = ()) -> list:
    """The rows of `sql` on the default database, prepared on PostgreSQL.

    `fields` are the model fields of the first columns, in order: their values are
    converted as the ORM converts them (a raw cursor on SQLite returns datetimes
    naive, and dates and booleans typed only by a plain column's declared type).
    """
    with connection.cursor() as cursor:
        execute(cursor, sql, params)
        rows = cursor.fetchall()
    converters = _converters(connection.vendor, fields) if rows else ()
    if not converters:
        return rows
    rows = [list(row) for row in rows]
    for row in rows:
        for index, column, functions in converters:
            for function in functions:
                row[index] = function(row[index], column, connection)
    return rows


@lru_cache(maxsize=64)
def _converters(vendor: str, fields: tuple) -> tuple:
    """(index, column, Django's converters) of each of `fields` that has any on the
    `vendor` database: none of the public pages' fields on PostgreSQL."""
    found = []
    for index, field in enumerate(fields):
        column = field.get_col(field.model._meta.db_table)
        functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        if functions:
            found.append((index, column, tuple(functions)))
    return tuple(found)


def execute(cursor, sql: str, params=()) -> None:
    """cursor.execute(sql, params), prepared on PostgreSQL. `cursor` is a Django
    cursor (connection.cursor())."""
    db = cursor.db
    if db.vendor != "postgresql":
        cursor.execute(sql, params)
        return
    name, numbered, keys = _statement(sql)
    names = _prepared.setdefault(db.connection, set())
    if name not in names:
        _prepare(db, name, numbered)
        names.add(name)
    values = [params[key] for key in keys]
    try:
        _execute(cursor, name, values)
    except NotSupportedError:
        # "cached plan must not change result type": a migration changed a table
        # under a statement prepared before it (a worker older than the deploy).
        # Outside a transaction nothing is lost by preparing it again.
        if db.in_atomic_block:
            raise
        _prepare(db, name, numbered, again=True)
        _execute(cursor, name, values)


def _prepare(db, name: str, numbered: str, *, again: bool = False) -> None:
    with db.connection.cursor() as raw:
        if again:
            raw.execute(f"DEALLOCATE {name}")
        raw.execute(f"PREPARE {name} AS {numbered}")


def _execute(cursor, name: str, values: list) -> None:
    if values:
        cursor.execute(f"EXECUTE {name} ({', '.join(['%s'] * len(values))})", values)
    else:
        cursor.execute(f"EXECUTE {name}")

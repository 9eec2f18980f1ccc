"""The store on a PostgreSQL server (`--db postgresql://…`): a connection that takes the SQLite statements the
code writes and runs them there, with sqlite3's behaviour where the code relies on it.

What is translated, for every statement: `?` placeholders; INSERT OR IGNORE (ON CONFLICT DO NOTHING); a
bare `end` column (a reserved word here); SQLite's planner hints (`+column`, INDEXED BY); group_concat and
the two-argument max(0, …). The few statements that differ more (full-text search, GLOB, INSERT OR REPLACE)
are written twice at their call site (dbapi.dialect). As sqlite3 does, a write outside a transaction opens
one, which commit() ends; `lastrowid` is the id an INSERT made (RETURNING id); errors are raised as sqlite3's
DB-API classes, so the callers catch one set. Writers queue on one transaction-scoped advisory lock (as
SQLite's one writer, which the resolver's check-then-insert relies on) and never block readers."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from elitewatch.dbapi import Dialect

try:
    import psycopg
    from psycopg.adapt import Dumper, Loader
    from psycopg.rows import RowMaker
except ImportError:  # pragma: no cover - psycopg is a dependency; without it only SQLite stores open
    psycopg = None  # type: ignore[assignment]

# The key of the advisory lock every write transaction holds (any constant: it names the store's writer).
WRITER_LOCK = 0x656C6974  # "elit"

# How the server lists a connection of ours (pg_stat_activity), with the process's id: which ingest, web server
# or cluster worker holds what, for whoever looks after the server.
APPLICATION = "elitewatch"

# Tables whose rows have an `id` the database assigns: an INSERT into one returns it, for lastrowid.
ID_TABLES = frozenset(
    {"entities", "doc_entities", "mentions", "quotes", "positions", "events", "judgements", "corrections", "claims"}
)

_LITERAL = re.compile(r"('(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")")
_INSERT = re.compile(r"^\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+(\w+)", re.IGNORECASE)
_WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
_REWRITES = [
    (re.compile(r"\?(?=\s+IS\s+(?:NOT\s+)?NULL\b)"), "CAST(%s AS TEXT)"),  # "? IS NULL": a parameter of no type
    (re.compile(r"\?"), "%s"),
    (re.compile(r"(?<![\w.])end(?!\w)"), '"end"'),  # SQL keywords are written in capitals: END stays one
    (re.compile(r"(\b(?:WHERE|AND|OR|ON)\s+|\()\+(?=[A-Za-z_])"), r"\1"),  # "+column": no index, in SQLite
    (re.compile(r"\s+INDEXED BY \w+"), ""),
    (re.compile(r"\bgroup_concat\("), "string_agg("),
    (re.compile(r"\bmax\(0, "), "GREATEST(0, "),
    (re.compile(r"\bINSERT\s+OR\s+IGNORE\s+INTO\b"), "INSERT INTO"),
]


@lru_cache(maxsize=2048)
def translate(sql: str) -> tuple[str, bool]:
    """The statement for PostgreSQL, and whether it returns the id it inserted."""
    parts = _LITERAL.split(sql.replace("%", "%%"))
    for index in range(0, len(parts), 2):  # outside string literals and quoted names
        for pattern, replacement in _REWRITES:
            parts[index] = pattern.sub(replacement, parts[index])
    out = "".join(parts).rstrip().rstrip(";")
    insert = _INSERT.match(sql)
    if insert and insert.group(1):
        out += " ON CONFLICT DO NOTHING"
    returns_id = insert is not None and insert.group(2).lower() in ID_TABLES and "RETURNING" not in out.upper()
    if returns_id:
        out += " RETURNING id"
    return out, returns_id


class Row(tuple[Any, ...]):
    """A row read by index or (case-insensitively, as sqlite3.Row) by column name."""

    _names: dict[str, int]
    _keys: list[str]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names[key.lower()])
            except KeyError:
                raise IndexError(f"no such column: {key}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._keys)


def _row_factory(cursor: Any) -> RowMaker[Row]:
    names = [column.name for column in cursor.description or []]
    lookup = {name.lower(): index for index, name in reversed(list(enumerate(names)))}

    def make(values: Sequence[Any]) -> Row:
        row = Row(values)
        row._names = lookup
        row._keys = names
        return row

    return make


class _NumericLoader(Loader):
    """SUM and AVG give numeric here: read as SQLite gives them, an int when whole, else a float."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        return int(text) if text.lstrip("-").isdigit() else float(text)


class _BoolAsInt(Dumper):
    """Python booleans go into INTEGER columns (`ended`), as 0 and 1 like SQLite stores them."""

    oid = 20  # int8

    def dump(self, obj: Any) -> bytes:
        return b"1" if obj else b"0"


class PostgresCursor:
    def __init__(self, cursor: Any, lastrowid: int | None) -> None:
        self._cursor = cursor
        self._lastrowid = lastrowid

    @property
    def lastrowid(self) -> int | None:
        return self._lastrowid

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    def fetchone(self) -> Any:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[Any]:
        return list(self._cursor.fetchall()) if self._cursor.description else []

    def __iter__(self) -> Iterator[Any]:
        return iter(self.fetchall())


class PostgresConnection:
    """A connection to the store on a PostgreSQL server, speaking the SQLite the code writes."""

    dialect: Dialect = "postgresql"

    def __init__(self, url: str) -> None:
        if psycopg is None:
            raise sqlite3.OperationalError("PostgreSQL needs the psycopg package")
        try:
            where = url
            if "application_name" not in psycopg.conninfo.conninfo_to_dict(url):  # the address's own name wins
                where = psycopg.conninfo.make_conninfo(url, application_name=f"{APPLICATION} {os.getpid()}")
            self._conn = psycopg.connect(where, autocommit=True, row_factory=_row_factory)
        except psycopg.Error as error:
            raise sqlite3.OperationalError(str(error).strip()) from None
        self.url = url
        self._conn.adapters.register_loader("numeric", _NumericLoader)
        self._conn.adapters.register_dumper(bool, _BoolAsInt)

    @property
    def in_transaction(self) -> bool:
        return bool(self._conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE)

    def alive(self) -> bool:
        """Whether the session still answers (a server restarted or a session ended leaves it broken): one round
        trip, far cheaper than a new session."""
        if self._conn.closed or self._conn.broken:
            return False
        try:
            self._conn.execute("SELECT 1")
        except psycopg.Error:
            return False
        return not self.in_transaction

    def execute(self, sql: str, parameters: Any = (), /) -> PostgresCursor:
        head = sql.lstrip()[:16].upper()
        if head.startswith("BEGIN"):  # BEGIN IMMEDIATE: a write transaction
            self._begin_write()
            return PostgresCursor(self._conn.cursor(), None)
        if not self.in_transaction and _WRITE.match(sql):
            self._begin_write()  # as sqlite3: a write outside a transaction opens one, commit() ends it
        statement, returns_id = translate(sql)
        cursor = self._run(statement, parameters)
        lastrowid = None
        if returns_id:
            row = cursor.fetchone()
            lastrowid = int(row[0]) if row else None
        return PostgresCursor(cursor, lastrowid)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> PostgresCursor:
        if not self.in_transaction:
            self._begin_write()
        statement, returns_id = translate(sql)
        if returns_id:
            statement = statement.removesuffix(" RETURNING id")
        cursor = self._conn.cursor()
        try:
            cursor.executemany(statement, list(parameters))
        except psycopg.Error as error:
            raise _as_sqlite(error) from None
        return PostgresCursor(cursor, None)

    def _begin_write(self) -> None:
        """A write transaction, behind the store's writer lock (held until it ends)."""
        self._run("BEGIN", ())
        self._run("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))

    def script(self, sql: str) -> None:
        """Statements run as written (a migration in this dialect), without placeholders."""
        try:
            self._conn.execute(sql.encode())
        except psycopg.Error as error:
            raise _as_sqlite(error) from None

    def commit(self) -> None:
        if self.in_transaction:
            self._run("COMMIT", ())

    def rollback(self) -> None:
        if self.in_transaction:
            self._run("ROLLBACK", ())

    def close(self) -> None:
        self._conn.close()

    def _run(self, statement: str, parameters: Any) -> Any:
        cursor = self._conn.cursor()
        try:
            cursor.execute(statement, parameters)
        except psycopg.Error as error:
            raise _as_sqlite(error) from None
        return cursor


def _as_sqlite(error: Exception) -> sqlite3.DatabaseError:
    """The DB-API class sqlite3 raises for the same kind of failure, with the server's message."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else error.__class__.__name__
    if isinstance(error, psycopg.IntegrityError):
        return sqlite3.IntegrityError(message)
    if isinstance(error, psycopg.DataError):
        return sqlite3.DataError(message)
    if isinstance(error, psycopg.OperationalError | psycopg.ProgrammingError | psycopg.errors.ReadOnlySqlTransaction):
        return sqlite3.OperationalError(message)
    return sqlite3.DatabaseError(message)

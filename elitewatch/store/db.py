"""Opening the database: WAL, foreign keys, registered migrations applied in order. An SQLite file by default;
a postgresql:// address opens the store on a PostgreSQL server (store/postgres.py), migrated with the same
numbered migrations in that dialect (migrations/postgresql/)."""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from elitewatch.dbapi import Connection, dialect, is_url
from elitewatch.errors import StoreError
from elitewatch.store.offices import refresh_offices
from elitewatch.store.postgres import PostgresConnection

MIGRATIONS = resources.files("elitewatch") / "store" / "migrations"
# The key of the advisory lock that migrating a PostgreSQL store holds (two processes opening a new one at once).
MIGRATION_LOCK = 0x6D696772  # "migr"


def _migrations(kind: str = "sqlite") -> list[tuple[int, str, str]]:
    found = []
    for item in (MIGRATIONS if kind == "sqlite" else MIGRATIONS / kind).iterdir():
        if item.name.endswith(".sql"):
            number = int(item.name.split("_", 1)[0])
            found.append((number, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


def connect(path: Path | str, *, readonly: bool = False) -> Connection:
    """Open (and if needed create and migrate) the store at `path`; ":memory:" works for tests.

    A connection may move between threads (the web server opens it in one worker thread, runs the request in
    another and closes it in a third) but is never used by two at once: each request has its own."""
    where = str(path)
    if is_url(where):
        return _connect_postgres(where, readonly=readonly)
    try:
        if readonly and where != ":memory:":
            conn = _open_readonly(Path(where))
        else:
            conn = sqlite3.connect(where, timeout=30, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        return conn
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open the database ({error})", source=where) from None


def _connect_postgres(url: str, *, readonly: bool) -> PostgresConnection:
    try:
        conn = PostgresConnection(url)
        if readonly:  # as SQLite's mode=ro: a write through this connection fails
            conn.execute("SET default_transaction_read_only = on")
        else:
            migrate(conn)
        return conn
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open the database ({error})", source=_safe(url)) from None


def _safe(url: str) -> str:
    """The address without its password, to show or to name the store by."""
    return re.sub(r"://([^:/@]*):[^@/]*@", r"://\1@", url)


def _open_readonly(path: Path) -> sqlite3.Connection:
    """A connection that only reads. A store in WAL mode needs its -shm file, which SQLite creates beside the
    database: in a folder this user cannot write (a shared archive, a read-only mount) the store is opened as
    immutable instead, which reads it without that file (writes made meanwhile by someone who can write there
    are then not seen until it is opened again)."""
    if not path.exists():
        raise StoreError("no database here; run `elitewatch ingest` first", source=str(path))
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=30, check_same_thread=False)


def generation(conn: Connection) -> tuple[str, int] | None:
    """Which store this is (its file, or its server address) and how many changes it has seen (migration 007:
    documents written or removed, judgements and external ids recorded), read in the connection's snapshot;
    None for a store in memory (nothing tells two of them apart) or one from before that migration opened
    read-only."""
    if isinstance(conn, PostgresConnection):
        where = _safe(conn.url)
    else:
        where = str(conn.execute("PRAGMA database_list").fetchone()[2] or "")
    try:
        row = conn.execute("SELECT value FROM store_generation WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return (where, int(row[0])) if where and row else None


def pending_migrations(conn: Connection) -> list[str]:
    """The names of the migrations this store has not had yet."""
    try:
        applied = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    except sqlite3.OperationalError:  # a new, empty store
        applied = set()
    return [name for number, name, _ in _migrations(dialect(conn)) if number not in applied]


def prepare(path: Path | str) -> None:
    """Make the store at `path` ready to be read: created and migrated when needed; a store already up to date
    is only read (it may sit in a folder this user cannot write)."""
    if str(path) != ":memory:" and not is_url(path) and Path(path).exists():
        conn = connect(path, readonly=True)
        try:
            if not pending_migrations(conn):
                return
        finally:
            conn.close()
    connect(path).close()


def migrate(conn: Connection) -> None:
    """Apply the migrations not yet applied, each with its record in one transaction, under a write lock:
    two processes opening a new store at once, or a crash mid-way, leave it whole."""
    if isinstance(conn, PostgresConnection):
        _migrate_postgres(conn)
        return
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    conn.commit()
    for number, name, sql in _migrations():
        if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (number,)).fetchone():
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (number,)).fetchone():
                conn.rollback()  # another process applied it while this one waited
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, datetime('now'))",
                (number, name),
            )
            conn.commit()
        except sqlite3.DatabaseError as error:
            conn.rollback()
            raise StoreError(f"migration {name} failed ({error})") from None


def _migrate_postgres(conn: PostgresConnection) -> None:
    """`migrate` on a PostgreSQL server: the same numbers, each migration in this dialect in one transaction
    (PostgreSQL's DDL is transactional), under an advisory lock."""
    if not pending_migrations(conn):
        return
    conn.script("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)")
    for number, name, sql in _migrations("postgresql"):
        conn.script(f"BEGIN; SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        try:
            if conn.execute("SELECT 1 FROM schema_migrations WHERE version = ?", (number,)).fetchone():
                conn.rollback()
                continue
            conn.script(sql)
            conn.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, to_char(now() AT TIME ZONE "
                "'UTC', 'YYYY-MM-DD HH24:MI:SS'))",
                (number, name),
            )
            conn.commit()
        except sqlite3.DatabaseError as error:
            conn.rollback()
            raise StoreError(f"migration {name} failed ({error})") from None


def _statements(sql: str) -> Iterator[str]:
    """The statements of a migration script, triggers (with their inner semicolons) whole."""
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if pending.strip().strip(";").strip():
                yield pending
            pending = ""
    if pending.strip():
        yield pending


# Connections inside `batch`: their transactions are savepoints of the batch's one.
_BATCHED: set[int] = set()


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """One short write transaction; everything in it lands or nothing does (the sums of the offices a record
    left taken again before it commits: store/offices.py). Inside `batch`, a savepoint: what fails is undone
    and the batch keeps what came before."""
    if id(conn) in _BATCHED:
        conn.execute("SAVEPOINT one")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK TO one")
            conn.execute("RELEASE one")
            raise
        else:
            conn.execute("RELEASE one")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        refresh_offices(conn)
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()


@contextmanager
def batch(conn: Connection) -> Iterator[Connection]:
    """The `transaction`s inside committed as one: one commit for documents written one after another instead
    of one each (each commit writes again the pages they share: indexes, full-text segments). What landed is
    committed even when one of them fails, before the failure goes on. Only for `transaction` blocks: hold it
    while writing what is ready, not while waiting for more (other writers wait for it)."""
    conn.execute("BEGIN IMMEDIATE")
    _BATCHED.add(id(conn))
    try:
        yield conn
    finally:
        _BATCHED.discard(id(conn))
        refresh_offices(conn)
        conn.commit()

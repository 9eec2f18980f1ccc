"""What the code asks of a connection to the store, whichever database holds it: the part of sqlite3's
Connection it uses, which `sqlite3.Connection` and `store.postgres.PostgresConnection` both offer. Rows read
by name and by index (sqlite3.Row, or the PostgreSQL connection's own); errors are sqlite3's DB-API classes
on both, so one `except sqlite3.IntegrityError` serves either. In the base layer: resolve and store, two stages
of one rank, both take connections."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal, Protocol

Dialect = Literal["sqlite", "postgresql"]

URL_SCHEMES = ("postgresql://", "postgres://")


class Cursor(Protocol):
    @property
    def lastrowid(self) -> int | None: ...

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> Cursor: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...

    @property
    def in_transaction(self) -> bool: ...


def dialect(conn: Connection) -> Dialect:
    """Which SQL the connection speaks, for the few statements written twice."""
    return "postgresql" if getattr(conn, "dialect", "sqlite") == "postgresql" else "sqlite"


def is_url(where: Path | str) -> bool:
    """Whether `--db` names a PostgreSQL server (postgresql://…) rather than an SQLite file."""
    return str(where).startswith(URL_SCHEMES)

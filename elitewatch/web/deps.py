"""What the routes depend on: the app's settings, kept on app.state by create_app, and a connection to the
store for each request, read-only unless the request writes: a reading request takes one of the idle read
connections the server process keeps (Readers), a writing one opens its own."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, cast

from fastapi import Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.templating import Jinja2Templates

from elitewatch.dbapi import Connection, is_url
from elitewatch.store import connect
from elitewatch.store.postgres import PostgresConnection
from elitewatch.web.guard import bearer_token, check_token

# Idle read connections a server process keeps: one for each request in flight at most (anyio runs 40 in
# threads at a time); a request finding none idle opens one.
KEPT_READERS = 48
# PostgreSQL's: fewer, as each is a session of the server (100 at most by default) and a team server runs
# several processes.
KEPT_SESSIONS = 8


class Readers:
    """Read-only connections to the store, given to one request at a time and kept open between them: opening
    one cost 0.8 ms of CPU on SQLite (the file's checks, its pragmas, the statements prepared again) and 5 ms
    on PostgreSQL (a new session), twice a request (the kept pages' generation, then the route), about as much
    as a kept page's whole answer. Each statement outside a transaction reads the newest snapshot (SQLite's
    WAL, PostgreSQL's autocommit), so a kept connection sees every write. A kept PostgreSQL session is asked
    whether it still answers before it is given (a restarted server ends them). Not kept: a store in a folder
    this user cannot write, which may be opened immutable (store.db), and then would not see later writes."""

    def __init__(self, db: Path | str, *, size: int | None = None) -> None:
        self.db, self.size = db, size if size is not None else KEPT_SESSIONS if is_url(db) else KEPT_READERS
        self.reuse = is_url(db) or os.access(Path(db).parent, os.W_OK)
        self.idle: list[Connection] = []
        self.lock = threading.Lock()

    def take(self) -> Connection:
        while (idle := self.idle_one()) is not None:
            if not isinstance(idle, PostgresConnection) or idle.alive():
                return idle
            idle.close()
        return open_store(self.db)

    def give(self, conn: Connection) -> None:
        if not self.keep(conn):
            conn.close()

    def idle_one(self) -> Connection | None:
        with self.lock:
            return self.idle.pop() if self.idle else None

    def keep(self, conn: Connection) -> bool:
        """Whether `conn` is kept for the next request (else the caller closes it)."""
        if self.reuse and isinstance(conn, sqlite3.Connection | PostgresConnection) and not conn.in_transaction:
            with self.lock:
                if len(self.idle) < self.size:
                    self.idle.append(conn)
                    return True
        return False


@dataclass(frozen=True)
class WebSettings:
    """create_app's arguments as the routes read them: one per app, at app.state.web."""

    db: Path | str  # an SQLite file or a postgresql:// address
    token: str | None  # None: writing is off
    body_limit: int  # bytes of one request body (guard.WriteGate)
    templates: Jinja2Templates
    narratives: Path | None = None  # a folder of watch-lists; None: the starter list
    readers: Readers = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "readers", Readers(self.db))

    @property
    def writable(self) -> bool:
        return self.token is not None


def settings_of(request: Request) -> WebSettings:
    return cast(WebSettings, request.app.state.web)


async def web_settings(request: Request) -> WebSettings:
    # async: a dependency this small is not worth a hop to the thread pool
    return settings_of(request)


Web = Annotated[WebSettings, Depends(web_settings)]


def open_store(db: Path | str, *, write: bool = False) -> Connection:
    """Every connection the app opens: each request its own, so a store in a read-only folder serves."""
    return connect(db) if write else connect(db, readonly=True)


async def reader(web: Web) -> AsyncIterator[Connection]:
    # async: taking an idle SQLite connection is not worth two hops to the thread pool; opening and closing one
    # (a connection not kept) are, and so is a PostgreSQL session (asked whether it answers, or opened), so as
    # not to hold the event loop
    idle = None if is_url(web.db) else web.readers.idle_one()
    conn = idle if idle is not None else await run_in_threadpool(web.readers.take)
    try:
        yield conn
    finally:
        if not web.readers.keep(conn):
            await run_in_threadpool(conn.close)


def writer(web: Web, authorization: Annotated[str | None, Header()] = None) -> Iterator[Connection]:
    check_token(web.token, bearer_token(authorization))  # the gate checked already; this route needs it anyway
    conn = open_store(web.db, write=True)
    try:
        yield conn
    finally:
        conn.close()


Reader = Annotated[Connection, Depends(reader)]
Writer = Annotated[Connection, Depends(writer)]

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
from elitewatch.web.guard import bearer_token, check_token

# Idle read connections a server process keeps: one for each request in flight at most (anyio runs 40 in
# threads at a time); a request finding none idle opens one.
KEPT_READERS = 48


class Readers:
    """Read-only connections to an SQLite store, given to one request at a time and kept open between them:
    opening one (the file's checks, its pragmas, the statements prepared again) cost 0.8 ms of CPU, twice a
    request (the kept pages' generation, then the route), about as much as a kept page's whole answer. Each
    statement outside a transaction reads the newest snapshot, so a kept connection sees every write. Not
    kept: PostgreSQL's (each its own session, opened as before) and a store in a folder this user cannot
    write, which may be opened immutable (store.db), and then would not see later writes."""

    def __init__(self, db: Path | str, *, size: int = KEPT_READERS) -> None:
        self.db, self.size = db, size
        self.reuse = not is_url(db) and os.access(Path(db).parent, os.W_OK)
        self.idle: list[Connection] = []
        self.lock = threading.Lock()

    def take(self) -> Connection:
        idle = self.idle_one()
        return idle if idle is not None else open_store(self.db)

    def give(self, conn: Connection) -> None:
        if not self.keep(conn):
            conn.close()

    def idle_one(self) -> Connection | None:
        with self.lock:
            return self.idle.pop() if self.idle else None

    def keep(self, conn: Connection) -> bool:
        """Whether `conn` is kept for the next request (else the caller closes it)."""
        if self.reuse and isinstance(conn, sqlite3.Connection) and not conn.in_transaction:
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
    # async: taking an idle connection is not worth two hops to the thread pool; opening and closing one
    # (a PostgreSQL session, a connection not kept) are, so as not to hold the event loop
    idle = web.readers.idle_one()
    conn = idle if idle is not None else await run_in_threadpool(open_store, web.db)
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

"""What the routes depend on: the app's settings, kept on app.state by create_app, and a connection to the
store for each request, read-only unless the request writes."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, cast

from fastapi import Depends, Header, Request
from fastapi.templating import Jinja2Templates

from elitewatch.dbapi import Connection
from elitewatch.store import connect
from elitewatch.web.guard import bearer_token, check_token


@dataclass(frozen=True)
class WebSettings:
    """create_app's arguments as the routes read them: one per app, at app.state.web."""

    db: Path | str  # an SQLite file or a postgresql:// address
    token: str | None  # None: writing is off
    body_limit: int  # bytes of one request body (guard.WriteGate)
    templates: Jinja2Templates
    narratives: Path | None = None  # a folder of watch-lists; None: the starter list

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


def reader(web: Web) -> Iterator[Connection]:
    conn = open_store(web.db)
    try:
        yield conn
    finally:
        conn.close()


def writer(web: Web, authorization: Annotated[str | None, Header()] = None) -> Iterator[Connection]:
    check_token(web.token, bearer_token(authorization))  # the gate checked already; this route needs it anyway
    conn = open_store(web.db, write=True)
    try:
        yield conn
    finally:
        conn.close()


Reader = Annotated[Connection, Depends(reader)]
Writer = Annotated[Connection, Depends(writer)]

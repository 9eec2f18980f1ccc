"""Pages kept while the store is unchanged: a GET that answered 200 is answered again from memory until the
store's generation moves (elitewatch.store.db.generation), and requests for a page being drawn wait for it instead of
drawing it again (under ingest, when every few documents make the kept pages old, twenty readers asking for
the home page at once drew it twenty times).

A page depends only on the store, its address and whether writing is open (the same for every request of one
server), so the address and the generation are the whole key. Errors are never kept, nor a page drawn with a
corpus-wide model of an earlier generation (query/kept.py's kept_recent, while the new one is built behind):
kept, it would show that older model until the next write.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from elitewatch.query.kept import noting_behind
from elitewatch.store.db import generation
from elitewatch.web.deps import Readers

# Pages kept per server process: the home page, searches and the pages people open again (a few hundred kB
# at most each).
KEPT_PAGES = 512
# Answers larger than this are drawn each time (a long document's page): memory goes to many pages, not one.
LARGEST = 2_000_000


class KeptPages:
    def __init__(self, app: ASGIApp, *, readers: Readers) -> None:
        self.app, self.readers = app, readers
        self.pages: OrderedDict[tuple[Any, ...], tuple[list[tuple[bytes, bytes]], bytes]] = OrderedDict()
        self.drawing: dict[tuple[Any, ...], asyncio.Event] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or str(scope["path"]).startswith("/static/")  # files answer conditional requests themselves
            or (now := self._generation()) is None
        ):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""), now)
        while (pending := self.drawing.get(key)) is not None:
            await pending.wait()  # the same page is being drawn: wait for it
        if (kept := self._kept(key)) is not None:
            await _replay(send, *kept)
            return
        self.drawing[key] = asyncio.Event()
        try:
            await self._draw(scope, receive, send, key)
        finally:
            self.drawing.pop(key).set()

    def _generation(self) -> tuple[str, int] | None:
        try:
            conn = self.readers.take()
        except Exception:
            return None  # the route says what is wrong with the store
        try:
            return generation(conn)
        finally:
            self.readers.give(conn)

    def _kept(self, key: tuple[Any, ...]) -> tuple[list[tuple[bytes, bytes]], bytes] | None:
        if key in self.pages:
            self.pages.move_to_end(key)
            return self.pages[key]
        return None

    async def _draw(self, scope: Scope, receive: Receive, send: Send, key: tuple[Any, ...]) -> None:
        status, headers, body = 0, [], bytearray()

        async def keep(message: Message) -> None:
            nonlocal status, headers
            if message["type"] == "http.response.start":
                status, headers = message["status"], list(message.get("headers", []))
            elif message["type"] == "http.response.body" and status == 200 and len(body) <= LARGEST:
                body.extend(message.get("body", b""))
            await send(message)

        with noting_behind() as behind:
            await self.app(scope, receive, keep)
        if status == 200 and len(body) <= LARGEST and not behind:
            self.pages[key] = (headers, bytes(body))
            while len(self.pages) > KEPT_PAGES:
                self.pages.popitem(last=False)


async def _replay(send: Send, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})

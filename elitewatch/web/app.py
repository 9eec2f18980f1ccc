"""The web UI and HTTP API.

Every page is server-rendered (Jinja2, autoescaped: article text is always shown as text) and has a JSON
twin at the same path with ".json" (respond.py). Reading needs nothing. Writing (ingest by upload, merge,
split, review decisions) needs the token set in ELITEWATCH_TOKEN, sent as "Authorization: Bearer …" (or a
form field on the review page), and is off when no token is set; a write without the token is refused
before its body is read, and no request body may pass BODY_LIMIT (guard.py). Every error, the unexpected
too, has one JSON body: {"error": {"status": 404, "message": "…", "source": "…"}}; pages show the same as
HTML (errors.py). Every response carries nosniff, no framing and a content security policy of 'self'.

The routes live in routes/, one module per page group; what they need from here is in app.state.web
(deps.WebSettings), read through FastAPI dependencies.
"""

import os
import socket
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from elitewatch import __version__
from elitewatch.dbapi import is_url
from elitewatch.web import errors
from elitewatch.web.deps import WebSettings
from elitewatch.web.guard import SecurityHeaders, WriteGate
from elitewatch.web.kept import KeptPages
from elitewatch.web.respond import load_templates
from elitewatch.web.routes import (
    api,
    compare,
    contrasts,
    corrections,
    documents,
    echoes,
    entities,
    home,
    indexes,
    intervals,
    narratives,
    network,
    quotes_events,
    review,
)

HERE = Path(__file__).parent
HEALTHCHECK_S = 60  # seconds a server process may take to answer its supervisor's ping
BODY_LIMIT = 25_000_000  # bytes of one request: a few uploads of up to uploads.UPLOAD_LIMIT each

# Matched in this order, and listed so in the OpenAPI schema and on /docs (the order of the single app before).
ROUTERS = (
    home, indexes, entities, documents, quotes_events, intervals, network, narratives, echoes, compare, contrasts,
    review, corrections,
    api,
)  # fmt: skip


def create_app(
    db: Path | str, token: str | None = None, *, body_limit: int = BODY_LIMIT, narratives: Path | None = None
) -> FastAPI:
    """The application over the store at `db`; `token` (else none) opens writing; `narratives`, a folder of
    watch-lists (else the starter list), is what /narratives watches. Nothing is opened here: each request
    takes a read-only connection (deps.Readers) unless it writes, so a store in a read-only folder serves."""
    app = FastAPI(
        title="elitewatch",
        version=__version__,
        description="Offices, events and quotes read from the news, with their sources.",
        docs_url=None,  # Swagger UI loads its script from a CDN: /docs is a page of ours instead
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    web = WebSettings(
        db=db if is_url(db) else Path(db),
        token=token,
        body_limit=body_limit,
        templates=load_templates(HERE / "templates"),
        narratives=narratives,
    )
    app.state.web = web
    pages = errors.ErrorPages(web.templates)
    errors.install(app, pages)
    app.add_middleware(KeptPages, readers=web.readers)  # innermost: it keeps what the routes drew, without the headers
    app.add_middleware(WriteGate, token=web.token, body_limit=web.body_limit, reject=pages.reject)
    app.add_middleware(SecurityHeaders)  # outermost: the gate's refusals carry the headers too
    for group in ROUTERS:
        app.include_router(group.router)
    return app


def app_from_environment() -> FastAPI:
    """The application `elitewatch serve --workers N` starts in each of its server processes: the store from
    ELITEWATCH_DB, writing opened by ELITEWATCH_TOKEN, the watch-lists from ELITEWATCH_NARRATIVES (uvicorn
    imports this factory by name in each)."""
    narratives = os.environ.get("ELITEWATCH_NARRATIVES")
    return create_app(
        os.environ["ELITEWATCH_DB"],
        os.environ.get("ELITEWATCH_TOKEN") or None,
        narratives=Path(narratives) if narratives else None,
    )


def serve(db: Path | str, *, host: str, port: int, processes: int, narratives: Path | None = None) -> None:
    """Serve the store at `db` from `processes` server processes (Python answers one request at a time in
    each, so a server with more than one reader wants one per core), writing opened by ELITEWATCH_TOKEN."""
    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ["ELITEWATCH_DB"] = str(db) if is_url(db) else str(Path(db).resolve())
    if narratives is not None:
        os.environ["ELITEWATCH_NARRATIVES"] = str(narratives.resolve())
    config = uvicorn.Config(
        "elitewatch.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=processes,
        log_level="warning",
        # the supervisor kills a process that does not answer its ping in time: at uvicorn's 5 s, a process
        # building a corpus-wide model on a busy machine (load 20 on 2 cores) was killed with the requests
        # it held ("Server disconnected"), then built the model again
        timeout_worker_healthcheck=HEALTHCHECK_S,
    )
    if processes == 1:
        uvicorn.Server(config).run()
        return
    listening = config.bind_socket()
    # asyncio turns Nagle's algorithm off only on sockets it made itself: without this, each answer of a
    # worker waited for the client's delayed acknowledgement (40 ms a request, measured)
    listening.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    Multiprocess(config, sockets=[listening]).run()

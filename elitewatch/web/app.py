"""The web UI and HTTP API.

Every page is server-rendered (Jinja2, autoescaped: article text is always shown as text) and has a JSON
twin at the same path with ".json". Reading needs nothing. Writing (ingest by upload, merge, split, review
decisions) needs the token set in ELITEWATCH_TOKEN, sent as "Authorization: Bearer …" (or a form field on
the review page), and is off when no token is set. Every error has one JSON body:
{"error": {"status": 404, "message": "…", "source": "…"}}; pages show the same as HTML.
"""

import hmac
import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Header, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from elitewatch import __version__
from elitewatch.errors import AccessError, ElitewatchError, InputError, NotFoundError, StoreError
from elitewatch.extract.events import EVENT_TYPES
from elitewatch.query import find_entities, search_documents, search_events, search_quotes
from elitewatch.query.pages import compare, document_view, home
from elitewatch.query.queries import entity_profile
from elitewatch.store import connect
from elitewatch.web.render import document_html
from elitewatch.web.timeline import career_chart, month_bars

HERE = Path(__file__).parent
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
UPLOAD_LIMIT = 5_000_000  # bytes of one uploaded file
PAGE_ROWS = 200  # quotes, events and documents shown on an entity page (the newest)


_TokenField = Annotated[str, Form(alias="token")]


class MergeRequest(BaseModel):
    a: str
    b: str
    type: str | None = None


class SplitRequest(BaseModel):
    entity: str
    alias: str
    type: str | None = None


def create_app(db: Path | str, token: str | None = None) -> FastAPI:
    """The application over the store at `db`; `token` (else none) opens writing."""
    app = FastAPI(
        title="elitewatch",
        version=__version__,
        description="Offices, events and quotes read from the news, with their sources.",
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["event_types"] = EVENT_TYPES
    db_path = Path(db)

    def reader() -> Iterator[sqlite3.Connection]:
        conn = connect(db_path, readonly=True)
        try:
            yield conn
        finally:
            conn.close()

    Reader = Annotated[sqlite3.Connection, Depends(reader)]

    def writer(authorization: Annotated[str | None, Header()] = None) -> Iterator[sqlite3.Connection]:
        _check_token(token, (authorization or "").removeprefix("Bearer ").strip())
        conn = connect(db_path)
        try:
            yield conn
        finally:
            conn.close()

    Writer = Annotated[sqlite3.Connection, Depends(writer)]

    def respond(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse(data)
        return templates.TemplateResponse(request, template, {**data, **extra, "writable": token is not None})

    # errors ----------------------------------------------------------------------------------

    def error_response(request: Request, status: int, message: str, source: str | None = None) -> Response:
        body = {"error": {"status": status, "message": message, "source": source}}
        wants_html = not (request.url.path.endswith(".json") or request.url.path.startswith(("/api", "/openapi")))
        if wants_html and "text/html" in request.headers.get("accept", ""):
            return templates.TemplateResponse(request, "error.html", body["error"], status_code=status)
        return JSONResponse(body, status_code=status)

    @app.exception_handler(ElitewatchError)
    async def on_error(request: Request, error: ElitewatchError) -> Response:
        return error_response(request, _status(error), error.message, error.source)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(request, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return error_response(request, 422, f"{where}: {first.get('msg', 'invalid request')}", where)

    # pages -----------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/index.json", summary="The corpus at a glance")
    def index(request: Request, conn: Reader) -> Response:
        data = home(conn)
        return respond(request, "home.html", data, months=month_bars(data["by_month"]))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/search.json", summary="Documents, quotes and entities matching words")
    def search(request: Request, conn: Reader, q: Annotated[str, Query(max_length=500)] = "") -> Response:
        data: dict[str, Any] = {"q": q, "documents": [], "quotes": [], "entities": []}
        if q.strip():
            data["documents"] = search_documents(conn, q, limit=30)
            data["quotes"] = search_quotes(conn, text=q, limit=30)
            data["entities"] = find_entities(conn, q)[:20]
        return respond(request, "search.html", data)

    @app.get("/person", include_in_schema=False)
    @app.get("/person.json", summary="The entity a name means (any spelling, any script)")
    def person_by_name(request: Request, conn: Reader, name: Annotated[str, Query(min_length=1)]) -> Response:
        matches = find_entities(conn, name, type="person") or find_entities(conn, name)
        if not matches:
            raise NotFoundError("no entity by that name", source=name)
        suffix = ".json" if request.url.path.endswith(".json") else ""
        return RedirectResponse(f"/entity/{matches[0]['id']}{suffix}", status_code=303)

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/entity/{entity_id}.json", summary="One person, organization or place")
    def entity(request: Request, conn: Reader, entity_id: int) -> Response:
        data = entity_profile(conn, entity_id, limit=PAGE_ROWS, sentences=False)
        chart = career_chart([(data["name"], data["offices"])], _latest(conn))
        return respond(request, "entity.html", data, chart=chart)

    @app.get("/document/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/document/{doc_id}.json", summary="One document with its mentions, quotes, offices and events")
    def document(
        request: Request,
        conn: Reader,
        doc_id: str,
        s: Annotated[int | None, Query(ge=0, description="Start of a passage to highlight")] = None,
        e: Annotated[int | None, Query(ge=0, description="Its end")] = None,
    ) -> Response:
        data = document_view(conn, doc_id)
        if request.url.path.endswith(".json"):
            return JSONResponse(data)
        marks = [(q["start"], q["end"], f"q{q['id']}", "quote") for q in data["quotes"]]
        if s is not None and e is not None and s < e:
            marks.insert(0, (s, e, "hl", "highlight"))
        body = document_html(data["text"], data["mentions"], marks)
        return respond(request, "document.html", data, body=body)

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/quotes.json", summary="Quotes by words, speaker, date range and language")
    def quotes(
        request: Request,
        conn: Reader,
        q: Annotated[str, Query(max_length=500)] = "",
        speaker: Annotated[str, Query(max_length=200)] = "",
        since: Annotated[str, Query(alias="from", pattern=DATE_PATTERN + "|^$")] = "",
        until: Annotated[str, Query(alias="to", pattern=DATE_PATTERN + "|^$")] = "",
        language: Annotated[str, Query(pattern=r"^(en|ru|kk|)$")] = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> Response:
        found = search_quotes(
            conn,
            text=q or None,
            speaker=speaker or None,
            since=since or None,
            until=until or None,
            language=language or None,
            limit=limit,
        )
        form = {"q": q, "speaker": speaker, "from": since, "to": until, "language": language}
        return respond(request, "quotes.html", {"filters": form, "quotes": found})

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/events.json", summary="Events by type, person, place and date range")
    def events(
        request: Request,
        conn: Reader,
        type: Annotated[str, Query(max_length=40)] = "",
        person: Annotated[str, Query(max_length=200)] = "",
        place: Annotated[str, Query(max_length=200)] = "",
        since: Annotated[str, Query(alias="from", pattern=DATE_PATTERN + "|^$")] = "",
        until: Annotated[str, Query(alias="to", pattern=DATE_PATTERN + "|^$")] = "",
        limit: Annotated[int, Query(ge=1, le=2000)] = 300,
    ) -> Response:
        if type and type not in EVENT_TYPES:
            raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=type)
        found = search_events(
            conn,
            type=type or None,
            person=person or None,
            place=place or None,
            since=since or None,
            until=until or None,
            limit=limit,
        )
        form = {"type": type, "person": person, "place": place, "from": since, "to": until}
        return respond(request, "events.html", {"filters": form, "events": found})

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/compare.json", summary="Two people side by side")
    def compare_page(
        request: Request,
        conn: Reader,
        a: Annotated[str, Query(max_length=200)] = "",
        b: Annotated[str, Query(max_length=200)] = "",
    ) -> Response:
        data: dict[str, Any] = {"query": {"a": a, "b": b}, "comparison": None}
        extra: dict[str, Any] = {}
        if a and b:
            first, second = _person(conn, a), _person(conn, b)
            comparison = compare(conn, first, second)
            data["comparison"] = comparison
            lanes = [(comparison["a"]["name"], comparison["a"]["offices"])]
            lanes.append((comparison["b"]["name"], comparison["b"]["offices"]))
            extra["chart"] = career_chart(lanes, _latest(conn))
        return respond(request, "compare.html", data, **extra)

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/review.json", summary="The pairs of entities the resolver was unsure of")
    def review(request: Request, conn: Reader) -> Response:
        from elitewatch.resolve.resolver import review_candidates

        return respond(request, "review.html", {"pairs": review_candidates(conn)})

    @app.post("/review/{number}", include_in_schema=False)
    def review_form(
        number: int, decision: Annotated[str, Form(pattern="^(accept|reject)$")], token_field: _TokenField
    ) -> Response:
        """The review page's buttons: the token comes as a form field."""
        _check_token(token, token_field)
        _decide(db_path, number, decision == "accept")
        return RedirectResponse("/review", status_code=303)

    # API: writes ------------------------------------------------------------------------------

    @app.post("/api/merge", summary="Say two entities are one (needs the token)")
    def api_merge(request: MergeRequest, conn: Writer) -> dict[str, Any]:
        from elitewatch.resolve.resolver import merge_named
        from elitewatch.store.db import transaction

        with transaction(conn):
            kept = merge_named(conn, request.a, request.b, request.type)
        return {"merged": dict(kept)}

    @app.post("/api/split", summary="Take a name out of an entity (needs the token)")
    def api_split(request: SplitRequest, conn: Writer) -> dict[str, Any]:
        from elitewatch.resolve.resolver import split_named
        from elitewatch.store.db import transaction

        with transaction(conn):
            found = split_named(conn, request.entity, request.alias, request.type)
        return {"split": request.alias, "from": dict(found)}

    @app.post("/api/review/{number}", summary="Accept or reject a pair from the review (needs the token)")
    def api_review(number: int, decision: Annotated[str, Query(pattern="^(accept|reject)$")], conn: Writer) -> Any:
        from elitewatch.resolve.resolver import decide_candidate
        from elitewatch.store.db import transaction

        with transaction(conn):
            return {"decided": decide_candidate(conn, number, decision == "accept"), "decision": decision}

    @app.post("/api/ingest", summary="Ingest uploaded files (needs the token)")
    def api_ingest(files: Annotated[list[UploadFile], File()], conn: Writer) -> dict[str, Any]:
        from elitewatch.pipeline import ingest
        from elitewatch.settings import Settings

        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for upload in files:
                name = Path(upload.filename or "upload.txt").name
                content = upload.file.read(UPLOAD_LIMIT + 1)
                if len(content) > UPLOAD_LIMIT:
                    raise InputError(f"over the upload limit of {UPLOAD_LIMIT} bytes", source=name)
                (Path(folder) / name).write_bytes(content)
                paths.append(str(Path(folder) / name))
            report = ingest(conn, paths, Settings())
        return {
            "added": report.added,
            "replaced": report.replaced,
            "unchanged": report.unchanged,
            "refused": [{"source": source, "reason": reason} for source, reason in report.refused],
        }

    return app


def _status(error: ElitewatchError) -> int:
    if isinstance(error, AccessError):
        return 403 if error.off else 401
    if isinstance(error, NotFoundError):
        return 404
    if isinstance(error, StoreError):
        return 503
    return 400


def _check_token(expected: str | None, given: str) -> None:
    if expected is None:
        raise AccessError("writing is off: start the server with ELITEWATCH_TOKEN set", off=True)
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise AccessError("a valid token is needed to write", off=False)


def _decide(db: Path, number: int, accept: bool) -> None:
    from elitewatch.resolve.resolver import decide_candidate
    from elitewatch.store.db import transaction

    conn = connect(db)
    try:
        with transaction(conn):
            decide_candidate(conn, number, accept)
    finally:
        conn.close()


def _person(conn: sqlite3.Connection, name: str) -> int:
    if name.isdigit():
        return int(name)
    matches = find_entities(conn, name, type="person")
    if not matches:
        raise NotFoundError("no person by that name", source=name)
    return int(matches[0]["id"])


def _latest(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT MAX(published) FROM documents").fetchone()
    return str(row[0] or date.today().isoformat())

"""The web UI and HTTP API.

Every page is server-rendered (Jinja2, autoescaped: article text is always shown as text) and has a JSON
twin at the same path with ".json". Reading needs nothing. Writing (ingest by upload, merge, split, review
decisions) needs the token set in ELITEWATCH_TOKEN, sent as "Authorization: Bearer …" (or a form field on
the review page), and is off when no token is set; a write without the token is refused before its body
is read, and no request body may pass BODY_LIMIT (guard.py). Every error, the unexpected too, has one
JSON body: {"error": {"status": 404, "message": "…", "source": "…"}}; pages show the same as HTML
(errors.py). Every response carries nosniff, no framing and a content security policy of 'self'.
"""

import sqlite3
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, File, Form, Header, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from elitewatch import __version__
from elitewatch.errors import InputError, NotFoundError
from elitewatch.extract.events import EVENT_TYPES
from elitewatch.query import find_entities, search_documents, search_events, search_quotes
from elitewatch.query.pages import compare, document_view, home
from elitewatch.query.queries import entity_profile
from elitewatch.store import connect
from elitewatch.web import errors, uploads
from elitewatch.web.guard import SecurityHeaders, WriteGate, bearer_token, check_token
from elitewatch.web.render import document_html
from elitewatch.web.timeline import career_chart, month_bars

HERE = Path(__file__).parent
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
BODY_LIMIT = 25_000_000  # bytes of one request: a few uploads of up to uploads.UPLOAD_LIMIT each
PAGE_ROWS = 200  # quotes, events and documents shown on an entity page (the newest)
ROW_IDS = range(1, 2**63)  # what an SQLite rowid can be: a larger number overflows the driver


_TokenField = Annotated[str, Form(alias="token")]


class MergeRequest(BaseModel):
    a: str
    b: str
    type: str | None = None


class SplitRequest(BaseModel):
    entity: str
    alias: str
    type: str | None = None


def create_app(db: Path | str, token: str | None = None, *, body_limit: int = BODY_LIMIT) -> FastAPI:
    """The application over the store at `db`; `token` (else none) opens writing. Nothing is opened here:
    each request opens its own connection, read-only unless it writes, so a store in a read-only folder
    serves."""
    app = FastAPI(
        title="elitewatch",
        version=__version__,
        description="Offices, events and quotes read from the news, with their sources.",
        docs_url=None,  # Swagger UI loads its script from a CDN: /docs is a page of ours instead
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["event_types"] = EVENT_TYPES
    templates.env.globals["twin_href"] = twin_href
    db_path = Path(db)
    pages = errors.ErrorPages(templates)
    errors.install(app, pages)
    app.add_middleware(WriteGate, token=token, body_limit=body_limit, reject=pages.reject)
    app.add_middleware(SecurityHeaders)  # outermost: the gate's refusals carry the headers too

    def reader() -> Iterator[sqlite3.Connection]:
        conn = connect(db_path, readonly=True)
        try:
            yield conn
        finally:
            conn.close()

    Reader = Annotated[sqlite3.Connection, Depends(reader)]

    def writer(authorization: Annotated[str | None, Header()] = None) -> Iterator[sqlite3.Connection]:
        check_token(token, bearer_token(authorization))  # the gate checked already; this route needs it anyway
        conn = connect(db_path)
        try:
            yield conn
        finally:
            conn.close()

    Writer = Annotated[sqlite3.Connection, Depends(writer)]

    def respond(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
        if wants_json(request):
            return JSONResponse(data)
        return page(request, template, data, **extra)

    def page(request: Request, template: str, data: dict[str, Any], **extra: Any) -> Response:
        return templates.TemplateResponse(request, template, {**data, **extra, "writable": token is not None})

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
        suffix = ".json" if wants_json(request) else ""
        return RedirectResponse(f"/entity/{matches[0]['id']}{suffix}", status_code=303)

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/entity/{entity_id}.json", summary="One person, organization or place")
    def entity(request: Request, conn: Reader, entity_id: int) -> Response:
        data = entity_profile(conn, _row_id(entity_id, "no entity with this id"), limit=PAGE_ROWS, sentences=False)
        chart = career_chart([(data["name"], data["offices"])], _latest(conn))
        return respond(request, "entity.html", data, chart=chart)

    # An id may hold "/" (a JSONL record's "id": "news/2024/01/story"): the path converter takes it whole.
    # The .json route is registered first (decorators apply bottom up), so ".json" ends the id only there.
    @app.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/document/{doc_id:path}.json", summary="One document with its mentions, quotes, offices and events")
    def document(
        request: Request,
        conn: Reader,
        doc_id: str,
        s: Annotated[int | None, Query(ge=0, description="Start of a passage to highlight")] = None,
        e: Annotated[int | None, Query(ge=0, description="Its end")] = None,
    ) -> Response:
        data, as_json = _document_or_page(conn, doc_id, wants_json(request))
        if as_json:
            return JSONResponse(data)
        marks = [(q["start"], q["end"], f"q{q['id']}", "quote") for q in data["quotes"]]
        if s is not None and e is not None and s < e:
            marks.insert(0, (s, e, "hl", "highlight"))
        body = document_html(data["text"], data["mentions"], marks)
        return page(request, "document.html", data, body=body)

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
        check_token(token, token_field)
        _decide(db_path, _row_id(number, "no such pair to review"), decision == "accept")
        return RedirectResponse("/review", status_code=303)

    # API: writes ------------------------------------------------------------------------------

    @app.post("/api/merge", summary="Say two entities are one (needs the token)")
    def api_merge(request: MergeRequest, conn: Writer) -> dict[str, Any]:
        from elitewatch.resolve.resolver import merge_named
        from elitewatch.store.db import transaction

        with transaction(conn):
            kept = merge_named(conn, _name_or_id(request.a), _name_or_id(request.b), request.type)
        return {"merged": dict(kept)}

    @app.post("/api/split", summary="Take a name out of an entity (needs the token)")
    def api_split(request: SplitRequest, conn: Writer) -> dict[str, Any]:
        from elitewatch.resolve.resolver import split_named
        from elitewatch.store.db import transaction

        with transaction(conn):
            found = split_named(conn, _name_or_id(request.entity), request.alias, request.type)
        return {"split": request.alias, "from": dict(found)}

    @app.post("/api/review/{number}", summary="Accept or reject a pair from the review (needs the token)")
    def api_review(number: int, decision: Annotated[str, Query(pattern="^(accept|reject)$")], conn: Writer) -> Any:
        from elitewatch.resolve.resolver import decide_candidate
        from elitewatch.store.db import transaction

        pair = _row_id(number, "no such pair to review")
        with transaction(conn):
            return {"decided": decide_candidate(conn, pair, decision == "accept"), "decision": decision}

    @app.post("/api/ingest", summary="Ingest uploaded files (needs the token)")
    def api_ingest(files: Annotated[list[UploadFile], File()], conn: Writer) -> dict[str, Any]:
        """Two files of one name are both ingested, the second as NAME-2 (listed under "renamed");
        refusals name the files as uploaded."""
        from elitewatch.pipeline import ingest
        from elitewatch.settings import Settings

        with tempfile.TemporaryDirectory(prefix="elitewatch-upload-") as folder:
            saved = uploads.save(Path(folder), [(upload.filename, upload.file) for upload in files])
            report = ingest(conn, saved.inputs(), Settings())
            return uploads.report_json(saved, report)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> Response:
        return templates.TemplateResponse(request, "api.html", {"routes": api_routes(app.openapi())})

    return app


def wants_json(request: Request) -> bool:
    """A JSON twin's path ends in ".json"; the path as sent, decoded (request.url re-parses it, and a "?"
    in a document id would end it there)."""
    return str(request.scope["path"]).endswith(".json")


def twin_href(request: Request) -> str:
    """The link to a page's JSON twin, the path quoted again (a document id may hold "?", "#" or "%")."""
    path = request.scope["path"]
    href = "/index.json" if path == "/" else quote(path) + ".json"
    return f"{href}?{request.url.query}" if request.url.query else href


def api_routes(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """The /docs page's rows: method, path, summary and parameters of each route in the OpenAPI schema."""
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            parameters = [p["name"] for p in operation.get("parameters", [])]
            rows.append(
                dict(method=method.upper(), path=path, summary=operation.get("summary", ""), parameters=parameters)
            )
    return rows


def _row_id(number: int, missing: str) -> int:
    if number not in ROW_IDS:
        raise NotFoundError(missing, source=str(number))
    return number


def _name_or_id(text: str) -> str:
    """A name, or an id that can be one: "²" (a digit to str.isdigit, not to int) and ids past SQLite's
    range are refused here, not in the driver."""
    if text.isdigit() and not (text.isascii() and len(text) < 20 and int(text) in ROW_IDS):
        raise NotFoundError("no entity with this id", source=text)
    return text


def _document_or_page(conn: sqlite3.Connection, doc_id: str, as_json: bool) -> tuple[dict[str, Any], bool]:
    """The document and whether to answer JSON. "/document/x.json" asks for the twin of "x", but when
    there is no "x" and an id itself ends in ".json", it is that document's page."""
    try:
        return document_view(conn, doc_id), as_json
    except NotFoundError:
        if not as_json:
            raise
        try:
            return document_view(conn, doc_id + ".json"), False
        except NotFoundError:
            raise NotFoundError("no document with this id", source=doc_id) from None


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
    if _name_or_id(name).isdigit():
        return int(name)
    matches = find_entities(conn, name, type="person")
    if not matches:
        raise NotFoundError("no person by that name", source=name)
    return int(matches[0]["id"])


def _latest(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT MAX(published) FROM documents").fetchone()
    return str(row[0] or date.today().isoformat())

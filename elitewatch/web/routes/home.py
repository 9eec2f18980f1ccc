"""The corpus at a glance, search over everything, and the page that lists the API."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.query import find_entities, search_documents, search_events, search_quotes
from elitewatch.query.pages import home
from elitewatch.web.deps import Reader, Web
from elitewatch.web.respond import respond
from elitewatch.web.timeline import month_bars

router = APIRouter()


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get("/index.json", summary="The corpus at a glance")
def index(request: Request, conn: Reader) -> Response:
    data = home(conn)
    return respond(request, "home.html", data, months=month_bars(data["by_month"]))


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
@router.get("/search.json", summary="Entities, events, quotes and documents matching words or a name")
def search(request: Request, conn: Reader, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    """Words are searched in the texts and quotes; a name in any spelling finds its entity, the entity's
    events and quotes, and every document naming it, each opening at the hit."""
    data: dict[str, Any] = {"q": q, "documents": [], "quotes": [], "entities": [], "events": []}
    if q.strip():
        data["entities"] = find_entities(conn, q)[:20]
        data["documents"] = search_documents(conn, q, limit=50)
        quotes = search_quotes(conn, text=q, limit=30)
        for entity in data["entities"][:3]:
            quotes += [found for found in search_quotes(conn, speaker_id=entity["id"], limit=30) if found not in quotes]
            data["events"] += search_events(conn, participant_id=entity["id"], limit=50)
        data["quotes"] = quotes[:60]
        data["events"] = list({event["id"]: event for event in data["events"]}.values())
    return respond(request, "search.html", data)


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request, web: Web) -> Response:
    return web.templates.TemplateResponse(request, "api.html", {"routes": api_routes(request.app.openapi())})


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

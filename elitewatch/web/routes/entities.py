"""A person, organization or place: found by any of its names, or shown by id with its career."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from elitewatch.dbapi import Connection
from elitewatch.errors import NotFoundError
from elitewatch.query import find_entities
from elitewatch.query.echoes import echoes
from elitewatch.query.queries import entity_profile
from elitewatch.web.deps import Reader
from elitewatch.web.ids import row_id
from elitewatch.web.respond import respond, wants_json
from elitewatch.web.timeline import career_chart

ECHOES_SHOWN = 20  # phrases of a person's quotes that others' quotes share
PAGE_ROWS = 50  # quotes, claims, events and documents shown on an entity page (the newest); the lists have the rest

router = APIRouter()


@router.get("/person", include_in_schema=False)
@router.get("/person.json", summary="The entity a name means (any spelling, any script)")
def person_by_name(request: Request, conn: Reader, name: Annotated[str, Query(min_length=1)]) -> Response:
    matches = find_entities(conn, name, type="person") or find_entities(conn, name)
    if not matches:
        raise NotFoundError("no entity by that name", source=name)
    suffix = ".json" if wants_json(request) else ""
    return RedirectResponse(f"/entity/{matches[0]['id']}{suffix}", status_code=303)


@router.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
@router.get("/entity/{entity_id}.json", summary="One person, organization or place")
def entity(request: Request, conn: Reader, entity_id: int) -> Response:
    entity_id = row_id(entity_id, "no entity with this id")
    data = entity_profile(conn, entity_id, limit=PAGE_ROWS, sentences=False, records=False)
    if data["type"] == "person":
        data["echoes"] = echoes(conn, speaker_id=data["id"], limit=ECHOES_SHOWN, recent=True)["echoes"]
    if wants_json(request):
        return respond(request, "entity.html", data)  # the chart is the page's alone
    chart = career_chart([(data["name"], data["offices"])], latest(conn))
    return respond(request, "entity.html", data, chart=chart, rows=PAGE_ROWS)


def latest(conn: Connection) -> str:
    """Where a career chart ends: the newest document's date (an office with no known end runs to it)."""
    row = conn.execute("SELECT MAX(published) FROM documents").fetchone()
    return str(row[0] or date.today().isoformat())

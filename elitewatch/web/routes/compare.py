"""Two people side by side: their careers on one chart, and where they met."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.dbapi import Connection
from elitewatch.errors import NotFoundError
from elitewatch.query import find_entities
from elitewatch.query.pages import compare
from elitewatch.web.deps import Reader
from elitewatch.web.ids import name_or_id
from elitewatch.web.respond import respond
from elitewatch.web.routes.entities import latest
from elitewatch.web.timeline import career_chart

router = APIRouter()


@router.get("/compare", response_class=HTMLResponse, include_in_schema=False)
@router.get("/compare.json", summary="Two people side by side")
def compare_page(
    request: Request,
    conn: Reader,
    a: Annotated[str, Query(max_length=200)] = "",
    b: Annotated[str, Query(max_length=200)] = "",
    topic: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    data: dict[str, Any] = {"query": {"a": a, "b": b, "topic": topic}, "comparison": None}
    extra: dict[str, Any] = {}
    if a and b:
        comparison = compare(conn, person(conn, a), person(conn, b), topic=topic or None)
        data["comparison"] = comparison
        lanes = [(comparison["a"]["name"], comparison["a"]["offices"])]
        lanes.append((comparison["b"]["name"], comparison["b"]["offices"]))
        extra["chart"] = career_chart(lanes, latest(conn))
    return respond(request, "compare.html", data, **extra)


def person(conn: Connection, name: str) -> int:
    """The person an id or a name means (the best match)."""
    if name_or_id(name).isdigit():
        return int(name)
    matches = find_entities(conn, name, type="person")
    if not matches:
        raise NotFoundError("no person by that name", source=name)
    return int(matches[0]["id"])

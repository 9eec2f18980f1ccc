"""Who met whom: the network page, its JSON twin and the graph as GEXF (Gephi) or GraphML."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.errors import InputError
from elitewatch.extract.events import EVENT_TYPES
from elitewatch.query.network import TOGETHER, gexf, graphml, network
from elitewatch.web.deps import Reader
from elitewatch.web.graph import draw, edge_anchor
from elitewatch.web.respond import respond
from elitewatch.web.routes.quotes_events import Since, Until

router = APIRouter()
DOWNLOADS = {"gexf": (gexf, "application/gexf+xml"), "graphml": (graphml, "application/graphml+xml")}


def _data(conn: Reader, type: list[str], since: str, until: str, person: str, country: str) -> dict[str, Any]:
    unknown = [t for t in type if t not in EVENT_TYPES]
    if unknown:
        raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=unknown[0])
    return network(
        conn,
        types=tuple(type) or TOGETHER,
        since=since or None,
        until=until or None,
        person=person or None,
        country=country or None,
    )


TypeFilter = Annotated[list[str], Query(max_length=12)]
Words = Annotated[str, Query(max_length=200)]


@router.get("/network", response_class=HTMLResponse, include_in_schema=False)
@router.get("/network.json", summary="Who met whom: people, and the events they took part in together")
def who_met_whom(
    request: Request,
    conn: Reader,
    type: TypeFilter = [],  # noqa: B006 (FastAPI reads the default; it is never changed)
    since: Since = "",
    until: Until = "",
    person: Words = "",
    country: Words = "",
) -> Response:
    data = _data(conn, type, since, until, person, country)
    return respond(request, "network.html", data, drawing=draw(data), edge_anchor=edge_anchor, together=TOGETHER)


@router.get("/network.{format}", summary="Who met whom as GEXF (Gephi) or GraphML")
def download(
    conn: Reader,
    format: str,
    type: TypeFilter = [],  # noqa: B006
    since: Since = "",
    until: Until = "",
    person: Words = "",
    country: Words = "",
) -> Response:
    if format not in DOWNLOADS:
        raise InputError("the network downloads as .gexf or .graphml", source=format)
    write, media = DOWNLOADS[format]
    body = write(_data(conn, type, since, until, person, country))
    disposition = f'attachment; filename="elitewatch-network.{format}"'
    return Response(body, media_type=media, headers={"Content-Disposition": disposition})

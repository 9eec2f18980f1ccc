"""Waits between two events of one person (appointment → credentials, taking office → leaving it), compared."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.errors import InputError
from elitewatch.extract.events import EVENT_TYPES
from elitewatch.query.intervals import intervals as waits
from elitewatch.web.deps import Reader
from elitewatch.web.respond import respond
from elitewatch.web.timeline import wait_chart

router = APIRouter()


@router.get("/intervals", response_class=HTMLResponse, include_in_schema=False)
@router.get("/intervals.json", summary="How long each person waited from one event to the next")
def intervals(
    request: Request,
    conn: Reader,
    from_type: Annotated[str, Query(alias="from_type", max_length=40)] = "appointment",
    to_type: Annotated[str, Query(alias="to_type", max_length=40)] = "credentials",
    role: Annotated[str, Query(max_length=200)] = "",
    country: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    for value in (from_type, to_type):
        if value not in EVENT_TYPES:
            raise InputError(f"unknown event type; use one of {', '.join(EVENT_TYPES)}", source=value)
    data = waits(conn, from_type, to_type, role=role or None, country=country or None)
    return respond(request, "intervals.html", data, chart=wait_chart(data["intervals"]))

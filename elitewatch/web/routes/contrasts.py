"""One speaker over time: a phrase's first and last use, and statements that may point opposite ways."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.query.contrasts import opposite_statements, phrase_history
from elitewatch.web.deps import Reader
from elitewatch.web.respond import respond
from elitewatch.web.routes.compare import person

router = APIRouter()


@router.get("/contrasts", response_class=HTMLResponse, include_in_schema=False)
@router.get("/contrasts.json", summary="A speaker's statements that may point opposite ways; a phrase over time")
def contrasts(
    request: Request,
    conn: Reader,
    speaker: Annotated[str, Query(max_length=200)] = "",
    phrase: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    data: dict[str, Any] = {"speaker": speaker, "phrase": None, "candidates": []}
    if speaker:
        data["candidates"] = opposite_statements(conn, person(conn, speaker))
        if phrase:
            data["phrase"] = phrase_history(conn, speaker, phrase)
    return respond(request, "contrasts.html", data, asked=phrase)

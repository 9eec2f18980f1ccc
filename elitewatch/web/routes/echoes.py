"""Echoes: phrases one speaker's quotes share with another's, and English close paraphrases, who said it first."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.query.echoes import echoes
from elitewatch.web.deps import Reader
from elitewatch.web.respond import respond

router = APIRouter()


@router.get("/echoes", response_class=HTMLResponse, include_in_schema=False)
@router.get(
    "/echoes.json", summary="Phrases one speaker's quotes share with another's, and close paraphrases, who said it first"
)
def shared_phrases(
    request: Request,
    conn: Reader,
    speaker: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
    paraphrases: bool = True,
) -> Response:
    return respond(
        request, "echoes.html", echoes(conn, speaker=speaker or None, limit=limit, paraphrases=paraphrases)
    )

"""Narratives as watch-lists: who took up which narrative's phrases, when first, and how often by month."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.query.narratives import load_watch_lists, narratives
from elitewatch.web.deps import Reader
from elitewatch.web.respond import respond, settings_of

router = APIRouter()


@router.get("/narratives", response_class=HTMLResponse, include_in_schema=False)
@router.get("/narratives.json", summary="Who uses the phrases of each narrative of the watch-list, and since when")
def taken_up(request: Request, conn: Reader, speaker: Annotated[str, Query(max_length=200)] = "") -> Response:
    folder: Path | None = settings_of(request).narratives
    data = narratives(conn, load_watch_lists(folder), speaker=speaker or None)
    return respond(request, "narratives.html", data)

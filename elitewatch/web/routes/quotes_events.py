"""Quotes and events, each filtered by words or type, people, places and a date range."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.errors import InputError
from elitewatch.extract.events import EVENT_TYPES
from elitewatch.query import search_claims, search_events, search_quotes
from elitewatch.web.deps import Reader
from elitewatch.web.respond import respond

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# The date range both lists take: ?from=2019&to=2023-12 (a year, a month or a day; empty for none).
Since = Annotated[str, Query(alias="from", pattern=DATE_PATTERN + "|^$")]
Until = Annotated[str, Query(alias="to", pattern=DATE_PATTERN + "|^$")]

router = APIRouter()


@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
@router.get("/quotes.json", summary="Quotes by words, speaker, date range and language")
def quotes(
    request: Request,
    conn: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
    speaker: Annotated[str, Query(max_length=200)] = "",
    since: Since = "",
    until: Until = "",
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


@router.get("/claims", response_class=HTMLResponse, include_in_schema=False)
@router.get("/claims.json", summary="Claims by words, source, the entity they are about and date range")
def claims(
    request: Request,
    conn: Reader,
    q: Annotated[str, Query(max_length=500)] = "",
    source: Annotated[str, Query(max_length=200)] = "",
    about: Annotated[str, Query(max_length=200)] = "",
    since: Since = "",
    until: Until = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> Response:
    found = search_claims(
        conn,
        text=q or None,
        source=source or None,
        about=about or None,
        since=since or None,
        until=until or None,
        limit=limit,
    )
    form = {"q": q, "source": source, "about": about, "from": since, "to": until}
    return respond(request, "claims.html", {"filters": form, "claims": found})


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
@router.get("/events.json", summary="Events by type, person, place and date range")
def events(
    request: Request,
    conn: Reader,
    type: Annotated[str, Query(max_length=40)] = "",
    person: Annotated[str, Query(max_length=200)] = "",
    place: Annotated[str, Query(max_length=200)] = "",
    since: Since = "",
    until: Until = "",
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

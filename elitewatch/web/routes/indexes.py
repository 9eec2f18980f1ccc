"""The indexes of every document and every entity: filters, sorting and pages."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from elitewatch.query.indexes import DOCUMENT_SORTS, ENTITY_SORTS, PER_PAGE, document_index, entity_index
from elitewatch.web.deps import Reader
from elitewatch.web.respond import respond
from elitewatch.web.routes.quotes_events import Since, Until

router = APIRouter()
Page = Annotated[int, Query(ge=1, le=100_000)]
Per = Annotated[int, Query(ge=1, le=500)]
Descending = Annotated[bool, Query(description="Largest or newest first")]


@router.get("/documents", response_class=HTMLResponse, include_in_schema=False)
@router.get("/documents.json", summary="Every document: by language, date and words of its title, in pages")
def documents(
    request: Request,
    conn: Reader,
    language: Annotated[str, Query(pattern=r"^[a-z]{0,3}$")] = "",
    since: Since = "",
    until: Until = "",
    q: Annotated[str, Query(max_length=200)] = "",
    undated: bool = False,
    sort: Annotated[str, Query(pattern="^(" + "|".join(DOCUMENT_SORTS) + ")$")] = "published",
    desc: Descending = True,
    page: Page = 1,
    per: Per = PER_PAGE,
) -> Response:
    data = document_index(
        conn,
        language=language or None,
        since=since or None,
        until=until or None,
        words=q or None,
        undated=undated,
        sort=sort,
        descending=desc,
        page=page,
        per=per,
    )
    return respond(request, "documents.html", data, sorts=list(DOCUMENT_SORTS))


@router.get("/entities", response_class=HTMLResponse, include_in_schema=False)
@router.get("/entities.json", summary="Every person, organization and place: by type and name, in pages")
def entities(
    request: Request,
    conn: Reader,
    type: Annotated[str, Query(pattern="^(person|organization|place|)$")] = "",
    name: Annotated[str, Query(max_length=200)] = "",
    sort: Annotated[str, Query(pattern="^(" + "|".join(ENTITY_SORTS) + ")$")] = "mentions",
    desc: Descending = True,
    page: Page = 1,
    per: Per = PER_PAGE,
) -> Response:
    data = entity_index(conn, type=type or None, name=name or None, sort=sort, descending=desc, page=page, per=per)
    return respond(request, "entities.html", data, sorts=list(ENTITY_SORTS))

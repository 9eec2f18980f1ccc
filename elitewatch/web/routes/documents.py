"""One document: its text with the mentions linked and the quotes marked, and its facts."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from elitewatch.dbapi import Connection
from elitewatch.errors import NotFoundError
from elitewatch.query.pages import document_view
from elitewatch.web.deps import Reader
from elitewatch.web.render import document_html
from elitewatch.web.respond import page, wants_json

router = APIRouter()


# An id may hold "/" (a JSONL record's "id": "news/2024/01/story"): the path converter takes it whole.
# The .json route is registered first (decorators apply bottom up), so ".json" ends the id only there.
@router.get("/document/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
@router.get("/document/{doc_id:path}.json", summary="One document with its mentions, quotes, offices and events")
def document(
    request: Request,
    conn: Reader,
    doc_id: str,
    s: Annotated[int | None, Query(ge=0, description="Start of a passage to highlight")] = None,
    e: Annotated[int | None, Query(ge=0, description="Its end")] = None,
) -> Response:
    data, as_json = document_or_page(conn, doc_id, wants_json(request))
    if as_json:
        return JSONResponse(data)
    marks = [(q["start"], q["end"], f"q{q['id']}", "quote") for q in data["quotes"]]
    if s is not None and e is not None and s < e:
        marks.insert(0, (s, e, "hl", "highlight"))
    body = document_html(data["text"], data["mentions"], marks)
    return page(request, "document.html", data, body=body)


def document_or_page(conn: Connection, doc_id: str, as_json: bool) -> tuple[dict[str, Any], bool]:
    """The document and whether to answer JSON. "/document/x.json" asks for the twin of "x", but when
    there is no "x" and an id itself ends in ".json", it is that document's page."""
    try:
        return document_view(conn, doc_id), as_json
    except NotFoundError:
        if not as_json:
            raise
        try:
            return document_view(conn, doc_id + ".json"), False
        except NotFoundError:
            raise NotFoundError("no document with this id", source=doc_id) from None

"""The pairs the resolver was unsure of, and the page's buttons that decide one (the token in the form)."""

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from elitewatch.resolve.judgements import decide_candidate, list_judgements, review_candidates
from elitewatch.store.db import transaction
from elitewatch.web.deps import Reader, Web, open_store
from elitewatch.web.guard import check_token
from elitewatch.web.ids import row_id
from elitewatch.web.respond import respond

_TokenField = Annotated[str, Form(alias="token")]

router = APIRouter()


@router.get("/review", response_class=HTMLResponse, include_in_schema=False)
@router.get("/review.json", summary="The pairs of entities the resolver was unsure of, and the judgements made")
def review(request: Request, conn: Reader) -> Response:
    return respond(request, "review.html", {"pairs": review_candidates(conn), "judgements": list_judgements(conn)})


@router.post("/review/{number}", include_in_schema=False)
def review_form(
    number: int,
    decision: Annotated[str, Form(pattern="^(accept|reject|unsure)$")],
    token_field: _TokenField,
    web: Web,
    who: Annotated[str, Form(max_length=200)] = "web",
) -> Response:
    """The review page's buttons: the token comes as a form field, who decides as another."""
    check_token(web.token, token_field)
    decide(web.db, row_id(number, "no such pair to review"), decision, who.strip() or "web")
    return RedirectResponse("/review", status_code=303)


def decide(db: Path | str, number: int, decision: str, who: str) -> None:
    """A connection of its own, opened after the token is checked (Writer wants it in a header)."""
    conn = open_store(db, write=True)
    try:
        with transaction(conn):
            decide_candidate(conn, number, decision, by=who)
    finally:
        conn.close()

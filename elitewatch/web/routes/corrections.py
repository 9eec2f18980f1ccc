"""Corrections of facts: the write API (the token in the header) and the document page's forms (the token
in the form), each with who, when and why."""

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel

from elitewatch.errors import InputError
from elitewatch.store.corrections import KINDS, corrections_of, record_correction
from elitewatch.store.db import transaction
from elitewatch.web.deps import Reader, Web, Writer, open_store
from elitewatch.web.guard import check_token
from elitewatch.web.ids import row_id
from elitewatch.web.respond import respond

router = APIRouter()
Text = Annotated[str, Form(max_length=500)]


class CorrectionRequest(BaseModel):
    who: str
    why: str | None = None
    speaker: str | None = None
    role: str | None = None
    org: str | None = None
    start: str | None = None
    end: str | None = None
    type: str | None = None
    date: str | None = None
    participants: list[str] | None = None


class RejectionRequest(BaseModel):
    who: str
    why: str | None = None


def _kind(kind: str) -> str:
    if kind not in KINDS:
        raise InputError(f"unknown kind of fact; use one of {', '.join(KINDS)}", source=kind)
    return kind


@router.post("/api/correct/{kind}/{fact_id}", summary="Correct a quote, office or event (needs the token)")
def api_correct(kind: str, fact_id: int, request: CorrectionRequest, conn: Writer) -> dict[str, Any]:
    fields = request.model_dump(exclude={"who", "why"}, exclude_none=True)
    with transaction(conn):
        made = record_correction(
            conn, _kind(kind), row_id(fact_id, f"no {kind} with this id"), fields=fields, who=request.who,
            why=request.why,
        )  # fmt: skip
    return {"correction": made}


@router.post("/api/reject/{kind}/{fact_id}", summary="Reject a quote, office or event (needs the token)")
def api_reject(kind: str, fact_id: int, request: RejectionRequest, conn: Writer) -> dict[str, Any]:
    with transaction(conn):
        made = record_correction(
            conn, _kind(kind), row_id(fact_id, f"no {kind} with this id"), reject=True, who=request.who,
            why=request.why,
        )  # fmt: skip
    return {"correction": made}


@router.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
@router.get("/corrections.json", summary="Every correction and rejection, with who, when and why")
def corrections(request: Request, conn: Reader) -> Response:
    return respond(request, "corrections.html", {"corrections": corrections_of(conn)})


@router.post("/correct/{kind}/{fact_id}", include_in_schema=False)
def correct_form(
    kind: str,
    fact_id: int,
    web: Web,
    token_field: Annotated[str, Form(alias="token")],
    who: Text,
    action: Annotated[str, Form(pattern="^(correct|reject)$")] = "correct",
    why: Text = "",
    speaker: Text = "",
    role: Text = "",
    org: Text = "",
    start: Text = "",
    end: Text = "",
    type: Text = "",
    date: Text = "",
    participants: Text = "",
) -> Response:
    """The document page's forms: the token comes as a form field; back to the document at the fact."""
    check_token(web.token, token_field)
    names = [name.strip() for name in participants.split(";") if name.strip()]
    fields = {"speaker": speaker, "role": role, "org": org, "start": start, "end": end, "type": type, "date": date}
    fields = {key: value for key, value in fields.items() if value}
    made = _record(
        web.db, _kind(kind), row_id(fact_id, f"no {kind} with this id"),
        fields={**fields, **({"participants": names} if names else {})}, reject=action == "reject", who=who,
        why=why or None,
    )  # fmt: skip
    where = f"/document/{quote(made['doc_id'], safe='/')}?s={made['anchor_start']}&e={made['anchor_end']}#hl"
    return RedirectResponse(where, status_code=303)


def _record(
    db: Path | str, kind: str, fact_id: int, *, fields: dict[str, Any], reject: bool, who: str, why: str | None
) -> dict[str, Any]:
    """A connection of its own, opened after the token is checked (Writer wants it in a header)."""
    conn = open_store(db, write=True)
    try:
        with transaction(conn):
            return record_correction(conn, kind, fact_id, fields=fields, reject=reject, who=who, why=why)
    finally:
        conn.close()

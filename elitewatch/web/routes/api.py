"""The write API, each call behind the token: merge, split, a review decision, ingest by upload."""

import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, UploadFile
from pydantic import BaseModel

from elitewatch.pipeline import ingest
from elitewatch.resolve.judgements import decide_candidate, merge_named, split_named
from elitewatch.settings import Settings
from elitewatch.store.db import transaction
from elitewatch.web import uploads
from elitewatch.web.deps import Writer
from elitewatch.web.ids import name_or_id, row_id

router = APIRouter()


class MergeRequest(BaseModel):
    a: str
    b: str
    type: str | None = None
    who: str = "web"
    why: str | None = None


class SplitRequest(BaseModel):
    entity: str
    alias: str
    type: str | None = None
    who: str = "web"
    why: str | None = None


@router.post("/api/merge", summary="Say two entities are one (needs the token)")
def api_merge(request: MergeRequest, conn: Writer) -> dict[str, Any]:
    with transaction(conn):
        kept = merge_named(
            conn, name_or_id(request.a), name_or_id(request.b), request.type, by=request.who, why=request.why
        )
    return {"merged": dict(kept)}


@router.post("/api/split", summary="Take a name out of an entity (needs the token)")
def api_split(request: SplitRequest, conn: Writer) -> dict[str, Any]:
    with transaction(conn):
        found = split_named(
            conn, name_or_id(request.entity), request.alias, request.type, by=request.who, why=request.why
        )
    return {"split": request.alias, "from": dict(found)}


@router.post("/api/review/{number}", summary="Accept, reject or mark unsure a pair from the review (needs the token)")
def api_review(
    number: int,
    decision: Annotated[str, Query(pattern="^(accept|reject|unsure)$")],
    conn: Writer,
    who: Annotated[str, Query(max_length=200)] = "web",
    why: Annotated[str | None, Query(max_length=2000)] = None,
) -> Any:
    pair = row_id(number, "no such pair to review")
    with transaction(conn):
        return {"decided": decide_candidate(conn, pair, decision, by=who, why=why), "decision": decision}


@router.post("/api/ingest", summary="Ingest uploaded files (needs the token)")
def api_ingest(files: Annotated[list[UploadFile], File()], conn: Writer) -> dict[str, Any]:
    """Two files of one name are both ingested, the second as NAME-2 (listed under "renamed");
    refusals name the files as uploaded."""
    with tempfile.TemporaryDirectory(prefix="elitewatch-upload-") as folder:
        saved = uploads.save(Path(folder), [(upload.filename, upload.file) for upload in files])
        report = ingest(conn, saved.inputs(), Settings())
        return uploads.report_json(saved, report)

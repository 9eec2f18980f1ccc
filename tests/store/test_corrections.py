"""Corrections that stick: kept by the fact's words and place, applied again after re-ingestion, winning
over extraction, carried by the export; on a text written for the test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.errors import InputError, NotFoundError
from elitewatch.store import connect
from elitewatch.store.corrections import record_correction
from elitewatch.store.db import transaction
from elitewatch.web.app import create_app

TEXT = (
    "Kassym-Jomart Tokayev met Vladimir Putin in Moscow on April 3, 2019. "
    '"Our ties are stronger than ever," Putin said after the talks. '
    "Putin also met Shavkat Mirziyoyev in Sochi on April 4, 2019. "
    "Tokayev was elected President of Kazakhstan on June 9, 2019.\n"
)
CHANGED = "An update was added at the top of the article.\n\n" + TEXT.replace("after the talks", "after their talks")


def ingest(folder: Path, db: Path, text: str) -> None:
    (folder / "talks.txt").write_text(text, encoding="utf-8")
    (folder / "talks.meta.json").write_text(json.dumps({"published": "2019-06-10"}))
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output


def exported(db: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["export", "--db", str(db)])
    return [json.loads(line) for line in result.output.splitlines()]


def only(records: list[dict[str, Any]], kind: str, **match: Any) -> dict[str, Any]:
    [found] = [r for r in records if r["kind"] == kind and all(r.get(k) == v for k, v in match.items())]
    return found


@pytest.fixture()
def store(tmp_path: Path, new_store) -> tuple[Path, Path]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "texts"
    folder.mkdir()
    db = new_store("c.db")
    ingest(folder, db, TEXT)
    return folder, db


def test_corrections_survive_re_ingestion_of_a_changed_document(store: tuple[Path, Path]) -> None:
    folder, db = store
    records = exported(db)
    names = {r["id"]: r["name"] for r in records if r["kind"] == "entity"}
    quote = only(records, "quote", text="Our ties are stronger than ever")
    office = only(records, "position", role="President of Kazakhstan")
    sochi = only(records, "event", date="2019-04-04")
    runner = CliRunner()
    for args in (
        ["correct", "quote", str(quote["id"]), "--speaker", "Kassym-Jomart Tokayev", "--why", "misheard"],
        ["correct", "position", str(office["id"]), "--start", "2019-06-12", "--who", "ana"],
        ["reject", "event", str(sochi["id"]), "--why", "not in the article", "--who", "ana"],
    ):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, result.output

    ingest(folder, db, CHANGED)  # every offset moves; the quote's sentence changed elsewhere
    records = exported(db)
    names = {r["id"]: r["name"] for r in records if r["kind"] == "entity"}
    quote = only(records, "quote", text="Our ties are stronger than ever")
    assert names[quote["speaker"]] == "Kassym-Jomart Tokayev"
    assert quote["correction"]["why"] == "misheard" and quote["correction"]["fields"] == {
        "speaker": "Kassym-Jomart Tokayev"
    }
    assert CHANGED[quote["start"] : quote["end"]].startswith("Our ties")  # the new offsets
    office = only(records, "position", role="President of Kazakhstan")
    assert office["start"] == "2019-06-12" and office["correction"]["who"] == "ana"
    assert not [r for r in records if r["kind"] == "event" and r["date"] == "2019-04-04"]
    assert [r for r in records if r["kind"] == "event" and r["date"] == "2019-04-03"]  # the other stays
    decided = [r for r in records if r["kind"] == "correction"]
    assert [(c["fact"], c["action"]) for c in decided] == [("quote", "correct"), ("position", "correct"),
                                                            ("event", "reject")]  # fmt: skip
    assert all(r["id"] for r in records if r["kind"] in ("quote", "position", "event"))


def test_bad_corrections_are_refused_and_change_nothing(store: tuple[Path, Path]) -> None:
    _, db = store
    before = exported(db)
    quote = only(before, "quote", text="Our ties are stronger than ever")
    conn = connect(db)
    try:
        with pytest.raises(NotFoundError, match="no entity"), transaction(conn):
            record_correction(conn, "quote", quote["id"], fields={"speaker": "Nobody Known"}, who="ana")
        with pytest.raises(InputError, match="dates"), transaction(conn):
            record_correction(conn, "event", 1, fields={"date": "2019-13"}, who="ana")
        with pytest.raises(InputError, match="has no"), transaction(conn):
            record_correction(conn, "quote", quote["id"], fields={"date": "2019-04-03"}, who="ana")
        with pytest.raises(NotFoundError), transaction(conn):
            record_correction(conn, "event", 10_000, reject=True, who="ana")
        with pytest.raises(InputError, match="not a type"), transaction(conn):
            record_correction(conn, "event", 1, fields={"type": "party"}, who="ana")
    finally:
        conn.close()
    assert exported(db) == before


def test_the_api_and_the_document_page_correct_with_the_token(store: tuple[Path, Path]) -> None:
    _, db = store
    records = exported(db)
    quote = only(records, "quote", text="Our ties are stronger than ever")
    event = only(records, "event", date="2019-04-03")
    client = TestClient(create_app(db, token="s3cret"))
    body = {"who": "ana", "why": "the photo caption", "participants": ["Kassym-Jomart Tokayev"]}
    assert client.post(f"/api/correct/event/{event['id']}", json=body).status_code == 401
    answer = client.post(
        f"/api/correct/event/{event['id']}", json=body, headers={"Authorization": "Bearer s3cret"}
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["correction"]["fields"] == {"participants": ["Kassym-Jomart Tokayev"]}
    page = client.get("/document/talks").text
    assert f'action="/correct/quote/{quote["id"]}"' in page and "the photo caption" in page
    form = {"token": "s3cret", "who": "ben", "action": "reject", "why": "not a quote"}
    moved = client.post(f"/correct/quote/{quote['id']}", data=form, follow_redirects=False)
    assert moved.status_code == 303 and moved.headers["location"].startswith("/document/talks?s=")
    assert client.post(f"/correct/quote/{quote['id']}", data={**form, "token": "wrong"}).status_code == 401
    after = exported(db)
    assert not [r for r in after if r["kind"] == "quote"]
    assert only(after, "event", date="2019-04-03")["participants"] == [
        next(r["id"] for r in after if r["kind"] == "entity" and r["name"] == "Kassym-Jomart Tokayev")
    ]
    listed = client.get("/corrections.json").json()["corrections"]
    assert [(c["kind"], c["action"], c["who"]) for c in listed] == [("event", "correct", "ana"), ("quote", "reject", "ben")]

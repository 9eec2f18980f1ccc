"""Quotes of unnamed speakers for an organization: stored with it, shown on its page, exported with it."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query.queries import find_entities, search_quotes
from elitewatch.store import connect
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles

ARTICLES = {
    "fleet": (
        "2025-03-04",
        "Vostok Airlines ordered twelve jets.\n\n“The new fleet will arrive in spring,” a Vostok Airlines spokeswoman"
        " said.",
    )
}


def test_the_organization_has_the_quotes_of_its_unnamed_speakers(backend: str, tmp_path: Path) -> None:
    db = ingest_articles(tmp_path, ARTICLES, backend=backend)
    conn = connect(db, readonly=True)
    try:
        [airline] = [e for e in find_entities(conn, "Vostok Airlines") if e["type"] == "organization"]
        [quote] = search_quotes(conn, speaker_id=airline["id"])
    finally:
        conn.close()
    assert (quote["speaker_id"], quote["speaker_stated"], quote["speaks_for"]) == (
        None,
        "a Vostok Airlines spokeswoman",
        "Vostok Airlines",
    )
    page = TestClient(create_app(db)).get(f"/entity/{airline['id']}")
    assert "a Vostok Airlines spokeswoman" in page.text and "The new fleet will arrive in spring" in page.text
    records = [json.loads(line) for line in CliRunner().invoke(app, ["export", "--db", str(db)]).output.splitlines()]
    [exported] = [r for r in records if r["kind"] == "quote"]
    assert (exported["speaker"], exported["speaks_for"]) == (None, airline["id"])

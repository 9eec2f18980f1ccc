"""`elitewatch export`: JSON Lines as gold/FORMAT.md, CSV with names, refusals, a reader that stops early."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.cli.conftest import run


def test_export_is_format_md_jsonl(db: Path) -> None:
    result = run("export", "--format", "jsonl", "--db", str(db))
    records = [json.loads(line) for line in result.output.splitlines()]
    kinds = {r["kind"] for r in records}
    assert kinds == {"document", "entity", "quote", "claim", "position", "event"}
    entity_ids = {r["id"] for r in records if r["kind"] == "entity"}
    for quote in (r for r in records if r["kind"] == "quote"):
        assert {"doc", "speaker", "text", "said_on"} <= quote.keys()
        assert quote["speaker"] in entity_ids
    for position in (r for r in records if r["kind"] == "position"):
        assert {"doc", "person", "role", "org", "start", "end", "as_of"} <= position.keys()
        assert position["person"] in entity_ids
    for event in (r for r in records if r["kind"] == "event"):
        assert {"doc", "type", "participants", "date", "place"} <= event.keys()
        assert event["participants"] and set(event["participants"]) <= entity_ids
    assert all(r["published"] for r in records if r["kind"] == "document")  # every sample has a date


def test_export_csv_has_a_header_and_names_instead_of_ids(db: Path) -> None:
    from elitewatch.query.tables import COLUMNS

    for kind, columns in COLUMNS.items():
        result = run("export", "--format", "csv", "--kind", kind, "--db", str(db))
        assert result.exit_code == 0, result.output
        rows = list(csv.DictReader(io.StringIO(result.output)))
        assert rows and tuple(rows[0]) == columns, kind
    positions = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--kind", "positions", "--db", str(db)).output)))
    assert any(row["person"] == "Kassym-Jomart Tokayev" and row["sentence"] for row in positions)
    events = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", "--kind", "events", "--db", str(db)).output)))
    assert any("Vladimir Putin" in row["participants"].split("; ") for row in events)


def test_export_refuses_an_unknown_format_or_kind(db: Path) -> None:
    unknown = run("export", "--format", "csv", "--kind", "rumours", "--db", str(db))
    assert unknown.exit_code == 1 and "rumours" in unknown.output and unknown.output.count("\n") == 1
    assert "document,published" not in unknown.output  # refused before the header
    assert run("export", "--format", "xml", "--db", str(db)).exit_code == 1
    assert run("export", "--kind", "quotes", "--db", str(db)).exit_code == 1  # a kind without csv


def test_export_into_a_reader_that_stops_early_ends_quietly(db: Path) -> None:
    """`elitewatch export | head`: the pipe closes while the export is still writing."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)  # smaller than the export: the writer blocks, then fails
    process = subprocess.Popen(
        [sys.executable, "-m", "elitewatch.cli", "export", "--db", str(db)], stdout=write_end, stderr=subprocess.PIPE
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        assert reader.read(100).startswith(b'{"kind": "document"')
    _, stderr = process.communicate(timeout=120)
    assert stderr == b"" and process.returncode == 0

"""The CLI through Typer's runner: every command documented with an example, errors in one line."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elitewatch.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = run("ingest", str(EXAMPLES), "--db", str(path), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 6" in result.output
    return path


def test_every_command_has_an_example() -> None:
    for command in app.registered_commands:
        assert command.callback is not None
        assert "Example: elitewatch" in (command.callback.__doc__ or ""), command.name


def test_query_commands(db: Path) -> None:
    assert "Kassym-Jomart Tokayev" in run("entities", "--db", str(db)).output
    person = run("person", "Токаев", "--db", str(db))
    assert person.exit_code == 0 and "Kassym-Jomart Tokayev" in person.output and "Токаев" in person.output
    quotes = run("quotes", "--speaker", "Tokaev", "--db", str(db))
    assert "dialogue" in quotes.output
    assert "abayev-credentials" in run("search", "credentials", "--db", str(db)).output
    summary = run("summary", "--db", str(db))
    assert "6 documents" in summary.output and "most quoted" in summary.output


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


def test_person_shows_the_career_as_a_timeline(db: Path) -> None:
    result = run("person", "Tokayev", "--db", str(db), "--json")
    career = json.loads(result.output)["career"]
    assert career, "the sample articles name Tokayev's office"
    assert [row["when"] for row in career] == sorted(row["when"] for row in career)
    assert all(row["sentence"] and row["doc_id"] for row in career)
    offices = json.loads(result.output)["offices"]
    assert sum(office["sources_total"] for office in offices) == len(career)


def test_events_filter_by_type_person_and_dates(db: Path) -> None:
    rows = [json.loads(line) for line in run("events", "--db", str(db), "--json").output.splitlines()]
    assert {"credentials", "visit", "appointment"} <= {r["type"] for r in rows}
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated)
    visits = run(
        "events", "--type", "visit", "--person", "Токаев", "--from", "2019", "--to", "2019-04", "--db", str(db)
    )
    assert visits.exit_code == 0 and "visit: Kassym-Jomart Tokayev" in visits.output and "2019-04" in visits.output
    assert "credentials" not in visits.output
    person = run("person", "Abayev", "--db", str(db), "--json")
    assert any(e["type"] == "credentials" and e["date"] == "2023-12-04" for e in json.loads(person.output)["events"])
    wrong = run("events", "--type", "party", "--db", str(db))
    assert wrong.exit_code == 1 and "press_conference" in wrong.output
    assert run("events", "--from", "last year", "--db", str(db)).exit_code == 1


def test_errors_are_one_line_with_non_zero_exit(tmp_path: Path) -> None:
    missing = run("person", "Nobody", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 1
    assert missing.output.strip().count("\n") == 0 and "none.db" in missing.output
    refused = run("ingest", str(tmp_path / "nothing-here.txt"), "--db", str(tmp_path / "x.db"), "-q")
    assert refused.exit_code == 1 and "nothing-here.txt" in refused.output
    assert "Traceback" not in refused.output


def test_unknown_person_is_a_clear_error(db: Path) -> None:
    result = run("person", "Zzyzx Qwerty", "--db", str(db))
    assert result.exit_code == 1 and "Zzyzx Qwerty" in result.output


def test_ingest_from_standard_input(tmp_path: Path) -> None:
    line = json.dumps({"id": "piped", "text": "“Cooperation is the only way forward for us,” Vladimir Putin said."})
    result = run("ingest", "-", "--db", str(tmp_path / "p.db"), "-q", input=line + "\n")
    assert result.exit_code == 0 and "ingested 1" in result.output


def test_bad_input_matrix_is_reported_with_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("“We will talk again,” Vladimir Putin said in Moscow on Monday.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"%PDF-1.7\x00\x00\x01" * 50)
    (folder / "koi8.txt").write_bytes("Президент Казахстана Касым-Жомарт Токаев прибыл в Москву.".encode("koi8-r"))
    (folder / "broken.html").write_text(
        "<html><body><div><p>Tokayev met Putin in Astana on Monday." * 30, encoding="utf-8"
    )
    (folder / "lines.jsonl").write_text(
        '{"text": "Tokayev spoke in Astana."}\n{"text": \n{"id": "x"}\n', encoding="utf-8"
    )
    (folder / "huge.txt").write_text("word " * 5000, encoding="utf-8")
    (folder / "locked.txt").write_text("Tokayev.", encoding="utf-8")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7 not read")
    (folder / "archive.zip").write_bytes(b"PK\x03\x04")
    (folder / "dated.md").write_text("---\npublished: 2024-13-45\n---\nMishustin visited Minsk.\n", encoding="utf-8")
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)  # root reads anything: an unreadable file is simulated
    db = str(tmp_path / "s.db")
    result = run("ingest", str(folder), str(tmp_path / "missing"), "--db", db, "--max-chars", "10000", "-q")
    assert result.exit_code == 0, result.output
    output = result.output
    for name, reason in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("lines.jsonl:2", "line 2 is not valid JSON"),
        ("lines.jsonl:3", "no text"),
        ("huge.txt", "over the limit"),
        ("locked.txt", "cannot read"),
        ("missing", "no such file"),
    ]:
        assert any(name in line and reason in line for line in output.splitlines()), (name, output)
    # good, koi8, broken.html, lines.jsonl:1 and dated.md (without its date, said as a warning)
    assert "ingested 5 (5 new" in output and "refused 7" in output
    assert any("dated.md" in line and line.startswith("warning:") and "2024-13-45" in line for line in output.splitlines())
    assert "skipped in folders: 2 files of types elitewatch does not read (.pdf 1, .zip 1)" in output
    again = run("ingest", str(folder), "--db", db, "--max-chars", "10000", "-q")
    assert again.exit_code == 0 and "unchanged 5" in again.output  # nothing stored twice
    only_bad = run("ingest", str(folder / "empty.txt"), str(folder / "binary.txt"), "--db", db, "-q")
    assert only_bad.exit_code == 1 and "refused 2" in only_bad.output


def test_hostile_text_is_shown_as_text_in_the_cli(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(
        '---\ntitle: "[bold red]Breaking[/bold red] <script>alert(1)</script>"\npublished: 2024-05-01\n---\n'
        "“[link=javascript:alert(1)]click[/link] and [red]trust us[/red],” Vladimir Putin said on Monday.",
        encoding="utf-8",
    )
    db = str(tmp_path / "s.db")
    assert run("ingest", str(article), "--db", db, "-q").exit_code == 0
    quotes = run("quotes", "--db", db).output
    assert "[link=javascript:alert(1)]click[/link]" in quotes and "[red]trust us[/red]" in quotes
    search = run("search", "trust", "--db", db).output
    assert "[bold red]Breaking[/bold red]" in search or "[red]trust us[/red]" in search
    person = run("person", "Putin", "--db", db).output
    assert "[red]trust us[/red]" in person


def test_text_no_model_reads_is_said_in_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zh.txt").write_text("托卡耶夫总统在阿斯塔纳会见了普京总统。", encoding="utf-8")
    (folder / "en.txt").write_text("Tokayev met Putin in Astana on Monday.", encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(tmp_path / "s.db"), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 2 (2 new" in result.output
    assert "stored without facts: 1 in a script elitewatch cannot analyse (zh 1)" in result.output


def test_serve_answers_from_several_processes(tmp_path: Path, examples_store: Path) -> None:
    import shutil
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    db = tmp_path / "s.db"
    shutil.copy(examples_store, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "elitewatch.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        statuses: list[int] = []
        while time.monotonic() < deadline and len(statuses) < 10:
            try:
                statuses.append(httpx.get(f"http://127.0.0.1:{port}/index.json", timeout=5).status_code)
            except httpx.HTTPError:  # not listening yet
                time.sleep(0.2)
        assert statuses == [200] * 10
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0].decode()
    assert "2 server processes" in output

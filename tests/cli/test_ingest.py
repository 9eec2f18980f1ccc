"""`elitewatch ingest`: standard input, a folder of bad inputs reported one line each, texts no model reads."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.cli.conftest import run


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


def test_text_no_model_reads_is_said_in_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "zh.txt").write_text("托卡耶夫总统在阿斯塔纳会见了普京总统。", encoding="utf-8")
    (folder / "en.txt").write_text("Tokayev met Putin in Astana on Monday.", encoding="utf-8")
    result = run("ingest", str(folder), "--db", str(tmp_path / "s.db"), "-q")
    assert result.exit_code == 0, result.output
    assert "ingested 2 (2 new" in result.output
    assert "stored without facts: 1 in a script elitewatch cannot analyse (zh 1)" in result.output

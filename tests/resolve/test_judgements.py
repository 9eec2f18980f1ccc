"""Judgements as nomenklatura keeps them: positive, negative and unsure, with who, when and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.store import connect, db
from elitewatch.web.app import create_app

ENGLISH = "NASA director Bill Gerstenmaier spoke in Houston with Vladimir Putin on Monday."
RUSSIAN = "Директор НАСА Гернстермайер заявил в Москве, что Владимир Путин согласен."


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def store(tmp_path: Path, new_store: object) -> tuple[Path, str]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "b.txt").write_text(RUSSIAN, encoding="utf-8")
    path = str(new_store("s.db"))  # type: ignore[operator]
    run("ingest", str(folder), "--db", path)
    return folder, path


def the_pair(path: str) -> dict[str, object]:
    pairs = [json.loads(line) for line in run("review", "--db", path, "--json").splitlines()]
    return next(p for p in pairs if "Gerstenmaier" in str(p["a_name"]) + str(p["b_name"]))


def test_unsure_keeps_the_pair_apart_and_to_review_marked_with_who(tmp_path: Path, new_store: object) -> None:
    folder, path = store(tmp_path, new_store)
    pair = the_pair(path)
    run("review", "--db", path, "--unsure", str(pair["number"]), "--who", "ana", "--why", "no photo")
    again = the_pair(path)
    assert again["unsure"] is not None and again["unsure"]["who"] == "ana"  # type: ignore[index]
    assert run("person", "Гернстермайер", "--db", path, "--json").count("Bill Gerstenmaier") == 0
    (folder / "b.txt").write_text(RUSSIAN + " Гернстермайер уехал во вторник.", encoding="utf-8")
    run("ingest", str(folder), "--db", path)
    assert the_pair(path)["unsure"] is not None  # still marked after the documents are analysed again
    [made] = [json.loads(line) for line in run("judgements", "--db", path, "--json").splitlines()]
    assert (made["verdict"], made["kind"], made["who"], made["why"]) == ("unsure", "unsure", "ana", "no photo")
    assert made["when"][:4].isdigit()


def test_a_later_judgement_on_the_pair_replaces_unsure(tmp_path: Path, new_store: object) -> None:
    _, path = store(tmp_path, new_store)
    pair = the_pair(path)
    run("review", "--db", path, "--unsure", str(pair["number"]), "--who", "ana")
    run("review", "--db", path, "--accept", str(the_pair(path)["number"]), "--who", "ben")
    profile = json.loads(run("person", "Гернстермайер", "--db", path, "--json"))
    assert "Bill Gerstenmaier" in profile["aliases"]
    made = [json.loads(line) for line in run("judgements", "--db", path, "--json").splitlines()]
    assert [(m["verdict"], m["who"]) for m in made] == [("positive", "ben")]


def test_merge_and_split_are_positive_and_negative_with_who(tmp_path: Path, new_store: object) -> None:
    _, path = store(tmp_path, new_store)
    run("merge", "Bill Gerstenmaier", "Гернстермайер", "--db", path, "--who", "ana", "--why", "same surname")
    run("split", "Vladimir Putin", "Владимир Путин", "--db", path, "--who", "ben")
    made = [json.loads(line) for line in run("judgements", "--db", path, "--json").splitlines()]
    assert [(m["verdict"], m["kind"], m["who"], m["why"]) for m in made] == [
        ("positive", "merge", "ana", "same surname"),
        ("negative", "split", "ben", None),
    ]
    assert "positive merge" in run("judgements", "--db", path)


def test_the_review_page_decides_unsure_and_lists_the_judgements(tmp_path: Path, new_store: object) -> None:
    _, path = store(tmp_path, new_store)
    pair = the_pair(path)
    client = TestClient(create_app(path, token="s3cret"))
    answer = client.post(
        f"/review/{pair['number']}",
        data={"decision": "unsure", "token": "s3cret", "who": "cleo"},
        follow_redirects=False,
    )
    assert answer.status_code == 303
    page = client.get("/review")
    assert "Looked at by cleo" in page.text and "Judgements made (1)" in page.text
    data = client.get("/review.json").json()
    assert [(j["verdict"], j["who"]) for j in data["judgements"]] == [("unsure", "cleo")]
    refused = client.post(
        f"/api/review/{pair['number']}", params={"decision": "maybe"}, headers={"Authorization": "Bearer s3cret"}
    )
    assert refused.status_code == 422


def test_judgements_made_before_the_migration_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    everything = db._migrations()
    monkeypatch.setattr(db, "_migrations", lambda kind="sqlite": [m for m in everything if m[0] < 14])
    path = tmp_path / "old.db"
    conn = connect(path)
    conn.execute(
        "INSERT INTO judgements (kind, type, a, b, created_at) VALUES ('merge', 'person', 'A B', 'A. B.', '2025-01-02')"
    )
    conn.commit()
    conn.close()
    monkeypatch.setattr(db, "_migrations", lambda kind="sqlite": everything)
    conn = connect(path)
    try:
        rows = [tuple(r) for r in conn.execute("SELECT kind, a, b, created_at, made_by, why FROM judgements")]
        before = conn.execute("SELECT value FROM store_generation").fetchone()[0]
        conn.execute("INSERT INTO judgements (kind, type, a, b, created_at) VALUES ('unsure', 'person', 'C', 'D', 'x')")
        after = conn.execute("SELECT value FROM store_generation").fetchone()[0]
    finally:
        conn.close()
    assert rows == [("merge", "A B", "A. B.", "2025-01-02", "", None)]
    assert after == before + 1  # the rebuilt table still counts the store's changes

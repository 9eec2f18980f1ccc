"""Claims stored, searched, exported and shown on a person's page; on articles written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.web.app import create_app
from tests.helpers import ingest_articles

ARTICLES = {
    "grain": (
        "2024-03-05",
        "Foreign Minister Sergei Lavrov said on March 4 that Russia would not return to the grain deal. "
        "Prime Minister Olzhas Bektenov denied that Kazakhstan had cut its wheat exports to Russia.",
    ),
    "zerno": (
        "2024-03-06",
        "По словам Дмитрия Пескова, Сергей Лавров обсудит зерновую сделку с турецкими коллегами.",
    ),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("claims"), ARTICLES, backend=backend)


def test_claims_by_and_about_a_person_in_any_script(store: Path) -> None:
    client = TestClient(create_app(store))
    lavrov = client.get("/person.json", params={"name": "Лавров"}, follow_redirects=True).json()
    assert [c["text"] for c in lavrov["claims_by"]] == ["Russia would not return to the grain deal"]
    assert lavrov["claims_by"][0]["said_on"] == "2024-03-04"
    about = [(c["source"], c["text"]) for c in lavrov["claims_about"]]
    assert ("Дмитрий Песков", "Сергей Лавров обсудит зерновую сделку с турецкими коллегами") in about
    page = client.get(f"/entity/{lavrov['id']}").text
    assert "Claims by" in page and "зерновую сделку" in page
    denied = client.get("/claims.json", params={"source": "Bektenov"}).json()["claims"]
    assert [(c["polarity"], c["cue"]) for c in denied] == [("deny", "denied")]
    assert client.get("/claims.json", params={"q": "wheat"}).json()["claims"] == denied


def test_claims_in_the_cli_and_the_export(store: Path) -> None:
    listed = CliRunner().invoke(app, ["claims", "--db", str(store), "--about", "Russia"])
    assert listed.exit_code == 0 and "[deny]" in listed.output and "Olzhas Bektenov" in listed.output
    records = [json.loads(line) for line in CliRunner().invoke(app, ["export", "--db", str(store)]).output.splitlines()]
    claims = [r for r in records if r["kind"] == "claim"]
    assert len(claims) == 3 and all({"source", "text", "cue", "said_on", "about", "polarity"} <= c.keys() for c in claims)


def test_a_described_source_is_exported_by_its_words(tmp_path: Path) -> None:
    store = ingest_articles(
        tmp_path,
        {"roads": ("2024-03-07", "Civil rights activists say the new checkpoints are too aggressive. They said more.")},
    )
    records = [json.loads(line) for line in CliRunner().invoke(app, ["export", "--db", str(store)]).output.splitlines()]
    sources = {r["text"]: r["source"] for r in records if r["kind"] == "claim"}
    assert sources == {"the new checkpoints are too aggressive": "Civil rights activists"}

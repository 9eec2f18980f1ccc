"""One speaker over time, on statements written for the test: a phrase's first and last use, and pairs on one
topic that may point opposite ways, offered as candidates."""

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
    "march": (
        "2024-03-02",
        '"We will increase grain exports to China this year," Prime Minister Olzhas Bektenov said on March 1, 2024.',
    ),
    "june": (
        "2024-06-02",
        '"We will reduce grain exports to China this year," Prime Minister Olzhas Bektenov said on June 1, 2024.',
    ),
    "july": (
        "2024-07-02",
        '"The unfriendly countries froze our grain accounts," Prime Minister Olzhas Bektenov said on July 1, 2024.',
    ),
    "august": (
        "2024-08-02",
        '"Unfriendly countries want cheap grain," Prime Minister Olzhas Bektenov said on August 1, 2024.',
    ),
    "other": ("2024-08-03", '"The weather in Astana is fine," Prime Minister Olzhas Bektenov said on August 2, 2024.'),
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    return ingest_articles(tmp_path_factory.mktemp("contrasts"), ARTICLES, backend=backend)


def test_a_phrases_first_and_last_use_and_statements_pointing_opposite_ways(store: Path) -> None:
    result = CliRunner().invoke(
        app, ["contrasts", "Bektenov", "--db", str(store), "--phrase", "unfriendly country", "--json"]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    history = found["phrase"]
    assert [u["date"] for u in history["uses"]] == ["2024-07-01", "2024-08-01"]
    assert history["first"]["date"] == "2024-07-01" and history["last"]["date"] == "2024-08-01"
    [pair] = [p for p in found["candidates"] if p["cue"] == "increase / reduce"]
    assert pair["earlier"]["date"] == "2024-03-01" and pair["later"]["date"] == "2024-06-01"
    assert {"grain", "export", "china"} <= set(pair["topic"])
    assert all("weather" not in p["earlier"]["text"] + p["later"]["text"] for p in found["candidates"])
    page = TestClient(create_app(store)).get(
        "/contrasts", params={"speaker": "Bektenov", "phrase": "unfriendly country"}
    )
    assert page.status_code == 200 and "increase / reduce" in page.text and "first 2024-07-01" in page.text
    assert "asserted as a contradiction" in page.text

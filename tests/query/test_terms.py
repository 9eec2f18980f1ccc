"""Distinctive terms by log-odds with an informative prior, and two speakers compared on a topic."""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.query.terms import log_odds
from elitewatch.web.app import create_app
from tests import pg


def test_a_word_used_at_everyones_rate_scores_near_zero_and_ones_own_word_high() -> None:
    own = Counter({"the": 50, "water": 12, "policy": 5, "other": 33})
    rest = Counter({"the": 500, "railway": 40, "policy": 50, "else": 410})
    scores = log_odds(own, rest, own + rest)
    assert abs(scores["the"]) < 1.0 and abs(scores["policy"]) < 1.0
    assert scores["water"] > 3.0


def test_a_speaker_of_one_word_in_a_corpus_of_one_word_has_a_score() -> None:
    only = Counter({"water": 1})
    scores = log_odds(only, Counter(), only)  # divided by zero before
    assert set(scores) == {"water"} and math.isfinite(scores["water"])
    assert log_odds(Counter({"water": 3}), Counter({"water": 1}), Counter({"water": 4}))["water"] == pytest.approx(0, abs=2)


QUOTES = [
    ("water", "2024-01-10", "President Kassym-Jomart Tokayev", "Water reservoirs and irrigation canals need repair."),
    ("water2", "2024-02-10", "President Kassym-Jomart Tokayev", "Irrigation water for farmers is our priority."),
    ("water3", "2024-03-10", "President Kassym-Jomart Tokayev", "The reservoirs will hold more water next year."),
    ("rail", "2024-01-12", "Prime Minister Olzhas Bektenov", "Railway freight transit through the steppe grows."),
    ("rail2", "2024-02-12", "Prime Minister Olzhas Bektenov", "Freight trains need new railway terminals and water."),
    ("rail3", "2024-03-12", "Prime Minister Olzhas Bektenov", "Transit railway freight brings revenue."),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    folder = tmp_path_factory.mktemp("terms")
    for name, published, speaker, words in QUOTES:
        (folder / f"{name}.txt").write_text(f'"{words}" {speaker} said on {published[:7]}-09.', encoding="utf-8")
        (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}))
    db = pg.new_store(backend, folder / "t.db")
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


def test_two_speakers_own_terms_shared_topics_and_quotes_on_a_topic_in_time(store: Path) -> None:
    client = TestClient(create_app(store))
    found = client.get("/compare.json", params={"a": "Tokayev", "b": "Bektenov", "topic": "water"}).json()
    comparison = found["comparison"]
    assert {"irrigation", "reservoir"} <= {t["term"] for t in comparison["a_terms"][:3]}
    assert {"freight", "railway"} <= {t["term"] for t in comparison["b_terms"][:3]}
    assert not any(t["significant"] for t in comparison["a_terms"])  # two uses in three quotes prove nothing
    assert not {"the", "and", "our"} & {t["term"] for t in comparison["a_terms"] + comparison["b_terms"]}
    assert len(comparison["a_on_topic"]) == 3 and len(comparison["b_on_topic"]) == 1
    days = [q["said_on"] or q["published"] for q in comparison["a_on_topic"]]
    assert days == sorted(days)
    page = client.get("/compare", params={"a": "Tokayev", "b": "Bektenov", "topic": "water"}).text
    assert "irrigation" in page and "On “water”, in time" in page

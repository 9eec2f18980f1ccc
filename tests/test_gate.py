"""Quality gate: extraction measured on ../shared by FORMAT.md's rules, held above floors.

Floors only ever go up. Each is the figure measured when it was set, rounded down; the figure
the issue asks for is noted where the product does not reach it yet.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from elitewatch.cli import app
from tests.conftest import shared_path

pytestmark = pytest.mark.gate

# Seeds (measured 2026-11-22: quotes F1 0.933, entity merge F1 0.973, type accuracy 1.0; issue #4 asks
# merge F1 0.95 and type accuracy 0.90).
SEEDS_QUOTE_F1 = 0.85
SEEDS_MERGE_F1 = 0.95
SEEDS_TYPE_ACCURACY = 0.95
# PolNeAR dev direct quotes: measured 0.705; issue #2 asks 0.70.
POLNEAR_QUOTE_F1 = 0.70
# Offices held (issue #3). Seeds: measured 0.800, the issue asks 0.75. factRuEval dev: measured 0.576, the
# issue asks 0.55.
SEEDS_POSITION_F1 = 0.79
FACTRUEVAL_POSITION_F1 = 0.57
# Typed events (issue #3): seeds measured 0.867, the issue asks 0.70. Dates of matched events: 1.0.
SEEDS_EVENT_F1 = 0.86
SEEDS_EVENT_DATE_ACCURACY = 0.95
SEEDS_QUOTE_DATE_ACCURACY = 0.95
SEEDS_POSITION_DATE_ACCURACY = 0.95  # measured 1.0 (8 of 8 dates)
# Entities across documents (issue 19 asks merge F1 0.80 on BSNLP, 0.70 on NEREL, type accuracy 0.93 on
# both). Measured 2026-12-01: BSNLP dev merge F1 0.760, type accuracy 0.932; NEREL dev merge F1 0.748, type
# accuracy 0.962 (before issue 19: 0.658 / 0.915 and 0.517 / 0.961).
BSNLP_MERGE_F1 = 0.755
BSNLP_TYPE_ACCURACY = 0.925
NEREL_MERGE_F1 = 0.74
NEREL_TYPE_ACCURACY = 0.955


def evaluate(gold: str, corpus: str) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(app, ["eval", gold, "--corpus", corpus, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seeds() -> dict:  # type: ignore[type-arg]
    return evaluate(str(shared_path("gold", "seeds.jsonl")), str(shared_path("corpus", "seeds")))


def test_seeds_quotes(seeds: dict) -> None:  # type: ignore[type-arg]
    assert seeds["quote"]["f1"] >= SEEDS_QUOTE_F1


def test_seeds_entities(seeds: dict) -> None:  # type: ignore[type-arg]
    assert seeds["entity_merge"]["f1"] >= SEEDS_MERGE_F1
    assert seeds["entity_merge"]["type_accuracy"] >= SEEDS_TYPE_ACCURACY


def test_seeds_publication_dates_in_range(seeds: dict) -> None:  # type: ignore[type-arg]
    # No seed has a date in its metadata: all five are inferred from the text (issue #3).
    assert seeds["published"]["scored"] == 5
    assert seeds["published"]["right"] == 5


def test_seeds_positions(seeds: dict) -> None:  # type: ignore[type-arg]
    assert seeds["position"]["f1"] >= SEEDS_POSITION_F1
    assert seeds["position"]["date_accuracy"] >= SEEDS_POSITION_DATE_ACCURACY


def test_seeds_events(seeds: dict) -> None:  # type: ignore[type-arg]
    assert seeds["event"]["f1"] >= SEEDS_EVENT_F1
    assert seeds["event"]["date_accuracy"] >= SEEDS_EVENT_DATE_ACCURACY


def test_seeds_quote_dates(seeds: dict) -> None:  # type: ignore[type-arg]
    # said_on from the attribution, else from the press conference or address the quote was said at
    assert seeds["quote"]["date_accuracy"] >= SEEDS_QUOTE_DATE_ACCURACY


def test_factrueval_positions() -> None:
    scores = evaluate(str(shared_path("dev", "factrueval", "gold.jsonl")), str(shared_path("dev", "factrueval")))
    assert scores["position"]["f1"] >= FACTRUEVAL_POSITION_F1


def test_polnear_direct_quotes() -> None:
    scores = evaluate(str(shared_path("dev", "polnear", "gold.jsonl")), str(shared_path("dev", "polnear")))
    assert scores["quote"]["f1"] >= POLNEAR_QUOTE_F1


def test_bsnlp_entities_across_documents() -> None:
    scores = evaluate(str(shared_path("dev", "bsnlp", "gold.jsonl")), str(shared_path("dev", "bsnlp", "texts")))
    assert scores["entity_merge"]["f1"] >= BSNLP_MERGE_F1
    assert scores["entity_merge"]["type_accuracy"] >= BSNLP_TYPE_ACCURACY


def test_nerel_entities_across_documents() -> None:
    scores = evaluate(str(shared_path("dev", "nerel", "gold.jsonl")), str(shared_path("dev", "nerel", "texts")))
    assert scores["entity_merge"]["f1"] >= NEREL_MERGE_F1
    assert scores["entity_merge"]["type_accuracy"] >= NEREL_TYPE_ACCURACY

"""Gate: name parts matched across scripts on the held-out fifth of ../shared/dev/translit (issue #4)."""

import pytest

from elitewatch.evaluation.translit import held_out, load_pairs, score_translit
from tests.conftest import shared_path

pytestmark = pytest.mark.gate

# Measured 2026-11-22 on the held-out fifth (6,608 pairs): recall 0.9626, false matches 0.0056.
TRANSLIT_RECALL = 0.95
TRANSLIT_FALSE_MATCHES = 0.01


def test_held_out_pairs_match_and_random_non_pairs_do_not() -> None:
    pairs = load_pairs(shared_path("dev", "translit", "wd_russian_20.tsv"))
    result = score_translit(held_out(pairs))
    assert result.pairs > 5000
    assert result.recall >= TRANSLIT_RECALL
    assert result.false_match_rate <= TRANSLIT_FALSE_MATCHES

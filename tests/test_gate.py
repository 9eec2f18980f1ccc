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
# merge F1 0.95 and type accuracy 0.90; issue #17 asks that quotes F1 0.93 hold). Quotes 0.978 (P 1.0, 22 of 23)
# with issue 21 item 3's role holders ("As for the Russian President, he …").
SEEDS_QUOTE_F1 = 0.972
SEEDS_MERGE_F1 = 0.95
SEEDS_TYPE_ACCURACY = 0.95
# PolNeAR dev direct quotes: measured 0.705; issue #2 asks 0.70; measured 0.744 with issue #17's speakers,
# 0.749 with nested marks and signatures after a no-break space.
POLNEAR_QUOTE_F1 = 0.744
# PolNeAR dev direct quotes with every speaker resolved by hand (gold/polnear_strict.jsonl), matched strictly:
# measured 0.915 (issue #17 asks 0.80); 0.918 with nested marks and signatures after a no-break space.
POLNEAR_STRICT_QUOTE_F1 = 0.912
# PolNeAR claims (attributions without quotation marks, gold/polnear_claims.jsonl): measured 0.437 (P 0.505,
# R 0.385) when claims arrived, 0.452 (P 0.548, R 0.385) with issue #17's quotes; issue #22 asks 0.50.
# 0.540 (P 0.639, R 0.467) with described sources exported by their words and relative pronouns resolved;
# 0.5735 (P 0.647, R 0.515) with nouns of saying, passive agents, asides and more verbs of saying as data.
POLNEAR_CLAIM_F1 = 0.568
# Offices held (issue #3). Seeds: measured 0.816 (issue #18's appointer rule), the issue asks 0.75.
# factRuEval dev: measured 0.578 (issue #18 asks 0.68: not reached; the occupations NEREL counts without an
# organization cost factRuEval precision, whose gold has none); 0.595 with stacked titles, acting
# officeholders, posts before their verb, «один из» and «из» complements (30 of its 211 gold offices cannot
# be matched: roles joined with span ids, or empty). NEREL dev (issue #18 asks 0.60): measured
# 0.662, its held-out nerel_dev_* texts (whose gold no role word was taken from) 0.63; 0.678 (P 0.804,
# R 0.586) with the same constructions, the held-out texts 0.636. Stop 17: factRuEval 0.610 (P 0.628, R 0.592)
# with foreign names the parse hangs on their title, graded adjectives, names in a complement, «свой», chained
# roles: NEREL 0.695 (P 0.820, R 0.603; the held-out NEREL texts 0.633 -> 0.654 by the s17 harness).
# Stop 18 (names: two names in one span split by the parse, a name's words in one case, bodies by their head
# noun; «, среди которых»): factRuEval 0.6195 (P 0.638, R 0.602), NEREL 0.700 (P 0.824, R 0.609; the held-out
# nerel_dev_* texts 0.654 -> 0.661 by the s18 harness).
# Stop 19 (genitive plurals in «-ей» under a plural title, plural roles of coordinated subjects, «вице-» keeps
# its own office head, a single-holder office as the subject right after a sentence about one person, «лидер
# страны»): factRuEval 0.6199 (P 0.634, R 0.607), NEREL 0.7016 (P 0.824, R 0.611; its held-out nerel_dev_*
# texts 0.671 before and after by the s19 harness). With factRuEval's span-joined roles split into keywords
# (17 gold records), factRuEval would be 0.658 before, 0.663 after. With stop 19's Russian names merged too:
# NEREL 0.7031. With a Russian role word governing an organization in Latin letters («глава Facebook»):
# factRuEval 0.6232 (P 0.636, R 0.611), NEREL 0.7032; BSNLP type accuracy 0.9399 -> 0.942. A name without its
# middle name joining the longer one (Реджеп Эрдоган): factRuEval 0.6247, NEREL 0.7035, BSNLP merge 0.8156.
# Stop 33 (a time after the role no part of it, "chief executive", an organization the dictionary knows split
# from the name run into it: «лидера Аль-Кайды Усамы бин Ладена»): factRuEval 0.6295 (P 0.644, R 0.616),
# NEREL 0.7036 (P 0.831, R 0.610); BSNLP merge 0.8156, seeds, PolNeAR and TimeML unchanged.
# Stop 35 (the leading office of the person a text is about, «мэра Москвы лично»; roles «в качестве»):
# factRuEval 0.6396 (P 0.644, R 0.635), NEREL 0.7082 (P 0.821, R 0.622); seeds 0.875 held. Then relational
# roles alone dropped, headline lines, inner roles of a chain, names set off at a sentence's end, circumstances
# no organization: factRuEval 0.6475 (P 0.655, R 0.640), NEREL 0.7168 (P 0.826, R 0.633); then roles in their
# gender, the document's organization for a bare role of one: NEREL 0.7180 (P 0.827, R 0.635).
SEEDS_POSITION_F1 = 0.87  # 0.875 (P 0.913, 21 of 25) with issue 21 item 3's place past the phrase (akim … in Atyrau)
FACTRUEVAL_POSITION_F1 = 0.647
NEREL_POSITION_F1 = 0.717
# Typed events (issue #3): seeds measured 0.867, the issue asks 0.70. Dates of matched events: 1.0.
SEEDS_EVENT_F1 = 0.86
SEEDS_EVENT_DATE_ACCURACY = 0.95
SEEDS_QUOTE_DATE_ACCURACY = 0.95
SEEDS_POSITION_DATE_ACCURACY = 0.95  # measured 1.0 (8 of 8 dates)
# TimeML value F1 (issue 20; `elitewatch eval-dates`, relaxed spans and equal values), over DATE and TIME and
# over all four types. Measured 2026-12-01: TimeBank 0.829 / 0.822, AQUAINT 0.802 / 0.792 (before issue 20:
# 0.616 / 0.552 and 0.735 / 0.677; before the second pass: 0.814 / 0.803 and 0.779 / 0.775). The issue asks
# 0.80 over DATE and TIME on both, 0.70 over all types: reached.
TIMEML_FLOORS = {"TimeBank": (0.824, 0.817), "AQUAINT": (0.796, 0.787)}
# Entities across documents (issue 19 asks merge F1 0.80 on BSNLP, 0.70 on NEREL, type accuracy 0.93 on
# both). Measured 2026-12-01 (stop 16): BSNLP dev merge F1 0.805, type accuracy 0.939; NEREL dev merge F1
# 0.758, type accuracy 0.963 (before issue 19: 0.658 / 0.915 and 0.517 / 0.961; stop 15: 0.760 / 0.932 and
# 0.748 / 0.962).
# Stop 17 (abbreviations by initials, compound abbreviations, regional offices): BSNLP 0.808 / 0.938.
# Stop 19 (Russian names: nominatives checked against case endings and the document's forms, initials and
# patronymics joined): BSNLP 0.815 / 0.940, NEREL 0.769 / 0.964.
BSNLP_MERGE_F1 = 0.810
BSNLP_TYPE_ACCURACY = 0.935  # stop 18: 0.940 (bodies by their head noun), merge 0.808 held
NEREL_MERGE_F1 = 0.764  # stop 17: 0.766, type accuracy 0.963; stop 18: 0.767 / 0.964
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


def test_polnear_strict_speakers() -> None:
    scores = evaluate(str(shared_path("gold", "polnear_strict.jsonl")), str(shared_path("dev", "polnear", "texts")))
    assert scores["quote"]["f1"] >= POLNEAR_STRICT_QUOTE_F1


@pytest.fixture(scope="module")
def nerel() -> dict:  # type: ignore[type-arg]
    """NEREL dev scored once for every test of it: 840 texts, the slowest evaluation of the gate."""
    return evaluate(str(shared_path("dev", "nerel", "gold.jsonl")), str(shared_path("dev", "nerel", "texts")))


def test_nerel_positions(nerel: dict) -> None:  # type: ignore[type-arg]
    assert nerel["position"]["f1"] >= NEREL_POSITION_F1


def test_polnear_direct_quotes() -> None:
    scores = evaluate(str(shared_path("dev", "polnear", "gold.jsonl")), str(shared_path("dev", "polnear")))
    assert scores["quote"]["f1"] >= POLNEAR_QUOTE_F1


def test_polnear_claims() -> None:
    scores = evaluate(str(shared_path("gold", "polnear_claims.jsonl")), str(shared_path("dev", "polnear", "texts")))
    assert scores["claim"]["f1"] >= POLNEAR_CLAIM_F1


@pytest.mark.parametrize("corpus", sorted(TIMEML_FLOORS))
def test_timeml_values(corpus: str) -> None:
    folder = shared_path("dev", "timeml", corpus)
    result = CliRunner().invoke(app, ["eval-dates", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    dates_and_times, every_type = TIMEML_FLOORS[corpus]
    assert scores["DATE+TIME"]["value_f1"] >= dates_and_times
    assert scores["all"]["value_f1"] >= every_type


def test_bsnlp_entities_across_documents() -> None:
    scores = evaluate(str(shared_path("dev", "bsnlp", "gold.jsonl")), str(shared_path("dev", "bsnlp", "texts")))
    assert scores["entity_merge"]["f1"] >= BSNLP_MERGE_F1
    assert scores["entity_merge"]["type_accuracy"] >= BSNLP_TYPE_ACCURACY


def test_nerel_entities_across_documents(nerel: dict) -> None:  # type: ignore[type-arg]
    assert nerel["entity_merge"]["f1"] >= NEREL_MERGE_F1
    assert nerel["entity_merge"]["type_accuracy"] >= NEREL_TYPE_ACCURACY

import json

import pytest

from elitewatch.ingest import read_inputs
from elitewatch.temporal import infer_published
from tests.conftest import shared_path


def test_weekday_and_date_agree_in_one_year() -> None:
    text = "The trade figures for 2021 were weak. Only last Monday, on December 4, he presented his credentials."
    inferred = infer_published(text)
    assert inferred is not None
    # December 4 was a Monday in 2023 (and in 2017, farther from the years the text names).
    assert inferred.value == "2023-12-05"
    assert inferred.confidence > 0.8 and "weekday" in inferred.method


def test_years_bracket_the_publication_and_future_dates_do_not_count() -> None:
    text = (
        "Trade amounted to $17.6 billion in 2018. On April 9 he addressed the nation. His term ends in 2020, "
        "and he called an early election for June 9."
    )
    inferred = infer_published(text)
    assert inferred is not None and inferred.value == "2019-04-10"


def test_a_known_event_dates_a_text_without_years() -> None:
    inferred = infer_published("After the January events in Kazakhstan, the president flew to Moscow.")
    assert inferred is not None and inferred.value == "2022-02-01" and inferred.confidence < 0.5
    assert infer_published("After the January events the president flew to Moscow.") is None  # which country?


def test_nothing_to_go_on() -> None:
    assert infer_published("The minister spoke to reporters about the weather.") is None


def test_every_seed_article_dated_within_its_gold_range() -> None:
    gold = {
        r["doc"]: r
        for r in map(json.loads, shared_path("gold", "seeds.jsonl").read_text(encoding="utf-8").splitlines())
        if r["kind"] == "document"
    }
    documents = read_inputs([str(shared_path("corpus", "seeds"))], max_chars=10_000_000).documents
    assert len(documents) == len(gold) == 5
    for document in documents:
        inferred = infer_published(document.text)
        expected = gold[document.id]
        assert inferred is not None, document.id
        if not expected["published_min"] <= inferred.value <= expected["published_max"]:
            pytest.fail(
                f"{document.id}: {inferred.value} outside {expected['published_min']}..{expected['published_max']}"
            )


def test_years_of_quarters_and_seasons_and_days_of_times_are_evidence() -> None:
    inferred = infer_published("Profit rose in the third quarter of 2018. The results came at 9 p.m. Nov. 9.")
    assert inferred is not None and inferred.value == "2018-11-10"

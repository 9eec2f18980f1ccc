from elitewatch.evaluation import score
from elitewatch.evaluation.score import keyword_found

GOLD = [
    {"kind": "entity", "type": "person", "name": "Kassym-Jomart Tokayev", "aliases": ["Tokayev", "Tokaev"]},
    {"kind": "entity", "type": "person", "name": "Vladimir Putin", "aliases": ["Putin"]},
    {
        "kind": "quote",
        "doc": "d",
        "speaker": "Kassym-Jomart Tokayev",
        "text": "one two three four five",
        "said_on": "2019-04-09",
    },
    {
        "kind": "quote",
        "doc": "d",
        "speaker": "Vladimir Putin",
        "text": "six seven eight",
        "said_on": None,
        "optional": True,
    },
]


def test_quote_matching_rules() -> None:
    export = [
        {"kind": "entity", "id": 1, "type": "person", "name": "Tokayev", "aliases": ["Tokaev"]},
        {"kind": "entity", "id": 2, "type": "organization", "name": "Putin", "aliases": []},
        {"kind": "quote", "doc": "d", "speaker": 1, "text": "one two three extra", "said_on": "2019-04-09"},
        {"kind": "quote", "doc": "d", "speaker": 2, "text": "six seven eight", "said_on": None},
        {"kind": "quote", "doc": "d", "speaker": 2, "text": "unrelated words", "said_on": None},
    ]
    result = score(GOLD, export, ["Tokayev Tokaev Putin Kassym-Jomart Tokayev Vladimir Putin"])
    quotes = result.kinds["quote"]
    assert (quotes.matched, quotes.matched_optional, quotes.exported) == (1, 1, 3)
    assert quotes.precision == 0.5 and quotes.recall == 1.0
    assert quotes.date_accuracy == 1.0
    # Tokayev's aliases in one entity; Putin's two names split across none: recall below 1.
    assert result.entity_merge.precision == 1.0
    assert result.entity_merge.recall < 1.0


def test_too_long_or_wrong_speaker_does_not_match() -> None:
    export = [
        {"kind": "entity", "id": 1, "type": "person", "name": "Putin", "aliases": []},
        {"kind": "quote", "doc": "d", "speaker": 1, "text": "one two three four five", "said_on": None},
    ]
    assert score(GOLD[:3], export).kinds["quote"].matched == 0


def test_keyword_rule_of_format_md() -> None:
    assert keyword_found("мэра", "мэр Москвы")
    assert keyword_found("secretary general", "Secretary General of the CSTO")
    assert not keyword_found("ambassador", "minister")


def test_outcomes_say_what_each_exported_record_counts_as() -> None:
    from elitewatch.evaluation.score import outcomes

    export = [
        {"kind": "entity", "id": 1, "type": "person", "name": "Tokayev", "aliases": ["Tokaev"]},
        {"kind": "entity", "id": 2, "type": "person", "name": "Putin", "aliases": []},
        {"kind": "quote", "doc": "d", "speaker": 1, "text": "one two three extra", "rule": "a"},
        {"kind": "quote", "doc": "d", "speaker": 2, "text": "six seven eight", "rule": "b"},
        {"kind": "quote", "doc": "d", "speaker": 2, "text": "unrelated words", "rule": "c"},
        {"kind": "quote", "doc": "elsewhere", "speaker": 2, "text": "not scored", "rule": "d"},
    ]
    found = outcomes(GOLD, export)["quote"]
    assert [(o.exported["rule"], o.verdict) for o in found] == [("a", "tp"), ("b", "optional"), ("c", "fp")]
    assert found[0].gold is GOLD[2]
    # the same matching as `score`: its counts are the verdicts'
    quotes = score(GOLD, export).kinds["quote"]
    assert (quotes.matched, quotes.matched_optional, quotes.exported) == (1, 1, 3)

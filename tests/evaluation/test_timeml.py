"""The TimeML scorer on a document written for the test: offsets after stripping tags, the creation time as
anchor, relaxed (overlap) matching, value F1 per type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from elitewatch.cli import app
from elitewatch.errors import GoldFormatError
from elitewatch.evaluation.timeml import TimemlScores, Timex, load_tml, pair, score_documents

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
The firm &amp; its <EVENT eid="e1">rival</EVENT> met <TIMEX3 tid="t1" type="DATE" value="1998-08-03">Monday</TIMEX3>
and will talk for <TIMEX3 tid="t2" type="DURATION" value="P5M">five months</TIMEX3>, <TIMEX3 tid="t3" type="DATE"
value="PRESENT_REF">now</TIMEX3> <TIMEX3 tid="t4" type="SET" value="P1M">monthly</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    return tmp_path


def test_offsets_point_into_the_text_without_tags(folder: Path) -> None:
    document = load_tml(folder / "doc.tml")
    assert document.anchor == "1998-08-07"
    assert [(document.text[g.start : g.end], g.type, g.value) for g in document.gold] == [
        ("Monday", "DATE", "1998-08-03"),
        ("five months", "DURATION", "P5M"),
        ("now", "DATE", "PRESENT_REF"),
        ("monthly", "SET", "P1M"),
    ]
    assert "The firm & its rival met Monday" in document.text


def test_pairs_are_one_to_one_by_overlap_and_values_count_only_when_equal() -> None:
    gold = [Timex(0, 10, "DATE", "1998-08-03", ""), Timex(20, 30, "DURATION", "P5M", "")]
    found = [Timex(5, 12, "DATE", "1998-08-03", ""), Timex(8, 11, "DATE", "1998", ""), Timex(25, 28, "DURATION", "P5Y", "")]
    assert [(g.start, s.start) for g, s in pair(gold, found)] == [(0, 5), (20, 25)]
    scores = TimemlScores()
    scores.add(gold, found)
    overall = scores.groups["all"].as_dict()
    assert (overall["precision"], overall["recall"]) == (round(2 / 3, 4), 1.0)
    assert overall["value_accuracy"] == 0.5
    assert scores.groups["DURATION"].as_dict()["value_f1"] == 0.0
    assert scores.groups["DATE"].as_dict()["value_recall"] == 1.0


def test_the_normalizer_scores_all_four_types(folder: Path) -> None:
    scores = score_documents([load_tml(folder / "doc.tml")]).as_dict()
    for name in ("DATE", "DURATION", "SET", "all"):
        assert scores[name]["value_f1"] == 1.0, name  # type: ignore[index]


def test_eval_dates_command(folder: Path) -> None:
    result = CliRunner().invoke(app, ["eval-dates", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["all"]["gold"] == 4


def test_a_folder_without_timeml_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError):
        score_documents([load_tml(tmp_path / "missing.tml")])
    result = CliRunner().invoke(app, ["eval-dates", str(tmp_path)])
    assert result.exit_code == 1 and "no .tml files" in result.output

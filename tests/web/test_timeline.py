"""The career chart: offices from the first on, labels that never cover a bar, undated offices in a lane of
their own, an undated statement placed by its document's date."""

from __future__ import annotations

from typing import Any

from elitewatch.query.careers import offices
from elitewatch.web.timeline import BAR, CHAR, career_chart


def row(role: str, org: str | None, doc: str, **dates: Any) -> dict[str, Any]:
    return {
        "role": role, "org": org, "org_id": None, "start": dates.get("start"), "end": dates.get("end"),
        "as_of": dates.get("as_of"), "ended": dates.get("ended", False), "pattern": "title", "doc_id": doc,
        "published": dates.get("published"), "sentence": f"… {role} …", "sentence_start": 0, "sentence_end": 10,
    }  # fmt: skip


CAREER = [
    row("akim of Almaty", None, "a", start="2004", end="2008"),
    row("Prime Minister of Kazakhstan", None, "a", start="2002-01-28", end="2003-06-11"),
    row("Secretary General of the Collective Security Treaty Organization", None, "b", start="2023-01-01"),
    row("ambassador to Russia", None, "c", published="2020-05-01"),  # no date in the text
    row("adviser", None, "d", ended=True, published="2021-02-03"),  # "former adviser", no date
    row("chairman of the party", None, "e"),  # nothing dates it, not even its document
]


def test_an_undated_statement_is_placed_by_its_document_and_a_former_one_ended_before_it() -> None:
    found = {o["role"]: o for o in offices(CAREER)}
    ambassador = found["ambassador to Russia"]
    assert ambassador["seen"] == ["2020-05-01"] and ambassador["seen_by_document"] == ["2020-05-01"]
    assert found["adviser"]["ended_before"] == "2021-02-03" and found["adviser"]["seen"] == []
    assert found["chairman of the party"]["when"] == ""


def test_labels_never_cover_bars_and_undated_offices_have_a_lane() -> None:
    chart = career_chart([("Imangali Tasmagambetov", offices(CAREER))], "2024-12-05")
    dated = [bar for bar in chart.bars if not bar.undated]
    assert dated[0].label.startswith("Prime Minister")  # the career shows from its first office
    assert {bar.label.split(" (")[0] for bar in chart.bars if bar.undated} == {"adviser", "chairman of the party"}
    assert chart.undated_y is not None and all(bar.y > chart.undated_y for bar in chart.bars if bar.undated)
    for bar in chart.bars:
        width = CHAR * len(bar.label)
        left = bar.label_x - width if bar.anchor == "end" else bar.label_x
        label = (left, bar.label_y - 10, left + width, bar.label_y + 2)
        assert left >= 0 and left + width <= chart.width, bar.label
        for other in chart.bars:
            box = (other.x, other.y, other.x + other.width, other.y + BAR)
            overlaps = label[0] < box[2] and box[0] < label[2] and label[1] < box[3] and box[1] < label[3]
            assert not overlaps, (bar.label, other.label)

"""Headings, datelines and bylines (issue 17, item 8): the lines that are not prose, on texts written here."""

from __future__ import annotations

from elitewatch.extract.entities.layout import read_layout
from tests.helpers import analyse_text

HEADLINE = (
    "Mayor Varga Slams Budget Office Over Late Repairs To Harbor Bridge.\n\n"
    "Helen Varga, the mayor of Dover, said on Monday that the repairs to the harbor bridge were months late."
)


def test_a_line_in_title_case_or_capitals_is_a_heading_and_prose_is_not() -> None:
    text = "Refugees Find No Shelter In The Capital\n\nGARLAND STEPS ASIDE.\n\nThe minister left on Monday."
    layout = read_layout(text)
    headings = [text[a:b] for a, b in layout.headings]
    assert headings == ["Refugees Find No Shelter In The Capital", "GARLAND STEPS ASIDE."]
    assert read_layout("Jane Doe, The Boston Globe:\n\nShe left.").headings == ()  # a label, not a heading


def test_datelines_give_the_place_and_the_agency_tag() -> None:
    text = "DOVER, Del., March 3 (AP) — Helen Varga said the bridge would reopen.\n\nSALT LAKE CITY - The vote."
    first, second = read_layout(text).datelines
    assert text[first.start : first.place_end] == "DOVER, Del., March 3"
    assert first.agency is not None and text[first.agency[0] : first.agency[1]] == "AP"
    assert text[second.start : second.place_end] == "SALT LAKE CITY" and second.agency is None
    lead_in = "HE HAS BEEN CALLED OUT BY HIS OWN COLLEAGUES — He was dragged before a committee."
    layout = read_layout(lead_in)
    assert layout.datelines == () and [lead_in[a:b] for a, b in layout.headings] == [lead_in.split(" —")[0]]


def test_a_byline_names_the_writers() -> None:
    text = "By Dana Reyes and Tom Hale\n\nBy the fall of 2010 the plan had failed."
    layout = read_layout(text)
    assert [text[a:b] for a, b in layout.bylines] == ["By Dana Reyes and Tom Hale"]


def test_names_the_model_reads_in_a_heading_are_no_entities_unless_the_prose_uses_them() -> None:
    analysis = analyse_text(HEADLINE)
    names = {e.name for e in analysis.entities}
    assert not any("Slams" in name or "Budget Office" in name or "Harbor Bridge" in name for name in names), names
    [varga] = [e for e in analysis.entities if "Helen Varga" in e.forms]
    assert varga.name == "Helen Varga" and varga.type == "person"
    # the surname the prose uses is found again in the headline
    assert any(m.start < HEADLINE.index("\n") for m in varga.mentions)


def test_a_datelines_place_is_a_place_written_as_in_prose_and_its_agency_tag_no_mention() -> None:
    text = "DOVER, Del., March 3 (AP) — Helen Varga said on Monday that the harbor bridge would reopen in May."
    analysis = analyse_text(text)
    tag = text.index("(AP)")
    assert not any(tag <= m.start < tag + 4 for e in analysis.entities for m in e.mentions)
    dover = [e for e in analysis.entities if "DOVER" in e.forms]
    assert [(e.type, e.name) for e in dover] == [("place", "Dover")]


def test_a_name_alone_on_its_line_stays_a_name() -> None:
    text = (
        "I have read this paper for forty years and never agreed with it less than this week.\n\n"
        "Michael Hale.\n\n"
        "Correction Appended.\n\n"
        "An earlier version of this letter gave the wrong year."
    )
    analysis = analyse_text(text)
    people = {e.name for e in analysis.entities if e.type == "person"}
    assert "Michael Hale" in people
    assert not any("Correction" in e.name for e in analysis.entities)

"""English parsing: a paragraph without a full stop (a headline, a byline, a photo caption) is a sentence of
its own, and the names after it are read as before."""

from __future__ import annotations

from tests.helpers import analyse_text, events_of

CAPTION = (
    "Ministers Ana Ortiz and Boris Lenk (Photo: press service)\n\n"
    "On May 5, Finance Minister Ana Ortiz delivered her annual address to parliament."
)


def test_a_caption_is_a_sentence_of_its_own_and_names_no_participant() -> None:
    analysis = analyse_text(CAPTION, published="2025-05-06")
    sentences = [analysis.parsed.doc.text[s.start : s.end].strip() for s in analysis.parsed.sentences]
    assert sentences[0] == "Ministers Ana Ortiz and Boris Lenk (Photo: press service)"
    [address] = [e for e in events_of(CAPTION, published="2025-05-06") if e[0] == "address"]
    assert address[1] == ["Ana Ortiz"]


def test_a_name_opening_the_paragraph_after_a_headline_stays_one_name() -> None:
    analysis = analyse_text("Talks in Minsk\n\nShavkat Mirziyoyev welcomed Kassym-Jomart Tokayev in Minsk.")
    people = {e.name for e in analysis.entities if e.type == "person"}
    assert {"Shavkat Mirziyoyev", "Kassym-Jomart Tokayev"} <= people

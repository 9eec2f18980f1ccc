"""Garbage speakers (issue 17, item 8): a byline's writer and a heading's words speak no quote; on texts
written here."""

from __future__ import annotations

from tests.helpers import quotes_of


def test_a_bylines_writer_is_no_speaker() -> None:
    text = (
        "By Dana Reyes\n\n"
        "The council met on Tuesday to talk about the harbor bridge.\n\n"
        "“We have no money left for the bridge this year,” she said."
    )
    assert all(speaker != "Dana Reyes" for speaker, _ in quotes_of(text))


def test_a_headings_words_name_no_speaker() -> None:
    text = (
        "Mayor Varga Hid Bridge Problems From Council.\n\n"
        "On Monday Varga spoke to reporters in Dover.\n\n"
        "“The bridge will open in May, and not a day later,” she said."
    )
    assert not any("Bridge" in (speaker or "") for speaker, _ in quotes_of(text))

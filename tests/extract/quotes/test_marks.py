"""Quotation marks (issue 17, item 6 rechecked): a quote inside a quote opened with the same mark, a signature
after a no-break space; on texts written here."""

from __future__ import annotations

from tests.helpers import quotes_of


def test_a_quote_inside_a_quote_opened_with_the_same_mark_nests() -> None:
    text = "“As a young nurse I’d rather live in what he calls “hell” than in a world that he runs.” ― Dana Reyes"
    assert quotes_of(text) == [
        ("Dana Reyes", "As a young nurse I’d rather live in what he calls “hell” than in a world that he runs.")
    ]


def test_an_opening_mark_left_open_does_not_nest() -> None:
    text = (
        "“It is a dog whistle to every voter,” Ruth Cole said. “If he is not legitimate, then nobody is."
        " “I have been thinking about where we are as a country,” added Tom Hale."
    )
    speakers = [speaker for speaker, _ in quotes_of(text)]
    assert speakers == ["Ruth Cole", "Tom Hale"]


def test_a_signature_after_a_dash_and_a_no_break_space() -> None:
    text = "“He cannot be a good business man if he has failed so many times. He is not a leader.” ―\xa0Helen T Varga"
    assert [speaker for speaker, _ in quotes_of(text)] == ["Helen T Varga"]

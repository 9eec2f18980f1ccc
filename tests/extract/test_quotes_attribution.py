"""Attribution mechanisms of issue 17, one test each, on sentences written for them."""

from tests.helpers import quotes_of


def test_two_apostrophes_mark_a_quote() -> None:
    text = "''We will not raise the fees this year,'' said Martha Ellison, the county treasurer."
    assert quotes_of(text) == [("Martha Ellison", "We will not raise the fees this year")]


def test_honorific_full_stop_does_not_end_the_attribution() -> None:
    text = (
        "Walter Brennan runs the port authority.\n\n"
        "“The new cranes arrive in March and will double our capacity,” Mr. Brennan said. “Nobody here expected it so soon.”"
    )
    [(speaker, words)] = quotes_of(text)
    assert speaker == "Walter Brennan"
    assert "Nobody here expected it" in words

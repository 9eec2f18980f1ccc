"""Russian parsing: a line that ends in no punctuation (a headline, a caption) ends its sentence when the next
line begins as a sentence does; a line that goes on does not."""

from __future__ import annotations

from tests.helpers import analyse_text


def sentences_of(text: str) -> list[str]:
    analysis = analyse_text(text)
    return [analysis.parsed.doc.text[s.start : s.end].strip() for s in analysis.parsed.sentences]


def test_a_headline_line_without_a_full_stop_is_a_sentence_of_its_own() -> None:
    assert sentences_of("Иван Петров стал тренером «Спартака»\nИван Петров.\nКлуб объявил об этом.") == [
        "Иван Петров стал тренером «Спартака»",
        "Иван Петров.",
        "Клуб объявил об этом.",
    ]


def test_a_line_that_goes_on_keeps_its_sentence() -> None:
    assert sentences_of("Иван Петров встретился с губернатором,\nВладимиром Азаровым.") == [
        "Иван Петров встретился с губернатором,\nВладимиром Азаровым."
    ]

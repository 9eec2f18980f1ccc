"""The lexicon loader: fields filled by name from YAML, per language, and a clear error on a key no field
takes or a field nothing fills."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from elitewatch import datafiles
from elitewatch.datafiles import load_words, union
from elitewatch.errors import DataFileError


@dataclass(frozen=True)
class Words:
    verbs: frozenset[str]
    phrases: tuple[str, ...]
    table: dict[str, float]
    kind: str
    first_words: frozenset[str]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    datafiles.read_yaml.cache_clear()
    yield tmp_path
    datafiles.read_yaml.cache_clear()


def write(folder: Path, text: str) -> str:
    (folder / "words.yaml").write_text(text, encoding="utf-8")
    return "words.yaml"


TEXT = """\
# a comment
verbs: {en: [say, tell], ru: [сказать]}
phrases:
  en: ["according to", "in the words of"]
table: {verb: 0.9, context: 0.6}
kind: meeting
"""


def test_fills_fields_by_name_per_language_and_from_the_caller(data: Path) -> None:
    relative = write(data, TEXT)
    en = load_words(relative, Words, language="en", first_words=frozenset({"say"}))
    assert en == Words(
        verbs=frozenset({"say", "tell"}),
        phrases=("according to", "in the words of"),
        table={"verb": 0.9, "context": 0.6},  # not a mapping of languages: shared by every language
        kind="meeting",
        first_words=frozenset({"say"}),
    )
    ru = load_words(relative, Words, language="ru", first_words=frozenset())
    assert ru.verbs == {"сказать"} and ru.phrases == ()  # a language the list lacks: empty
    assert union([en, ru]).verbs == {"say", "tell", "сказать"}


def test_a_section_and_no_language(data: Path) -> None:
    @dataclass(frozen=True)
    class Confidence:
        verb: float
        noun: float

    relative = write(data, "events:\n  verb: 0.75\n  noun: 0.65\nother: {x: 1}\n")
    assert load_words(relative, Confidence, section="events") == Confidence(0.75, 0.65)


def test_a_key_no_field_takes_is_an_error(data: Path) -> None:
    relative = write(data, TEXT + "verbz: {en: [state]}\n")
    with pytest.raises(DataFileError, match="no field of Words takes verbz") as raised:
        load_words(relative, Words, language="en", first_words=frozenset())
    assert raised.value.source == relative
    # unless the caller says another part of the code reads it
    load_words(relative, Words, language="en", read_elsewhere=("verbz",), first_words=frozenset())


def test_a_field_nothing_fills_is_an_error(data: Path) -> None:
    relative = write(data, TEXT)
    with pytest.raises(DataFileError, match="Words needs first_words"):
        load_words(relative, Words, language="en")
    with pytest.raises(TypeError, match="no fields nonsense"):
        load_words(relative, Words, language="en", first_words=frozenset(), nonsense=1)


def test_a_value_of_the_wrong_shape_is_an_error(data: Path) -> None:
    relative = write(data, TEXT.replace("table: {verb: 0.9, context: 0.6}", "table: [0.9, 0.6]"))
    with pytest.raises(DataFileError, match="table: expected a mapping"):
        load_words(relative, Words, language="en", first_words=frozenset())


def test_words_that_yaml_1_1_reads_as_booleans_stay_words(data: Path) -> None:
    """A negation list with "no", an occasion list with "on": words, not the booleans YAML 1.1 makes of them."""
    relative = write(data, TEXT.replace("[say, tell]", "[on, no, yes, off]"))
    words = load_words(relative, Words, language="en", first_words=frozenset())
    assert words.verbs == {"on", "no", "yes", "off"}


def test_a_boolean_where_a_word_is_expected_is_an_error(data: Path) -> None:
    relative = write(data, TEXT.replace("kind: meeting", "kind: true"))
    with pytest.raises(DataFileError, match="kind: expected str, found the boolean True"):
        load_words(relative, Words, language="en", first_words=frozenset())


def test_every_lexicon_loads() -> None:
    """The package's own lexicons all load through the loader (a stray key in one fails here)."""
    from elitewatch.extract import confidence
    from elitewatch.extract.entities.inflection import declension
    from elitewatch.extract.events.lexicon import groups
    from elitewatch.extract.events.lexicon import lexicon as event_words
    from elitewatch.extract.positions.lexicon import lexicon as position_words
    from elitewatch.extract.pronouns import pronouns
    from elitewatch.query.contrasts import polarity_words
    from elitewatch.temporal.words import lexicon as date_words
    from elitewatch.vocabulary.names import phonetic

    for language in datafiles.LANGUAGES:
        position_words(language)
        event_words(language)
        pronouns(language)
        date_words(language)
        datafiles.speech_words(language)
        datafiles.titles(language)
    groups(), confidence.positions(), confidence.quotes(), confidence.events()
    datafiles.name_words(), phonetic(), polarity_words(), declension()

"""The pronouns of data/lexicon/pronouns.yaml, one list per form and language, for every extractor that
reads a pronoun as the entity named before it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import LANGUAGES, load_words, union


@dataclass(frozen=True)
class Pronouns:
    person: frozenset[str]  # "he", «она»
    person_object: frozenset[str]  # "him", «его»
    person_other: frozenset[str]  # "his", «ему»
    group: frozenset[str]  # "they"
    first_person: frozenset[str]  # "I", "we": the writer

    @property
    def personal(self) -> frozenset[str]:
        """Every form of a person."""
        return self.person | self.person_object | self.person_other


@cache
def pronouns(language: str) -> Pronouns:
    return load_words("lexicon/pronouns.yaml", Pronouns, language=language)


@cache
def any_language() -> Pronouns:
    """The pronouns of every language together, for a token whose language is not asked."""
    return union([pronouns(language) for language in sorted(LANGUAGES)])


@dataclass(frozen=True)
class GenderWords:
    """data/lexicon/gender.yaml for one language: what shows that a person is a man or a woman."""

    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    male_honorifics: frozenset[str]
    female_honorifics: frozenset[str]
    male_nouns: frozenset[str]
    female_nouns: frozenset[str]
    male_given: frozenset[str]
    female_given: frozenset[str]


MALE, FEMALE = "m", "f"


@cache
def gender_words() -> GenderWords:
    """Every language's words together: a word's language is not asked (a name is Latin in a Russian text)."""
    return union([load_words("lexicon/gender.yaml", GenderWords, language=language) for language in LANGUAGES])


def pronoun_gender(word: str) -> str | None:
    lowered = word.lower()
    words = gender_words()
    if lowered in words.male_pronouns:
        return MALE
    if lowered in words.female_pronouns:
        return FEMALE
    return None


def word_gender(word: str) -> str | None:
    """The gender an honorific or a noun beside a name shows ("Mrs.", "spokeswoman"), if any."""
    lowered = word.lower()
    words = gender_words()
    if lowered in words.male_honorifics or lowered in words.male_nouns:
        return MALE
    if lowered in words.female_honorifics or lowered in words.female_nouns:
        return FEMALE
    return None


def given_name_gender(name: str, *, alone: bool = False) -> str | None:
    """The gender a full name's first word shows ("Dana Reyes"); a single word is a surname as often as not
    ("Warren"), unless the text never names the person otherwise (`alone`: "Melanie", "Kevin")."""
    parts = name.split()
    if len(parts) < 2 and not (alone and parts):
        return None
    first = parts[0].lower().strip(".")
    words = gender_words()
    if first in words.male_given:
        return MALE
    if first in words.female_given:
        return FEMALE
    return None


@dataclass(frozen=True)
class SpeakerWords:
    """data/lexicon/speakers.yaml: nouns that describe a person, and nouns for what a person said."""

    person_nouns: frozenset[str]
    said_nouns: frozenset[str]  # "the promise of X": nouns for what a person said
    topic_phrases: frozenset[str]  # "as for X, he …": the pronoun stands for the topic
    leader_nouns: frozenset[str]  # "the Kazakh leader": whoever holds one of the leader_offices
    leader_offices: frozenset[str]


@cache
def speaker_words() -> SpeakerWords:
    return load_words("lexicon/speakers.yaml", SpeakerWords, language="en")

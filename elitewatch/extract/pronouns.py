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

"""How sure each extractor is of what it found: data/lexicon/confidence.yaml, one table per extractor."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import load_words

FILE = "lexicon/confidence.yaml"


@dataclass(frozen=True)
class PositionConfidence:
    patterns: dict[str, float]  # by the construction that stated the office
    other: float  # any construction not in `patterns`
    implied_country: float  # the most an office whose country was implied can have
    implied_body: float  # the most an office whose organization was implied can have

    def of(self, pattern: str) -> float:
        return self.patterns.get(pattern, self.other)


@dataclass(frozen=True)
class QuoteConfidence:
    cues: dict[str, float]  # by the kind of attribution


@dataclass(frozen=True)
class EventConfidence:
    verb_trigger: float
    noun_trigger: float


@cache
def positions() -> PositionConfidence:
    return load_words(FILE, PositionConfidence, section="positions")


@cache
def quotes() -> QuoteConfidence:
    return load_words(FILE, QuoteConfidence, section="quotes")


@cache
def events() -> EventConfidence:
    return load_words(FILE, EventConfidence, section="events")

"""The words of data/lexicon/events.yaml, one Lexicon per language, and the event types and their groups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from elitewatch.datafiles import read_yaml

# The types, in the order of data/lexicon/events.yaml (the events table's CHECK lists the same).
EVENT_TYPES = tuple(str(t) for t in read_yaml("lexicon/events.yaml")["types"])


@dataclass(frozen=True)
class Lexicon:
    triggers: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word -> (words, type), longest first
    plural_triggers: frozenset[str]
    attendance: dict[str, tuple[tuple[str, ...], ...]]  # first word -> the phrases it starts
    attendance_type: str
    hosting: frozenset[str]
    hosting_type: str
    gatherings: frozenset[str]
    negations: frozenset[str]
    hypothetical: frozenset[str]
    personal_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    predicative_words: frozenset[str]
    place_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    support_verbs: frozenset[str]
    occasion_words: frozenset[str]
    sequence_words: frozenset[str]
    # Every word a trigger, an attendance phrase or a hosting verb starts with: a token that is none of them
    # starts no event.
    cues: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    data: dict[str, Any] = read_yaml("lexicon/events.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data[key].get(language, []))

    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for event_type, languages in data["types"].items():
        for trigger in languages.get(language, []):
            sequence = tuple(str(trigger).lower().split())
            by_first.setdefault(sequence[0], []).append((sequence, event_type))
    attendance = _by_first_word(tuple(w.lower().split()) for w in words("attendance"))
    return Lexicon(
        triggers={k: tuple(sorted(v, key=lambda item: len(item[0]), reverse=True)) for k, v in by_first.items()},
        plural_triggers=frozenset(w for w in by_first if (w,) in dict(by_first[w]) and w.endswith("s")),
        attendance=attendance,
        attendance_type=str(data["attendance"]["type"]),
        hosting=words("hosting"),
        hosting_type=str(data["hosting"]["type"]),
        gatherings=words("gatherings"),
        negations=words("negations"),
        hypothetical=words("hypothetical"),
        personal_pronouns=words("personal_pronouns"),
        relative_pronouns=words("relative_pronouns"),
        predicative_words=words("predicative_words"),
        place_prepositions=words("place_prepositions"),
        destination_prepositions=words("destination_prepositions"),
        partner_prepositions=words("partner_prepositions"),
        support_verbs=words("support_verbs"),
        occasion_words=words("occasion_words"),
        sequence_words=words("sequence_words"),
        cues=frozenset(by_first) | frozenset(attendance) | words("hosting"),
    )


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases):
        found.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in found.items()}


@cache
def groups() -> dict[str, frozenset[str]]:
    """Event types that behave alike (data/lexicon/events.yaml): within visits, speech events, several parties."""
    data: dict[str, Any] = read_yaml("lexicon/events.yaml")
    return {key: frozenset(data.get(key, [])) for key in ("within_visits", "speech_events", "several_parties")}

"""The words of data/lexicon/events.yaml, one Lexicon per language, and the event types and their groups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from elitewatch.datafiles import load_words, read_yaml
from elitewatch.extract.pronouns import pronouns

FILE = "lexicon/events.yaml"

# The types, in the order of data/lexicon/events.yaml (the events table's CHECK lists the same).
EVENT_TYPES = tuple(str(t) for t in read_yaml(FILE)["types"])


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
    commitments: frozenset[str]
    phase_verbs: frozenset[str]
    duration_units: frozenset[str]
    duration_prepositions: frozenset[str]
    ago_words: frozenset[str]
    personal_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    predicative_words: frozenset[str]
    place_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    partner_prepositions: frozenset[str]
    companion_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    subject_sharing_complements: frozenset[str]
    delegation_words: frozenset[str]
    leader_nouns: frozenset[str]
    leader_offices: frozenset[str]
    support_verbs: frozenset[str]
    occasion_words: frozenset[str]
    sequence_words: frozenset[str]
    # Every word a trigger, an attendance phrase or a hosting verb starts with: a token that is none of them
    # starts no event.
    cues: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    data: dict[str, Any] = read_yaml(FILE)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for event_type, languages in data["types"].items():
        for trigger in languages.get(language, []):
            sequence = tuple(str(trigger).lower().split())
            by_first.setdefault(sequence[0], []).append((sequence, event_type))
    attendance_words = frozenset(str(w) for w in data["attendance"].get(language, []))
    attendance = _by_first_word(tuple(w.lower().split()) for w in attendance_words)
    hosting = frozenset(str(w) for w in data["hosting"].get(language, []))
    return load_words(
        FILE,
        Lexicon,
        language=language,
        read_elsewhere=("types", "groups"),
        triggers={k: tuple(sorted(v, key=lambda item: len(item[0]), reverse=True)) for k, v in by_first.items()},
        plural_triggers=frozenset(w for w in by_first if (w,) in dict(by_first[w]) and w.endswith("s")),
        attendance=attendance,
        personal_pronouns=pronouns(language).personal,
        cues=frozenset(by_first) | frozenset(attendance) | hosting,
    )


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(phrases):
        found.setdefault(words[0], []).append(words)
    return {first: tuple(phrases) for first, phrases in found.items()}


@dataclass(frozen=True)
class Groups:
    """Event types that behave alike (data/lexicon/events.yaml, `groups`)."""

    within_visits: frozenset[str]  # dated by the visit they happen during
    speech_events: frozenset[str]  # date the quotes said at them
    several_parties: frozenset[str]  # between parties, not of a principal
    two_people: frozenset[str]  # no event without two people taking part


@cache
def groups() -> Groups:
    return load_words(FILE, Groups, section="groups")

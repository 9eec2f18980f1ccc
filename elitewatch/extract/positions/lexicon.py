"""The words of data/lexicon/positions.yaml the constructions read, one Lexicon per language (the role
words themselves are elitewatch.vocabulary.offices', shared with events and resolution)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from elitewatch.datafiles import read_yaml
from elitewatch.vocabulary.offices import role_words


@dataclass(frozen=True)
class Lexicon:
    roles: tuple[tuple[str, ...], ...]  # longest first
    by_first: dict[str, tuple[tuple[str, ...], ...]]  # the roles by their first word, longest first
    by_last: dict[str, tuple[tuple[str, ...], ...]]  # and by their last word
    modifiers: frozenset[str]
    ended: frozenset[str]
    joins: frozenset[str]
    complement_stops: frozenset[str]
    org_first: frozenset[str]
    service: frozenset[str]
    starts: frozenset[str]
    leading: dict[str, str]
    succession: dict[str, str]
    appointment_nouns: frozenset[str]
    pronouns: frozenset[str]
    object_pronouns: frozenset[str]
    not_held: frozenset[str]
    candidacy: frozenset[str]
    national: tuple[str, ...]
    single_holder: frozenset[str]
    country_words: frozenset[str]
    birth_words: frozenset[str]
    age_before: frozenset[str]
    age_after: frozenset[str]


@cache
def lexicon(language: str) -> Lexicon:
    data: dict[str, Any] = read_yaml("lexicon/positions.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data.get(f"{key}_{language}", []))

    roles = role_words(language)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    by_last: dict[str, list[tuple[str, ...]]] = {}
    for role in roles:
        by_first.setdefault(role[0], []).append(role)
        by_last.setdefault(role[-1], []).append(role)
    return Lexicon(
        roles=roles,
        by_first={word: tuple(found) for word, found in by_first.items()},
        by_last={word: tuple(found) for word, found in by_last.items()},
        modifiers=words("modifiers"),
        ended=words("ended"),
        joins=words("joins"),
        complement_stops=words("complement_stops"),
        org_first=words("org_first"),
        service=words("service_verbs"),
        starts=words("starts"),
        leading=dict(data.get(f"leading_verbs_{language}", {})),
        succession=dict(data.get(f"succession_{language}", {})),
        appointment_nouns=words("appointment_nouns"),
        pronouns=words("pronouns"),
        object_pronouns=words("object_pronouns"),
        not_held=words("not_held"),
        candidacy=words("candidacy"),
        national=tuple(sorted(words("national_offices"))),
        single_holder=words("single_holder"),
        country_words=words("country_words"),
        birth_words=words("birth_words"),
        age_before=words("age_before"),
        age_after=words("age_after"),
    )

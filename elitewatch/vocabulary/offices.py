"""Offices as words: the role words of data/lexicon/positions.yaml and the office a role names.

An office's head is the role without its place ("Kazakh Ambassador to Russia" -> "ambassador"), its words
put in one language by the synonyms ("генсек" -> "secretary general"): extraction merges a document's
offices by it, resolution compares people by it, and a career joins its rows by the career office (the
head, marked when interim).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from elitewatch.datafiles import read_yaml

LANGUAGES = ("en", "ru")


def _data() -> dict[str, Any]:
    return read_yaml("lexicon/positions.yaml")


@cache
def role_words(language: str) -> tuple[tuple[str, ...], ...]:
    """Every role and occupation of the language, as its words, longest first."""
    data = _data()
    every_role = [*data[f"roles_{language}"], *data.get(f"occupations_{language}", [])]
    return tuple(sorted({tuple(str(r).split()) for r in every_role}, key=len, reverse=True))


@cache
def _synonyms(language: str) -> dict[str, str]:
    return {str(k): str(v) for k, v in _data().get(f"synonyms_{language}", {}).items()}


@cache
def _interim(language: str) -> frozenset[str]:
    return frozenset(str(w) for w in _data().get(f"interim_{language}", []))


@cache
def career_office(role: str) -> str:
    """The office a career row names, for joining rows across documents: its head, marked when interim
    ("Kazakhstani acting president" -> "acting president", "President of Kazakhstan" -> "president")."""
    words = set(re.findall(r"[\w-]+", role.lower()))
    interim = any(words & _interim(language) for language in LANGUAGES)
    return ("acting " if interim else "") + office_head(role)


@cache
def office_head(role: str) -> str:
    """The office a role names, without its place: "Kazakh Ambassador to Russia" -> "ambassador"."""
    words = key_words(role)
    tokens = words.split(" ")
    roles, longest = _every_role()
    best: tuple[int, int, str] | None = None  # the longest role words, the first of equally long ones
    start = 0  # ("assistant to the president" is an assistant)
    for index in range(len(tokens)):
        for length in range(1, min(longest, len(tokens) - index) + 1):
            candidate = tuple(tokens[index : index + length])
            if candidate in roles:
                found = (length, -start, " ".join(candidate))
                best = found if best is None or found > best else best
        start += len(tokens[index]) + 1
    return best[2] if best is not None else words


@cache
def _every_role() -> tuple[frozenset[tuple[str, ...]], int]:
    """The role words of both languages, and the most words one has."""
    roles = frozenset(role for language in LANGUAGES for role in role_words(language))
    return roles, max(map(len, roles))


@cache
def key_words(role: str) -> str:
    """The role in lower case, its words put in one language by the synonyms ("генсек" -> "secretary general")."""
    role = role.lower()
    for pattern, same in _synonym_patterns():
        role = pattern.sub(same, role)
    return " ".join(re.findall(r"[\w-]+", role))


@cache
def _synonym_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple(
        (re.compile(rf"(?<!\w){re.escape(word)}(?!\w)"), same)
        for language in LANGUAGES
        for word, same in _synonyms(language).items()
    )

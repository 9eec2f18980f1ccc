"""Offices as words: the role words of data/lexicon/offices.yaml and the office a role names.

An office's head is the role without its place ("Kazakh Ambassador to Russia" -> "ambassador"), its words
put in one language by the synonyms ("генсек" -> "secretary general"): extraction merges a document's
offices by it, resolution compares people by it, and a career joins its rows by the career office (the
head, marked when interim).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import LANGUAGES, load_words


@dataclass(frozen=True)
class OfficeWords:
    roles: tuple[str, ...]
    occupations: tuple[str, ...]
    interim: frozenset[str]
    synonyms: dict[str, str]
    rank_prefixes: tuple[str, ...]


@cache
def _words(language: str) -> OfficeWords:
    return load_words("lexicon/offices.yaml", OfficeWords, language=language)


@cache
def role_words(language: str) -> tuple[tuple[str, ...], ...]:
    """Every role and occupation of the language, as its words, longest first."""
    words = _words(language)
    every_role = [*words.roles, *words.occupations]
    return tuple(sorted({tuple(r.split()) for r in every_role}, key=len, reverse=True))


@cache
def _synonyms(language: str) -> dict[str, str]:
    return _words(language).synonyms


@cache
def _interim(language: str) -> frozenset[str]:
    return _words(language).interim


@cache
def career_office(role: str) -> str:
    """The office a career row names, for joining rows across documents: its head, marked when interim
    ("Kazakhstani acting president" -> "acting president", "President of Kazakhstan" -> "president")."""
    words = set(re.findall(r"[\w-]+", role.lower()))
    interim = any(words & _interim(language) for language in LANGUAGES)
    return ("acting " if interim else "") + office_head(role)


def without_interim(role: str) -> str:
    """The role less its interim words, as written: the office itself ("Kazakhstani acting president" ->
    "Kazakhstani president"), for a predecessor or successor of an interim holder. A Russian participle
    governs the rest («исполняющий обязанности президента»), so a Russian role stays as it is."""
    interim = _interim("en")
    kept = [word for word in role.split() if word.lower() not in interim]
    return " ".join(kept) if kept and len(kept) < len(role.split()) else role


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
    # after a rank prefix the word is part of another office: «вице-президент» is no "вице-president"
    ranked = "".join(
        rf"(?<!{re.escape(prefix)})" for language in LANGUAGES for prefix in _words(language).rank_prefixes
    )
    return tuple(
        (re.compile(rf"(?<!\w){ranked}{re.escape(word)}(?!\w)"), same)
        for language in LANGUAGES
        for word, same in _synonyms(language).items()
    )

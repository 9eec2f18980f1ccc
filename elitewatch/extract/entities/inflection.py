"""The nominative of a Russian name word in an oblique case: «Олафа Шольца» -> «Олаф Шольц», «Эрдогана» ->
«Эрдоган», while «Гёте», «Санчес» and «Ли» stay as they are.

The tagger gives each word's case from its context; the dictionary (pymorphy, through natasha) knows the
names it has seen, and which of them do not decline; a name it does not know (most foreign surnames) loses
the ending its case gives a masculine noun (data/lexicon/names.yaml, case_endings).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from elitewatch.datafiles import load_words, name_words
from elitewatch.nlp.russian import load

NAME_TAGS = frozenset({"Surn", "Name", "Patr"})
VOWELS = frozenset("аеёиоуыэюяьъй")
# natasha's case names and pymorphy's
PYMORPHY_CASE = {"Gen": "gent", "Acc": "accs", "Dat": "datv", "Ins": "ablt", "Loc": "loct"}


@dataclass(frozen=True)
class Declension:
    """data/lexicon/declension.yaml."""

    oblique_endings: dict[str, tuple[str, ...]]


@cache
def declension() -> Declension:
    return load_words("lexicon/declension.yaml", Declension)


@cache
def _endings() -> dict[str, list[tuple[str, str]]]:
    table = name_words().case_endings
    return {case: sorted(((e, r) for e, r in rows), key=lambda er: -len(er[0])) for case, rows in table.items()}


def _parses(word: str) -> list[Any]:
    return list(load()["vocab"].parse(word))


def takes_case_ending(word: str, case: str) -> bool:
    """Does the word end in an ending some declension gives its case (data/lexicon/declension.yaml)? A name
    word that does not is indeclinable there: «с еврокомиссаром Маргрете»."""
    endings = declension().oblique_endings.get(case)
    if endings is None:
        return True  # the nominative, or a case the table does not list: nothing to tell
    lowered = word.lower()
    return any(lowered.endswith(ending) and len(lowered) > len(ending) for ending in endings)


def plausible_nominative(word: str, candidate: str, cases: Collection[str]) -> bool:
    """May `candidate` (the lemmatizer's or the span normalizer's guess) be the nominative of the name word
    `word` in one of `cases`? Not when the word bears no ending of them; not when the guess adds letters to the
    whole word (a zero ending: a genitive plural, «Авант» -> «Аванта», never a person's name); not when it
    reads «-и» as a third-declension «-ь» in a word the dictionary does not know as a name («Пелоси» ->
    «Пелось»: a man's surname in «-ь» declines like «Гоголя», a woman's does not decline). A hyphenated word
    part by part («Бернерсом-Ли» -> «Бернерс-Ли»)."""
    parts, guesses = word.split("-"), candidate.split("-")
    if len(parts) > 1 and len(parts) == len(guesses):
        return all(plausible_nominative(p, g, cases) for p, g in zip(parts, guesses, strict=True))
    lowered, guess = word.lower(), candidate.lower()
    if guess == lowered:
        return True
    if cases and not any(takes_case_ending(word, case) for case in cases):
        return False
    if len(guess) > len(lowered) and guess.startswith(lowered):
        return False
    return not (lowered.endswith("и") and guess.endswith("ь") and not name_tags(word))


@lru_cache(maxsize=50_000)
def name_tags(word: str) -> frozenset[str]:
    """What the dictionary knows the word as among names: given name (Name), surname (Surn), patronymic (Patr)."""
    tags: set[str] = set()
    for parse in _parses(word.lower()):
        if parse.is_known:
            tags |= NAME_TAGS & set(str(parse.tag).replace(" ", ",").split(","))
    return frozenset(tags)


def dictionary_gender(word: str) -> str | None:
    """The gender the dictionary gives a Russian given name («Анна»: "f", «Михаэль»: "m"), None when it knows
    the word as no given name or as both."""
    genders = {
        "m" if "masc" in tag else "f"
        for parse in _parses(word.lower())
        if parse.is_known
        and "Name" in (tag := set(str(parse.tag).replace(" ", ",").split(",")))
        and ("masc" in tag or "femn" in tag)
    }
    return genders.pop() if len(genders) == 1 else None


def organization_nominative(word: str) -> str | None:
    """The nominative of a word the dictionary knows only as an organization's name (Orgn, never a person's
    name): «Аль-Кайды» -> «Аль-Каида», «Ленкома» -> «Ленком»; None for any other word."""
    known = [parse for parse in _parses(word.lower()) if parse.is_known]
    tags = [set(str(parse.tag).replace(" ", ",").split(",")) for parse in known]
    if not known or not all("Orgn" in tag for tag in tags) or any(tag & NAME_TAGS for tag in tags):
        return None
    normal = known[0].normal_form
    if word.isupper():
        return normal.upper()  # «ООН»
    pieces, written = normal.split("-"), word.split("-")
    if len(pieces) != len(written):
        return normal.capitalize()
    return "-".join(p.capitalize() if w[:1].isupper() else p for p, w in zip(pieces, written, strict=True))


def _adjective_nominative(word: str, case: str) -> str:
    """«младшего» -> «младший»: the dictionary's masculine nominative of an adjective read in the case."""
    for parse in _parses(word):
        tags = str(parse.tag)
        if parse.is_known and "ADJF" in tags and PYMORPHY_CASE[case] in tags and "masc" in tags:
            found = parse.inflect({"Nom"})
            if found is not None:
                return str(found.word)
    return word


@lru_cache(maxsize=50_000)
def name_cases(word: str) -> frozenset[str]:
    """The cases (natasha's names) in which the dictionary knows the word as a name: «Бартоломея» only in the
    genitive and accusative (of Бартоломей), «Мария» in the nominative."""
    cases = {**PYMORPHY_CASE, "Nom": "nomn"}
    found: set[str] = set()
    for parse in _parses(word):
        grams = set(str(parse.tag).replace(" ", ",").split(","))
        if parse.is_known and NAME_TAGS & grams:
            found.update(case for case, gram in cases.items() if gram in grams)
    return frozenset(found)


@lru_cache(maxsize=50_000)
def nominative(word: str, case: str) -> str:
    """The word (a part of a person's name, capitalized) in the nominative, given the case the tagger found."""
    if case not in PYMORPHY_CASE or len(word) < 3 or not all("а" <= c.lower() <= "я" or c in "ёЁ-" for c in word):
        return word
    if "-" in word:  # «Касым-Жомарта»: the last part declines
        head, _, last = word.rpartition("-")
        if last[:1].islower():  # «Буша-младшего»: the name declines, and the adjective after it
            return f"{nominative(head, case)}-{_adjective_nominative(last, case)}"
        return f"{head}-{nominative(last, case)}"
    known = [p for p in _parses(word) if p.is_known and NAME_TAGS & set(str(p.tag).replace(" ", ",").split(","))]
    if any("Fixd" in str(p.tag) for p in known):
        return word  # indeclinable: Гёте, Ли
    for parse in known:
        if PYMORPHY_CASE[case] in str(parse.tag) and "plur" not in str(parse.tag):  # «Джин» is no «Джины»
            found = parse.inflect({"Nom"})  # not normal_form, which is masculine: Петровой -> Петрова
            if found is not None:
                return str(found.word)[:1].upper() + str(found.word)[1:]
    lowered = word.lower()
    for ending, replacement in _endings()[case]:
        stem = lowered[: -len(ending)]
        after_consonant = ending[0] not in VOWELS or (len(stem) >= 2 and stem[-1] not in VOWELS)
        if lowered.endswith(ending) and len(stem) >= 2 and after_consonant:
            return word[: len(stem)] + replacement
    return word

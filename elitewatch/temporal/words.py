"""The words of dates (data/lexicon/dates.yaml, one `DateWords` per language) and the lookups the patterns and
the readers make in them: month and weekday numbers, spelled numbers, units, "last"/"next"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import load_words


@dataclass(frozen=True)
class DateWords:
    """data/lexicon/dates.yaml, for one language."""

    months: tuple[tuple[str, ...], ...]  # each month's names, January first
    month_stems: tuple[str, ...]  # January first; any case ending follows
    weekdays: tuple[tuple[str, ...], ...]  # each weekday's forms, Monday first
    numbers: dict[str, int]
    units: dict[str, str]
    relative: dict[str, int]
    future_markers: tuple[str, ...]
    timeml_units: dict[str, str]
    references: dict[str, str]
    sets: dict[str, str]
    set_words: tuple[str, ...]
    seasons: dict[str, str]
    dayparts: dict[str, str]
    ordinals: dict[str, int]
    nowadays_nouns: frozenset[str]
    spoken_numbers: dict[str, int]
    holidays: dict[str, str]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    not_past: frozenset[str]
    adjective_leads: frozenset[str]
    abbreviations: frozenset[str]
    deadline_cues: tuple[str, ...]


@cache
def lexicon(language: str) -> DateWords:
    return load_words("lexicon/dates.yaml", DateWords, language=language)


@cache
def english_months() -> dict[str, int]:
    return {name: n for n, names in enumerate(lexicon("en").months, start=1) for name in names}


@cache
def weekday_numbers() -> dict[str, int]:
    table: dict[str, int] = {}
    for language in ("en", "ru"):
        for n, names in enumerate(lexicon(language).weekdays):
            table.update({name: n for name in names})
    return table


def number_of(word: str | None) -> int:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    en, ru = lexicon("en"), lexicon("ru")
    return int(en.numbers.get(word.lower()) or ru.numbers.get(word.lower()) or 1)


def unit_of(word: str) -> str:
    en, ru = lexicon("en"), lexicon("ru")
    lowered = word.lower()
    if lowered in en.units:
        return en.units[lowered]
    if lowered in ru.units:
        return ru.units[lowered]
    return {"году": "year", "месяце": "month", "неделе": "week"}.get(lowered, "year")


def month_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("month"):
        return english_months().get(str(groups["month"]).lower().rstrip("."))
    if groups.get("mm"):
        return int(str(groups["mm"]))
    if groups.get("rumonth"):
        word = str(groups["rumonth"]).lower()
        stems = lexicon("ru").month_stems
        for n, stem in sorted(enumerate(stems, start=1), key=lambda item: -len(item[1])):
            if word.startswith(stem):
                # «ма» is a stem only of мая/мае/май, not of words that merely start with it
                if stem == "ма" and word not in ("май", "мая", "мае"):
                    return None
                return n
    return None


def relative_shift(word: str | None) -> int:
    if not word:
        return 0
    en, ru = lexicon("en"), lexicon("ru")
    lowered = word.lower()
    return int(en.relative.get(lowered, ru.relative.get(lowered, 0)))

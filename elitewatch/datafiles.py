"""Loaders for the data files in elitewatch/data: gazetteers, lexicons, transliteration tables.

The files are meant to be read and extended by people who are not programmers, so they are
plain TSV and YAML; this module turns them into lookup structures once per process. What the words
mean (name keys, an office's head, the country a place names) is built on them in elitewatch.vocabulary.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

DATA = resources.files("elitewatch") / "data"


def read_tsv(relative: str) -> list[dict[str, str]]:
    text = (DATA / relative).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "") for k, v in row.items()} for row in reader]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


@cache
def read_yaml(relative: str) -> dict[str, Any]:
    loaded = yaml.safe_load((DATA / relative).read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str  # "place" or "organization"
    kind: str  # country, capital, city, region, landmark, organization
    country: str
    forms: tuple[str, ...]  # every name form, English and Russian, acronyms included
    adjectives: tuple[str, ...]
    typos: tuple[str, ...] = ()  # acronyms with two neighbouring letters swapped: "CTSO" for "CSTO"


@cache
def places() -> tuple[GazetteerEntry, ...]:
    entries = []
    for row in read_tsv("gazetteer/places.tsv"):
        forms = (row["name"], *_split(row["aliases_en"]), *_split(row["names_ru"]))
        entries.append(
            GazetteerEntry(
                name=row["name"],
                type="place",
                kind=row["kind"],
                country=row["country"],
                forms=tuple(forms),
                adjectives=(*_split(row["adjectives_en"]), *_split(row.get("adjectives_ru") or "")),
            )
        )
    return tuple(entries)


@cache
def organizations() -> tuple[GazetteerEntry, ...]:
    entries = []
    for row in read_tsv("gazetteer/organizations.tsv"):
        forms = (row["name"], *_split(row["acronyms"]), *_split(row["aliases_en"]), *_split(row["names_ru"]))
        entries.append(
            GazetteerEntry(
                name=row["name"],
                type="organization",
                kind="organization",
                country="",
                forms=tuple(forms),
                adjectives=(),
                typos=tuple(typo for form in forms for typo in acronym_typos(form)),
            )
        )
    return tuple(entries)


@lru_cache(maxsize=100_000)  # names are looked up again and again
def fold(text: str) -> str:
    """Case- and punctuation-insensitive form used to look names up in gazetteers."""
    text = text.casefold().replace("ё", "е").replace("’", "'")
    if text.startswith("the "):
        text = text[4:]
    for suffix in ("'s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return " ".join(text.replace("-", " ").split())


@cache
def gazetteer_index() -> dict[str, GazetteerEntry]:
    """Folded name form -> entry, over places and organizations."""
    index: dict[str, GazetteerEntry] = {}
    for entry in (*places(), *organizations()):
        for form in entry.forms:
            index.setdefault(fold(form), entry)
    for entry in organizations():  # after every real form: a typo never hides a name
        for typo in entry.typos:
            index.setdefault(fold(typo), entry)
    return index


def acronym_typos(form: str) -> list[str]:
    """An acronym of four letters or more with two neighbouring letters swapped ("CTSO"), a common typo."""
    if len(form) < 4 or not form.isalpha() or not form.isupper():
        return []
    swapped = (form[:i] + form[i + 1] + form[i] + form[i + 2 :] for i in range(len(form) - 1))
    return [typo for typo in swapped if typo != form]


@cache
def speech_lexicon() -> dict[str, Any]:
    return read_yaml("lexicon/speech_verbs.yaml")


@cache
def speech_verbs(language: str) -> frozenset[str]:
    return frozenset(speech_lexicon().get(language, []))


@cache
def titles() -> dict[str, frozenset[str]]:
    return {key: frozenset(values) for key, values in read_yaml("lexicon/titles.yaml").items()}


@cache
def cyrillic_table() -> dict[str, str]:
    table: dict[str, str] = {}
    text = (DATA / "translit/cyrillic.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        letter, _, latin = line.partition("\t")
        table[letter] = latin
    return table


@cache
def latin_rules() -> tuple[tuple[str, str], ...]:
    return tuple((row["pattern"], row["replacement"]) for row in read_tsv("translit/latin_rules.tsv"))


@cache
def legal_forms() -> frozenset[str]:
    """Legal forms organization names carry ("JSC", «ТОО»), folded."""
    return frozenset(str(form).casefold() for form in read_yaml("lexicon/names.yaml").get("legal_forms", []))

"""The words entity typing and cleaning read: titles, organization words, surname suffixes, generic words
(data/lexicon/titles.yaml and names.yaml)."""

from __future__ import annotations

from functools import cache

from elitewatch.datafiles import fold, read_yaml, titles


@cache
def entity_words() -> dict[str, frozenset[str]]:
    names = read_yaml("lexicon/names.yaml")
    table = titles()
    return {
        "titles": table["honorifics_en"] | table["roles_en"] | table["roles_ru"],
        "org_words": table["org_words_en"] | table["org_words_ru"],
        "suffixes": frozenset(names["surname_suffixes"]),
        "generic": frozenset(names["generic_words"]),
        "relations": table["person_relations_en"],
        "hyphen_titles": frozenset(fold(word) for word in names["hyphen_titles"]),
    }

"""The words entity typing and cleaning read: titles, organization words, surname suffixes, generic words
(data/lexicon/titles.yaml and names.yaml)."""

from __future__ import annotations

from functools import cache

from elitewatch.datafiles import fold, name_words, titles


@cache
def entity_words() -> dict[str, frozenset[str]]:
    names = name_words()
    en, ru = titles("en"), titles("ru")
    return {
        "titles": en.honorifics | ru.honorifics | en.roles | ru.roles,
        "org_words": en.org_words | ru.org_words,
        "suffixes": names.surname_suffixes,
        "generic": names.generic_words,
        "relations": en.person_relations | ru.person_relations,
        "hyphen_titles": frozenset(fold(word) for word in names.hyphen_titles),
    }

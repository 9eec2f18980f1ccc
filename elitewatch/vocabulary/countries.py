"""Countries as words: the country a place, an adjective or a name belongs to (data/gazetteer/places.tsv)."""

from __future__ import annotations

from functools import cache, lru_cache

from elitewatch.datafiles import fold, gazetteer_index, places


@cache
def demonyms() -> dict[str, str]:
    """Folded adjective ("kazakh", "kazakhstani") -> country name ("Kazakhstan")."""
    table: dict[str, str] = {}
    for entry in places():
        for adjective in entry.adjectives:
            table[fold(adjective)] = entry.country or entry.name
    return table


@lru_cache(maxsize=65536)
def demonym(text: str, lemma: str = "") -> str | None:
    """The country a word names as an adjective: "Kazakh", «итальянского» (by its lemma) -> the country."""
    table = demonyms()
    return table.get(fold(text)) or (table.get(fold(lemma)) if lemma else None)


def country_named(name: str | None) -> str | None:
    """The country a place name or adjective belongs to ("Moscow", "Russian" -> "Russia"); None otherwise."""
    if not name:
        return None
    entry = gazetteer_index().get(fold(name))
    if entry is not None and entry.type == "place":
        return entry.country or entry.name
    return demonyms().get(fold(name))


def country_of(name: str | None) -> str | None:
    """The country a place belongs to ("Moscow" -> "Russia"), for comparing offices' places: an organization
    is its own place, and a name the gazetteer does not know is compared as it is (folded)."""
    if not name:
        return None
    entry = gazetteer_index().get(fold(name))
    if entry is None:
        return demonyms().get(fold(name)) or fold(name)
    return entry.country or entry.name

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


@cache
def place_adjectives() -> dict[str, str]:
    """Folded adjective -> the place itself, not its country: «московский» -> "Moscow", «российский» ->
    "Russia" (places.tsv)."""
    table: dict[str, str] = {}
    for entry in places():
        for adjective in entry.adjectives:
            table.setdefault(fold(adjective), entry.name)
    return table


# «Всероссийский», «всекитайский»: the prefix "all-" before a country's adjective
ALL_PREFIX = "все"
# «российско-американский»: the first parts of a compound adjective end in -о, for -ий or -ский
COMPOUND_ENDINGS = ("ий", "ский")


def place_of_adjective(word: str, lemma: str = "") -> str | None:
    """The place a Russian adjective (or the first part of a compound one) names: «российских»,
    «Всероссийского», «российско» (of «российско-американский») -> "Russia"."""
    table = place_adjectives()
    for form in (fold(lemma), fold(word)):
        if not form:
            continue
        if form in table:
            return table[form]
        if form.startswith(ALL_PREFIX) and form[len(ALL_PREFIX) :] in table:
            return table[form[len(ALL_PREFIX) :]]
    if word.endswith("о"):
        for ending in COMPOUND_ENDINGS:
            if (found := table.get(fold(word[:-1] + ending))) is not None:
                return found
    return None

"""Countries as words: the country a place, an adjective or a name belongs to (data/gazetteer/places.tsv)."""

from __future__ import annotations

from functools import cache, lru_cache

from elitewatch.datafiles import GazetteerEntry, fold, gazetteer_index, name_words, places


@cache
def demonyms() -> dict[str, str]:
    """Folded adjective ("kazakh", "kazakhstani") -> country name ("Kazakhstan")."""
    table: dict[str, str] = {}
    for entry in places():
        if entry.kind in CITY_KINDS:
            continue  # «московский» is Moscow's (place_adjectives), not a nationality: «Пермский обозреватель»
        for adjective in entry.adjectives:
            table[fold(adjective)] = entry.country or entry.name
    return table


CITY_KINDS = frozenset({"city", "capital"})


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


def place_in_word(word: str) -> str | None:
    """The known place a word names in any case («Украины», «России», «Казахстана», «США» -> its entry's
    name). Compared without the word's last letter, which is the case ending of a declined name (no
    morphology at this layer)."""
    folded = fold(word)
    if len(folded) < 2:
        return None
    words, stems = _place_words(), _place_stems()
    found = words.get(folded) or stems.get(folded[:-1])
    # five letters, and stems of four (here and in the stems below): a shorter stem begins too many other words;
    # set by hand with organizations across documents (82e0996), not swept on a dev set
    if found is None and len(folded) >= 5:
        found = words.get(folded[:-1])
    return found


def names_place(word: str) -> bool:
    return place_in_word(word) is not None


@cache
def _place_words() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in places():
        for form in entry.forms:
            if " " not in form and len(form) >= 2:
                table.setdefault(fold(form), entry.name)
    return table


@cache
def _place_stems() -> dict[str, str]:
    return {word[:-1]: name for word, name in _place_words().items() if len(word) >= 4}


def national_body(name: str) -> bool:
    """Is this the common name of an organization every country has («МИД», «посольство», "Supreme Court")?"""
    return fold(name) in name_words().national_bodies


def without_place(name: str) -> str | None:
    """An organization's name without the place that ends it: «Нафтогаз Украины» -> «Нафтогаз»,
    "Госдепартамент США" -> «Госдепартамент»; None when no known place ends it."""
    words = name.split()
    head = " ".join(words[:-1])
    if len(words) >= 2 and names_place(words[-1]) and any(c.isupper() for c in head) and not national_body(head):
        return head
    return None


def gazetteer_entry(form: str) -> GazetteerEntry | None:
    """The gazetteer entry a form names, also as one declined word the span normalizer left as written
    («Нидерландах», «Евросоюзе»): compared without its last letter (or two, for «-ах», «-ом»)."""
    index = gazetteer_index()
    folded = fold(form)
    if folded in index:
        return index[folded]
    if " " in folded or len(folded) < 5 or not any("а" <= c <= "я" for c in folded):
        return None
    stems = _gazetteer_stems()
    for cut in (1, 2):
        if cut == 2 and folded[-2:] not in TWO_LETTER_ENDINGS:
            break
        if (entry := index.get(folded[:-cut]) or stems.get(folded[:-cut])) is not None:
            return entry
    return None


# Case endings of two letters (plural locative, instrumental…), the only ones taken off with two letters:
# «Нидерландах», «Германией»; not «Бельгиец» (a Belgian, not Belgium)
TWO_LETTER_ENDINGS = frozenset({"ах", "ях", "ам", "ям", "ом", "ем", "ой", "ей", "ым", "им", "ью", "ию", "ии"})


@cache
def _gazetteer_stems() -> dict[str, GazetteerEntry]:
    return {key[:-1]: entry for key, entry in gazetteer_index().items() if " " not in key and len(key) >= 5}

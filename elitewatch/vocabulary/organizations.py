"""Organization names as keys: the same key for the forms one organization goes by in Russian news
(«МИД России» = «МИД РФ» = «российский МИД»; «Амстердамский суд» = «Суд Амстердама»)."""

from __future__ import annotations

import re
from functools import lru_cache

from elitewatch.vocabulary.countries import place_in_word, place_of_adjective
from elitewatch.vocabulary.names import case_stem, strip_legal_form, token_keys

# A Russian adjective made of a name by -ск-, in any case and gender, as key letters: «Стокгольмский»,
# «Амстердамским» (the name itself is what is left: "stokgolm", "amsterdam").
NAME_ADJECTIVE = re.compile(
    r"(?<=[a-z]{4})(?:sk|ck)(?:ii|i|ij|aja|aia|oe|ogo|omu|om|oi|oj|im|ih|ix|imi|ie|uju|uu|ovo)$"
)


@lru_cache(maxsize=100_000)
def organization_key(name: str) -> str:
    """An organization's key: its words without the legal form, a place by the place's name in the gazetteer
    whether a noun or an adjective names it («МИД России» = «МИД РФ» = «российский МИД»), an adjective made of
    a name by the name («Амстердамский суд» = «Суд Амстердама»), and each word without its case ending, in
    any order («Генассамблеи ООН» = «Генассамблее ООН»)."""
    words = []
    for word in strip_legal_form(name).split():
        place = place_in_word(word) if len(word) > 1 else None
        if place is None and any("а" <= c <= "я" for c in word.lower()):
            place = _place_of_russian_adjective(word)
        words.append(place or word)
    return " ".join(sorted(_word_stem(key) for key in token_keys(" ".join(words))))


# The endings of a Russian adjective in every case and gender, and those of its dictionary form.
ADJECTIVE_ENDING = re.compile(
    r"(?<=\w{4})(?:ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ой|ей|ом|ем|ые|ие|ых|их|ым|им|ую|юю|ий|ый)$"
)
LEMMA_ENDINGS = ("ий", "ый", "ой")


def _place_of_russian_adjective(word: str) -> str | None:
    """The place an adjective names in any case and gender («Российское», «шведского» -> the place)."""
    if (place := place_of_adjective(word)) is not None:
        return place
    ending = ADJECTIVE_ENDING.search(word.lower())
    if ending is None:
        return None
    stem = word.lower()[: ending.start()]
    return next((p for e in LEMMA_ENDINGS if (p := place_of_adjective(word, stem + e)) is not None), None)


def _word_stem(key: str) -> str:
    """A word's key without its case ending (names.case_stem); an adjective made of a name is the name."""
    return case_stem(NAME_ADJECTIVE.sub("", key))

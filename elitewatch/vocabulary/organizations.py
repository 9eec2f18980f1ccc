"""Organization names as keys: the same key for the forms one organization goes by in Russian news
(«МИД России» = «МИД РФ» = «российский МИД»; «Амстердамский суд» = «Суд Амстердама»; «Государственная дума» =
«Госдума»), and the initials a short name is made of («ГА ООН» of «Генеральная Ассамблея ООН», «СК России» of
«Следственный комитет России», "UNGA" of "UN General Assembly"), by the conventions of data/lexicon/abbreviations.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from elitewatch.datafiles import fold, gazetteer_index, load_words
from elitewatch.vocabulary.countries import place_in_word, place_of_adjective
from elitewatch.vocabulary.names import QUOTES, case_stem, strip_legal_form, token_key, token_keys

# A Russian adjective made of a name by -ск-, in any case and gender, as key letters: «Стокгольмский»,
# «Амстердамским» (the name itself is what is left: "stokgolm", "amsterdam").
NAME_ADJECTIVE = re.compile(
    r"(?<=[a-z]{4})(?:sk|ck)(?:ii|i|ij|aja|aia|oe|ogo|omu|om|oi|oj|im|ih|ix|imi|ie|uju|uu|ovo)$"
)


@lru_cache(maxsize=100_000)
def organization_key(name: str) -> str:
    """An organization's key: its words without the legal form, a full word and the next one as their compound
    abbreviation («Государственная дума» as «Госдума»), a place by the place's name in the gazetteer whether a
    noun or an adjective names it («МИД России» = «МИД РФ» = «российский МИД» = «МИД Российской Федерации»), an
    adjective made of a name by the name («Амстердамский суд» = «Суд Амстердама»), and each word without its
    case ending, in any order («Генассамблеи ООН» = «Генассамблее ООН»)."""
    words: list[str] = []
    source = _compounded(_without_city_kind(strip_legal_form(name).split()))
    index = 0
    while index < len(source):
        word = source[index]
        place = place_in_word(word) if len(word) > 1 else None
        if place is None and any("а" <= c <= "я" for c in word.lower()):
            place = _place_of_russian_adjective(word)
            if place is not None and index + 1 < len(source) and _rest_of_place(place, source[index + 1]):
                index += 1  # «Российской Федерации»: one place
        words.append(place or word)
        index += 1
    return " ".join(sorted(_word_stem(key) for key in token_keys(" ".join(words))))


def _without_city_kind(words: list[str]) -> list[str]:
    """The words without those that say a region after «по» is a city («ГУ МВД по г. Москве», «… по городу
    Москве» are «ГУ МВД по Москве»)."""
    lexicon = abbreviation_words()
    after = next((k for k, w in enumerate(words) if w.lower() in lexicon.qualifier_words), len(words))
    return words[: after + 1] + [
        w for w in words[after + 1 :] if lexicon.qualifier_kinds.get(w.lower().strip(".")) != ""
    ]


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


# The letters two forms of a place's second word share in any case: «Федерация» / «Федерации».
PLACE_WORD_STEM = 5


def _rest_of_place(place: str, word: str) -> bool:
    """Is `word` the second word of a two-word name of `place` after its adjective («Федерации» of «Российской
    Федерации»)?"""
    entry = gazetteer_index().get(fold(place))
    if entry is None or not word[:1].isupper():
        return False
    key = token_key(word)
    return len(key) >= PLACE_WORD_STEM and any(
        len(parts := form.split()) == 2 and token_key(parts[1])[:PLACE_WORD_STEM] == key[:PLACE_WORD_STEM]
        for form in entry.forms
    )


# The fewest letters a word's stem keeps when the vowels a case ending leaves are taken off it.
STEM_LETTERS = 4


def _word_stem(key: str) -> str:
    """A word's key without its case ending (names.case_stem) and the vowels before it, so that the forms of
    nouns in -ия, -ея read alike («комиссия», «комиссией», «Ассамблее», «Ассамблея»); an adjective made of a
    name is the name."""
    stem = case_stem(NAME_ADJECTIVE.sub("", key))
    bare = stem.rstrip("aeiouy")
    return bare if len(stem) > STEM_LETTERS and len(bare) >= STEM_LETTERS else stem


# compound abbreviations ------------------------------------------------------------------------


@dataclass(frozen=True)
class AbbreviationWords:
    """data/lexicon/abbreviations.yaml."""

    function_words: frozenset[str]
    qualifier_words: frozenset[str]
    qualifier_kinds: dict[str, str]
    compound_prefixes: dict[str, dict[str, tuple[str, ...]]]


@cache
def abbreviation_words() -> AbbreviationWords:
    return load_words("lexicon/abbreviations.yaml", AbbreviationWords)


# The shortest rest of a compound after its first syllable («дума» of «Госдума»), so that a short word that
# merely begins like a syllable is no compound; set by hand.
COMPOUND_REST = 3


def compound_parts(word: str) -> tuple[str, str] | None:
    """A compound abbreviation's first syllable and the rest («Госдума» -> ("гос", "дума"), «Еврокомиссии» ->
    ("евро", "комиссии")); None for any other word («Государственная», «министр», «Гостиница»)."""
    lower = word.lower().strip(QUOTES)
    for prefix, beginnings in abbreviation_words().compound_prefixes.items():
        known = (*beginnings.get("full", ()), *beginnings.get("other", ()))
        if (
            lower.startswith(prefix)
            and len(lower) - len(prefix) >= COMPOUND_REST
            and lower[len(prefix)].isalpha()
            and not any(lower.startswith(b) for b in known)
        ):
            return prefix, word.strip(QUOTES)[len(prefix) :]
    return None


def _shortened(word: str) -> str | None:
    """The syllable a full word becomes in a compound abbreviation («Государственной» -> "гос")."""
    lower = word.lower()
    return next(
        (prefix for prefix, b in abbreviation_words().compound_prefixes.items() if lower.startswith(tuple(b["full"]))),
        None,
    )


def _compounded(words: list[str]) -> list[str]:
    """The words with each full word that a compound abbreviation shortens joined to the next word as that
    compound («Государственной Думы» -> «Госдумы», «Генеральная Ассамблея ООН» -> «Генассамблея ООН»): the
    two forms one key."""
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        prefix = _shortened(word)
        following = words[index + 1] if index + 1 < len(words) else ""
        if prefix is not None and _joins_compound(following):
            out.append(prefix + following.lower())
            index += 2
            continue
        out.append(word)
        index += 1
    return out


def _joins_compound(word: str) -> bool:
    """May this word follow a shortened one in its compound («дума» of «Госдума»; not «ООН», not «по»)?"""
    return (
        word[:1].isalpha()
        and not word.isupper()
        and _abbreviated(word) is None
        and word.lower() not in abbreviation_words().function_words
    )


# initials -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Initials:
    """What a short name is made of: the letters («ГУМВД» of «ГУ МВД по Москве» and of «Главное управление МВД
    по Москве»), the places named beside them («СК России»), the region after «по» kept as a qualifier, and
    whether the name is the short one (written in its letters) or spelled out. A city or region named
    after the letters is the region, as after «по» («ГУ МВД Петербурга»); a country is one of the places."""

    letters: str
    places: frozenset[str]
    qualifier: frozenset[str]
    abbreviation: bool


# The least an abbreviation is made of: two letters («СК», "EC"); set by the shortest in use.
MIN_LETTERS = 2
# An abbreviation's letters may carry a case ending in lower case («МИДа», «ЦИБе»): at most this long.
ABBREVIATION_ENDING = 2


def _abbreviated(word: str) -> str | None:
    """The capitals of a word written as an abbreviation («МВД», «ООН», "UN", «МИДа» -> «МИД»), else None."""
    letters = word.strip(QUOTES + ".,;:")
    capitals = len(letters) - len(letters.lstrip("".join(c for c in letters if c.isupper())))
    head = letters[:capitals] if capitals else ""
    if len(head) < MIN_LETTERS or not head.isalpha() or not head.isupper():
        return None
    tail = letters[capitals:]
    if tail and (len(tail) > ABBREVIATION_ENDING or not tail.isalpha() or not tail.islower()):
        return None
    return head


@lru_cache(maxsize=100_000)
def initials(name: str) -> Initials | None:
    """The initials of an organization's name, whether it is written in them («ФСБ», «СК России», «ГУ МВД по
    Москве», "UNGA") or spelled out («Федеральная служба безопасности», «Главное управление МВД по Москве», "UN
    General Assembly"): the first letter of each content word, a compound abbreviation's two («Госдума» -> ГД,
    «Генассамблея ООН» -> ГА ООН), an abbreviated word whole, a place after the first word apart, and the
    region after «по» apart as a qualifier. None when the name gives fewer than two letters or has a number."""
    lexicon = abbreviation_words()
    words = [w.strip(QUOTES + ".,;:()") for w in strip_legal_form(name).split()]
    words = [w for w in words if w]
    letters: list[str] = []
    places: set[str] = set()
    regions: set[str] = set()
    qualifier: frozenset[str] = frozenset()
    spelled = 0
    index = 0
    while index < len(words):
        word, lower = words[index], words[index].lower()
        if any(c.isdigit() for c in word):
            return None
        if lower in lexicon.qualifier_words and (region := _qualifier(words[index + 1 :])) is not None:
            qualifier = region
            break
        index += 1
        if lower in lexicon.function_words or not any(c.isalpha() for c in word):
            continue
        place = _place_named(word, first=index == 1)
        if place is not None:
            (places if _country(place) else regions).add(place)  # «ГУ МВД Петербурга» = «… по Петербургу»
            if index < len(words) and _rest_of_place(place, words[index]):
                index += 1
            continue
        if (capitals := _abbreviated(word)) is not None:
            letters.append(capitals)
            continue
        if (parts := compound_parts(word)) is not None:
            letters.append((parts[0][0] + parts[1][0]).upper())
            spelled += 2
            continue
        for part in word.split("-"):
            if part[:1].isalpha():
                letters.append(part[0].upper())
                spelled += 1
    joined = "".join(letters)
    if len(joined) < MIN_LETTERS or (spelled and spelled < MIN_LETTERS):
        return None
    return Initials(joined, frozenset(places), qualifier | regions, abbreviation=spelled == 0)


def _country(place: str) -> bool:
    entry = gazetteer_index().get(fold(place))
    return entry is None or entry.kind == "country"


def _place_named(word: str, *, first: bool) -> str | None:
    """The place a word of an organization's name names apart from its letters: a country's abbreviation
    («РФ», «США»), a place's name after the first word («России»), a lower-case adjective of a place
    («российский МИД») or a capitalized one after the first word («Российской Федерации»); a place that starts
    the name is one of its letters («Казахстан темир жолы», «Российская академия наук»)."""
    if word.isupper() and len(word) >= MIN_LETTERS:
        return place_in_word(word)
    if word[:1].isupper() and first:
        return None
    if word[:1].isupper() and (place := place_in_word(word)) is not None:
        return place
    if any("а" <= c <= "я" for c in word.lower()):
        return _place_of_russian_adjective(word)
    return None


def _qualifier(words: list[str]) -> frozenset[str] | None:
    """The region after «по» («Москве», «г. Москве», «городу Москве» -> Moscow; «Московской области» -> Moscow
    and the province), or None when «по» begins no region («Комиссия по ценным бумагам»)."""
    kinds = abbreviation_words().qualifier_kinds
    named = [w for w in words if w.lower() not in kinds]
    if not named or not named[0][:1].isupper():
        return None
    keys = {place_in_word(w) or _place_of_russian_adjective(w) or case_stem(token_key(w)) for w in named}
    return frozenset(k for k in keys | {kinds[w.lower()] for w in words if w.lower() in kinds} if k)


def same_initials(a: Initials, b: Initials) -> bool:
    """The same letters and region, and the same places where both name any («СК», «СК России» and
    «Следственный комитет России»)."""
    return (
        a.letters == b.letters and a.qualifier == b.qualifier and (not a.places or not b.places or a.places == b.places)
    )


def abbreviates(short: Initials, full: Initials) -> bool:
    """Is `short` the abbreviation of `full` (written in its initials, `full` spelled out, same_initials)?"""
    return short.abbreviation and not full.abbreviation and same_initials(short, full)


def with_places(names: list[Initials]) -> list[Initials]:
    """The initials of one organization's names, each with the places of them all (its country is named in
    one of them, «МИД России», and not in another, «Министерство иностранных дел»)."""
    places = frozenset().union(*(i.places for i in names)) if names else frozenset()
    return [Initials(i.letters, places, i.qualifier, i.abbreviation) for i in names]

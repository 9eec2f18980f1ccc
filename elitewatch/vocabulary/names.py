"""Comparison keys for names, the same for every spelling and script of one name.

Токаев, Тоқаев, Tokayev, Tokaev and Toqaev all give "tokaev": Cyrillic is transliterated by
the table in data/translit/cyrillic.tsv, then the rewrites of data/translit/latin_rules.tsv
fold the Latin spellings in use onto one form. Keys are for comparing, never for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz.distance import OSA

from elitewatch.datafiles import (
    cyrillic_lookalikes,
    cyrillic_table,
    latin_rules,
    legal_forms,
    load_words,
    name_words,
    read_yaml,
)

QUOTES = "«»\"“”„‘’'"
INITIALS = re.compile(r"(?:\w\.)+\w?\.?")
POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
NON_LETTERS = re.compile(r"[^a-z0-9 ]+")  # digits stay: «Северный поток-2» is not «Северный поток»
BRACKETS = re.compile(r"[\[\]()]")
# "Х.Маас", "A.B.Smith": an initial's dot with a letter right after it ends a word as a space would
INITIAL_DOT = re.compile(r"(?<=\b\w\.)(?=\w\w)")


@cache
def _compiled_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in latin_rules())


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text.strip())


def strip_legal_form(name: str) -> str:
    """An organization's name without the legal forms before and after it and the quotation marks around it:
    "Kazakhstan Temir Zholy JSC NC" -> "Kazakhstan Temir Zholy", «ПАО «Газпром»» -> «Газпром», «Газпром Финанс
    Б. В.» -> «Газпром Финанс» (names.yaml). A name that is nothing but a legal form stays."""
    words = name.split()
    while len(words) >= 2 and INITIALS.fullmatch(words[-1]) and INITIALS.fullmatch(words[-2]):
        words[-2:] = [words[-2] + words[-1]]  # "Б. В." is "Б.В."
    while len(words) > 1 and _legal_form(words[-1]):
        words = words[:-1]
    while len(words) > 1 and _legal_form(words[0]):
        words = words[1:]
    joined = " ".join(words).rstrip(",")
    return joined.strip(QUOTES + " ") or joined


def _legal_form(word: str) -> bool:
    return word.casefold().strip(",").strip(QUOTES).rstrip(".") in legal_forms()


@cache
def token_key(token: str) -> str:
    """Key of one name part."""
    table = cyrillic_table()
    lowered = cyrillic_lookalikes(token).lower()
    for digraph in _digraphs():
        lowered = lowered.replace(digraph, table[digraph])
    latin = "".join(table.get(char, char) for char in lowered)
    rules = _compiled_rules()
    for pattern, replacement in rules:  # letters with diacritics (ž, ş, ğ) first, before stripping them
        if not pattern.pattern.isascii():
            latin = pattern.sub(replacement, latin)
    latin = "".join(c for c in unicodedata.normalize("NFKD", latin) if not unicodedata.combining(c))
    latin = NON_LETTERS.sub("", latin)
    for pattern, replacement in rules:
        if pattern.pattern.isascii():
            latin = pattern.sub(replacement, latin)
    return latin


@cache
def _digraphs() -> tuple[str, ...]:
    return tuple(letters for letters in cyrillic_table() if len(letters) > 1)


@dataclass(frozen=True)
class Phonetic:
    near_letters: frozenset[tuple[str, str]]  # every two letters of one group
    vowels: frozenset[str]
    light_letters: frozenset[str]
    near_cost: float
    light_cost: float
    same_part: float


@cache
def phonetic() -> Phonetic:
    groups = read_yaml("translit/phonetic.yaml")["near_letters"]
    near = {(a, b) for group in groups for a in group for b in group if a != b}
    return load_words("translit/phonetic.yaml", Phonetic, near_letters=frozenset(near))


def _substitution(a: str, b: str, table: Phonetic) -> float:
    if a == b:
        return 0.0
    if (a, b) in table.near_letters or (a in table.vowels and b in table.vowels):
        return table.near_cost
    return 1.0


@cache
def key_distance(a: str, b: str) -> float:
    """Edit distance between two keys where transliteration's usual differences cost less (phonetic.yaml)."""
    table = phonetic()

    def indel(char: str) -> float:
        return table.light_cost if char in table.light_letters else 1.0

    previous = [0.0]
    for char in b:
        previous.append(previous[-1] + indel(char))
    for x in a:
        current = [previous[0] + indel(x)]
        for j, y in enumerate(b, start=1):
            current.append(
                min(previous[j] + indel(x), current[j - 1] + indel(y), previous[j - 1] + _substitution(x, y, table))
            )
        previous = current
    return previous[-1]


def part_similarity(a: str, b: str) -> float:
    """How alike two name parts are in any script or spelling, 0..1: Tokayev/Токаев/Toqaev 1.0,
    Zhu/Чжу 1.0, Koji/Кодзи 0.88, Jingfu/Цзинфу 0.83, Tokayev/Nazarbayev 0.39."""
    key_a, key_b = token_key(a), token_key(b)
    if not key_a or not key_b:
        return 0.0
    return 1.0 - key_distance(key_a, key_b) / max(len(key_a), len(key_b))


def same_part(a: str, b: str) -> bool:
    """Are these two spellings of one name part?"""
    return part_similarity(a, b) >= phonetic().same_part


def token_keys(name: str) -> list[str]:
    return list(_token_keys(name))


@lru_cache(maxsize=100_000)  # extraction, linking and resolution key the same names many times
def _token_keys(name: str) -> tuple[str, ...]:
    name = INITIAL_DOT.sub(" ", BRACKETS.sub(" ", strip_possessive(name)))
    parts = re.split(r"[\s\-‐–]+", name)
    keys = [token_key(part) for part in parts if part]
    return tuple(key for key in keys if key)


@lru_cache(maxsize=100_000)
def name_key(name: str) -> str:
    """Order-insensitive key of a whole name ("Лужков Юрий" = "Юрий Лужков")."""
    return " ".join(sorted(token_keys(name)))


def surname_key(name: str) -> str:
    """The surname's key: the last part's, or the first's when a patronymic ends the name («Сурков Владислав
    Юрьевич», as Russian lists put it)."""
    keys = token_keys(name)
    if len(keys) >= 3:
        parts = name_parts(name)
        if len(parts) >= 3 and parts[-1].patronymic and not parts[0].initial:
            return parts[0].key
    return keys[-1] if keys else ""


# Comparing whole names by their parts -----------------------------------------------------------

# A surname pair below this is two names, however alike the rest; set by hand with cross-script resolution
# (e2eea5a), not swept on a dev set (same_part, in phonetic.yaml, was measured).
SAME_SURNAME = 0.8


@dataclass(frozen=True)
class NameMatch:
    """How alike two names are (0..1), and why."""

    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class NamePart:
    text: str
    key: str
    initial: bool
    patronymic: bool


@cache
def _patronymic() -> re.Pattern[str]:
    return re.compile(name_words().patronymic_pattern)


@cache
def _final_patronymic() -> re.Pattern[str]:
    return re.compile(name_words().final_patronymic_pattern)


@lru_cache(maxsize=100_000)
def name_parts(name: str) -> tuple[NamePart, ...]:
    """A name's parts: "Kassym-Jomart Tokayev" -> [Kassym-Jomart, Tokayev]; "Н. Кан" -> [Н. (initial), Кан]."""
    parts = []
    words = INITIAL_DOT.sub(" ", BRACKETS.sub(" ", strip_possessive(name))).split()
    for word in (initial for written in words for initial in _initials(written)):
        key = "".join(token_keys(word))
        if not key:
            continue
        letters = word.strip(".")
        initial = len(letters) <= 2 and (word.endswith(".") or len(letters) == 1)
        patronymic = not initial and _patronymic().search(key) is not None
        parts.append(NamePart(word, key, initial, patronymic))
    # "Lukashevich", "Alexander Lukashevich": an -ovich word alone or after a given name is a surname; a
    # female or Kazakh patronymic may end a two-part name («Людмила Марковна», "Imangali Nurgaliuly")
    if len(parts) == 1 or (len(parts) == 2 and not _final_patronymic().search(parts[1].key)):
        parts = [NamePart(p.text, p.key, p.initial, False) for p in parts]
    return tuple(parts)


SEVERAL_INITIALS = re.compile(r"(?:\w\.){2,}")


def _initials(word: str) -> list[str]:
    """ «В.В.» is two initials, a given name's and a patronymic's; any other word is itself."""
    if SEVERAL_INITIALS.fullmatch(word):
        return [f"{letter}." for letter in word.split(".") if letter]
    return [word]


@lru_cache(maxsize=100_000)  # the resolver compares a document's names with the same candidates again and again
def compare_names(a: str, b: str) -> NameMatch:
    """Compare two person names part by part, in any script and order: the surnames must agree (not a
    masculine and a feminine form); given names must agree, or one be the other's initial, or one name
    lack it; a patronymic only one name gives is no difference."""
    parts_a, parts_b = name_parts(a), name_parts(b)
    full_a = [p for p in parts_a if not p.initial]
    full_b = [p for p in parts_b if not p.initial]
    if not full_a or not full_b:
        return NameMatch(0.0, ("no name part to compare",))
    # The surname: last against last ("Kassym-Jomart Tokayev"), or first against last when one name puts
    # the surname first ("Лужков Юрий"); the better pairing, last against last when they tie.
    names_a = [p for p in full_a if not p.patronymic] or full_a
    names_b = [p for p in full_b if not p.patronymic] or full_b
    pairings = [(names_a[-1], names_b[-1]), (names_a[0], names_b[-1]), (names_a[-1], names_b[0])]
    scored = [(part_similarity(x.text, y.text), x, y) for x, y in pairings]
    surname_score, surname_a, surname_b = next((item for item in scored if item[0] >= SAME_SURNAME), scored[0])
    reasons = [f"surname {surname_a.text} ~ {surname_b.text} {surname_score:.2f}"]
    if _gender_pair(surname_a.key, surname_b.key):
        return NameMatch(0.1, (*reasons, "masculine and feminine forms: two people"))
    if surname_score < SAME_SURNAME:
        return NameMatch(round(surname_score / 2, 3), (*reasons, "surnames differ"))
    rest_a = [p for p in parts_a if p is not surname_a]
    rest_b = [p for p in parts_b if p is not surname_b]
    score = surname_score
    given_a = [p for p in rest_a if not p.patronymic]
    given_b = [p for p in rest_b if not p.patronymic]
    if given_a and given_b:
        x, y = given_a[0], given_b[0]
        if x.initial or y.initial:
            same = x.key[:1] == y.key[:1]
            reasons.append(f"initial {x.text} ~ {y.text} {'agrees' if same else 'differs'}")
            # the factors of this function (0.95, 0.2, 0.75, 0.3, 0.1) were set by hand with cross-script
            # resolution (e2eea5a) so that one wrong part keeps a pair under the resolver's MERGE; not swept
            score *= 0.95 if same else 0.2
        else:
            given = part_similarity(x.text, y.text)
            reasons.append(f"given name {x.text} ~ {y.text} {given:.2f}")
            score *= 1.0 if given >= phonetic().same_part else 0.2
    else:
        reasons.append("one name gives the surname only")
        score *= 0.75
    patronymics = [(x, y) for x in rest_a for y in rest_b if x.patronymic and y.patronymic]
    for x, y in patronymics[:1]:  # the fathers' names, less the shared ending: "Nikolae-vich" / "Mikhailo-vich"
        stem_x, stem_y = _patronymic().sub("", x.key), _patronymic().sub("", y.key)
        longer = max(len(stem_x), len(stem_y), 1)
        similarity = 1.0 - key_distance(stem_x, stem_y) / longer
        reasons.append(f"patronymic {x.text} ~ {y.text} {similarity:.2f}")
        score *= 1.0 if similarity >= phonetic().same_part else 0.3
    return NameMatch(round(score, 3), tuple(reasons))


# A name part's Russian case ending, as key letters; taken off only keys longer than STEM_MIN letters, so that
# two-letter stems of short names never join (set by hand with declined surnames).
CASE_ENDING = re.compile(r"(?:ami|jami|om|em|oj|ej|ju|ja|u|a|e|i|y|o)$")
STEM_MIN = 4


def case_stem(key: str) -> str:
    """A name part's key without a Russian case ending: "ortegu", "ortega", "ortegi" -> "orteg"."""
    return CASE_ENDING.sub("", key) if len(key) > STEM_MIN else key


# Two keys of organization or place names are one name misspelled or transliterated another way when, over
# keys of at least NEAR_MIN letters, they are this far apart (an edit where transliteration's usual
# differences are cheap, or one letter or two swapped letters): «Натфогаз»/«Нафтогаз», «Норд Стрим»/"Nord
# Stream", "Wintershell"/"Wintershall"; set by hand, not swept on a dev set.
NEAR_DISTANCE = 1.0
NEAR_MIN = 6


def near_keys(a: str, b: str) -> float | None:
    """How far apart two name keys of one organization or place spelled two ways are, or None when they
    are two names: only one word may differ (or the spaces), the numbers must be the same («Северный
    поток-2» is not «Северный поток»), and the keys long enough for a one-letter difference to be a typo."""
    if a == b:
        return 0.0
    flat_a, flat_b = a.replace(" ", ""), b.replace(" ", "")
    if min(len(flat_a), len(flat_b)) < NEAR_MIN or _digits(a) != _digits(b):
        return None
    words_a, words_b = set(a.split()), set(b.split())
    if len(words_a) == len(words_b) and len(words_a - words_b) > 1:
        return None
    distance = min(key_distance(flat_a, flat_b), float(OSA.distance(flat_a, flat_b)))
    return distance if distance <= NEAR_DISTANCE else None


def _digits(key: str) -> list[str]:
    return re.findall(r"[0-9]+", key)


def _gender_pair(a: str, b: str) -> bool:
    """ "nazarbaev" / "nazarbaeva", "tokaev" / "tokaeva": one surname's feminine form is another person."""
    short, long = sorted((a, b), key=len)
    return long == short + "a" and len(short) >= 4

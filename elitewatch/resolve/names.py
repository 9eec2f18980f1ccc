"""Comparison keys for names, the same for every spelling and script of one name.

Токаев, Тоқаев, Tokayev, Tokaev and Toqaev all give "tokaev": Cyrillic is transliterated by
the table in data/translit/cyrillic.tsv, then the rewrites of data/translit/latin_rules.tsv
fold the Latin spellings in use onto one form. Keys are for comparing, never for display.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from elitewatch.datafiles import cyrillic_table, latin_rules, legal_forms, read_yaml

POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
NON_LETTERS = re.compile(r"[^a-z ]+")
BRACKETS = re.compile(r"[\[\]()]")


@cache
def _compiled_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in latin_rules())


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text.strip())


def strip_legal_form(name: str) -> str:
    """An organization's name without the legal forms after it: "Kazakhstan Temir Zholy JSC NC" -> "Kazakhstan
    Temir Zholy" (names.yaml). A name that is nothing but a legal form stays."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold().strip(",") in legal_forms():
        words = words[:-1]
    return " ".join(words).rstrip(",")


@cache
def token_key(token: str) -> str:
    """Key of one name part."""
    table = cyrillic_table()
    lowered = token.lower()
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
    near: frozenset[tuple[str, str]]
    vowels: frozenset[str]
    light: frozenset[str]
    near_cost: float
    light_cost: float
    same_part: float


@cache
def phonetic() -> Phonetic:
    data = read_yaml("translit/phonetic.yaml")
    near = {(a, b) for group in data["near_letters"] for a in group for b in group if a != b}
    return Phonetic(
        near=frozenset(near),
        vowels=frozenset(data["vowels"]),
        light=frozenset(data["light_letters"]),
        near_cost=float(data["near_cost"]),
        light_cost=float(data["light_cost"]),
        same_part=float(data["same_part"]),
    )


def _substitution(a: str, b: str, table: Phonetic) -> float:
    if a == b:
        return 0.0
    if (a, b) in table.near or (a in table.vowels and b in table.vowels):
        return table.near_cost
    return 1.0


@cache
def key_distance(a: str, b: str) -> float:
    """Edit distance between two keys where transliteration's usual differences cost less (phonetic.yaml)."""
    table = phonetic()

    def indel(char: str) -> float:
        return table.light_cost if char in table.light else 1.0

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
    name = BRACKETS.sub(" ", strip_possessive(name))
    parts = re.split(r"[\s\-‐–]+", name)
    keys = [token_key(part) for part in parts if part]
    return [key for key in keys if key]


def name_key(name: str) -> str:
    """Order-insensitive key of a whole name ("Лужков Юрий" = "Юрий Лужков")."""
    return " ".join(sorted(token_keys(name)))


def surname_key(name: str) -> str:
    keys = token_keys(name)
    return keys[-1] if keys else ""

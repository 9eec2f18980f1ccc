"""Comparison keys for names, the same for every spelling and script of one name.

Токаев, Тоқаев, Tokayev, Tokaev and Toqaev all give "tokaev": Cyrillic is transliterated by
the table in data/translit/cyrillic.tsv, then the rewrites of data/translit/latin_rules.tsv
fold the Latin spellings in use onto one form. Keys are for comparing, never for display.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from elitewatch.datafiles import cyrillic_table, latin_rules

POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
NON_LETTERS = re.compile(r"[^a-z ]+")
BRACKETS = re.compile(r"[\[\]()]")


@cache
def _compiled_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in latin_rules())


def strip_possessive(text: str) -> str:
    return POSSESSIVE.sub("", text.strip())


@cache
def token_key(token: str) -> str:
    """Key of one name part."""
    table = cyrillic_table()
    lowered = token.lower()
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

"""Language of a text from its script: English, Russian or Kazakh.

Script statistics are enough for the three languages we route: Cyrillic versus Latin letters
decide Russian against English, and letters that exist only in Kazakh Cyrillic decide Kazakh.
"""

from __future__ import annotations

import re

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# Share of Kazakh-only letters among Cyrillic letters above which a text is Kazakh. Russian
# text has none; Kazakh prose has about 4–8 % (measured on Kazakh news paragraphs), and a
# Russian text quoting a Kazakh name stays far below 1 %.
KAZAKH_SHARE = 0.015


LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")  # letters only: not × or ÷
CYRILLIC = re.compile(r"[\u0400-\u0481\u048a-\u04ff]")  # letters only: not ҂ or the combining signs
KAZAKH = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")


def letter_counts(text: str) -> tuple[int, int, int]:
    """Return (latin, cyrillic, kazakh-only) letter counts."""
    return len(LATIN.findall(text)), len(CYRILLIC.findall(text)), len(KAZAKH.findall(text))


def language_of(counts: tuple[int, int, int], default: str = "en") -> str:
    """The language that letter counts (`letter_counts`) say."""
    latin, cyrillic, kazakh = counts
    if latin == cyrillic == 0:
        return default
    if cyrillic > latin:
        return "kk" if kazakh / cyrillic > KAZAKH_SHARE else "ru"
    return "en"


def detect_language(text: str, default: str = "en") -> str:
    return language_of(letter_counts(text), default)

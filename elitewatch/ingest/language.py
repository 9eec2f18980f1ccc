"""Language of a text from its script: English, Russian or Kazakh.

Script statistics are enough for the three languages we route: Cyrillic versus Latin letters
decide Russian against English, and letters that exist only in Kazakh Cyrillic decide Kazakh.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache
from itertools import islice

from elitewatch.datafiles import read_tsv

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# Share of Kazakh-only letters among Cyrillic letters above which a text is Kazakh. Russian
# text has none; Kazakh prose has about 4–8 % (measured on Kazakh news paragraphs), and a
# Russian text quoting a Kazakh name stays far below 1 %.
KAZAKH_SHARE = 0.015


LATIN = re.compile(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")  # letters only: not × or ÷
CYRILLIC = re.compile(r"[\u0400-\u0481\u048a-\u04ff]")  # letters only: not ҂ or the combining signs
KAZAKH = re.compile("[" + "".join(sorted(KAZAKH_LETTERS)) + "]")
# Letters of every other script: word characters that are neither digits nor Latin (Vietnamese's extended block
# included) nor Cyrillic.
OTHER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff]")

# What `language_of` says of letters that are mostly of a script no model here reads; `detect_language` then
# names the script's language (data/scripts/scripts.tsv).
OTHER_SCRIPT = "other"
UNDETERMINED = "und"  # ISO 639-2: letters of a script the table does not list
ANALYSED = frozenset({"en", "ru", "kk"})  # the languages the models read (Kazakh through the Russian model)


def letter_counts(text: str) -> tuple[int, int, int, int]:
    """Return (latin, cyrillic, kazakh-only, other-script) letter counts."""
    latin, cyrillic = len(LATIN.findall(text)), len(CYRILLIC.findall(text))
    # Other scripts are counted only where Latin and Cyrillic letters leave room for them (a scan fewer per
    # paragraph of ordinary news: its letters are most of its characters).
    other = len(OTHER.findall(text)) if 2 * (latin + cyrillic) < len(text) else 0
    return latin, cyrillic, len(KAZAKH.findall(text)) if cyrillic else 0, other


def language_of(counts: tuple[int, int, int, int], default: str = "en") -> str:
    """The language that letter counts (`letter_counts`) say; OTHER_SCRIPT when most letters are of a script
    none of the models reads."""
    latin, cyrillic, kazakh, other = counts
    if other > latin + cyrillic:
        return OTHER_SCRIPT
    if latin == cyrillic == 0:
        return default
    if cyrillic > latin:
        return "kk" if kazakh / cyrillic > KAZAKH_SHARE else "ru"
    return "en"


def detect_language(text: str, default: str = "en") -> str:
    language = language_of(letter_counts(text), default)
    return script_label(text) if language == OTHER_SCRIPT else language


# How many letters `script_label` looks at: enough to tell the script of any text.
SCRIPT_SAMPLE = 20_000


def script_label(text: str) -> str:
    """The label (data/scripts) of the commonest script of `text` that no model reads, else UNDETERMINED."""
    starts, ends, labels = _script_ranges()
    counts: Counter[str] = Counter()
    for letter in islice(OTHER.finditer(text), SCRIPT_SAMPLE):
        point = ord(letter.group())
        at = bisect.bisect_right(starts, point) - 1
        if at >= 0 and point <= ends[at]:
            counts[labels[at]] += 1
    return counts.most_common(1)[0][0] if counts else UNDETERMINED


@cache
def _script_ranges() -> tuple[list[int], list[int], list[str]]:
    ranges = []
    for row in read_tsv("scripts/scripts.tsv"):
        for span in row["ranges"].split("|"):
            first, _, last = span.partition("-")
            ranges.append((int(first, 16), int(last or first, 16), row["label"]))
    ranges.sort()
    return [r[0] for r in ranges], [r[1] for r in ranges], [r[2] for r in ranges]

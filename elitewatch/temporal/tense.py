"""Which way a clause points in time, from its words: enough to place a month or a weekday the text gives
without a year ("in August" said of what happened is the last August; "will meet Monday" the coming one).

A heuristic on the words of the sentence, no parser: the cue nearest before the expression in its sentence
decides ("said Tuesday that he will…": past), else the nearest after it ("On Tuesday the talks will resume":
future). Cues: auxiliaries and markers of the future ("will", «будет»), past forms (English -ed and irregular
forms, Russian -л/-ла/-ли). The words are data: data/lexicon/dates.yaml (future_cues, past_cues, not_past).
"""

from __future__ import annotations

import re
from functools import cache

from elitewatch.temporal.normalize import lexicon

SENTENCE_END = re.compile(r"[.!?;]\s|\n\s*\n")
WORD = re.compile(r"[A-Za-zА-яЁё']+")
# How far a sentence is read on either side of the expression (characters): news sentences are rarely longer.
REACH = 250
RU_PAST = re.compile(r"[а-яё]{2,}(?:[аеиоуыя]л|ла|ло|ли|лся|лась|лось|лись)$")
EN_PAST = re.compile(r"[a-z]{3,}ed$")
BE = frozenset({"be", "been", "being", "is", "are", "am", "'s", "'re"})


@cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    future = [*lexicon("en").future_cues, *lexicon("ru").future_cues]
    words = "|".join(re.escape(w) for w in sorted(future, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{words})", re.IGNORECASE), frozenset(lexicon("en").past_cues)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - REACH)
    ends = [m.end() for m in SENTENCE_END.finditer(text, left, start)]
    first = ends[-1] if ends else left
    stop = SENTENCE_END.search(text, end, min(len(text), end + REACH))
    return first, stop.start() + 1 if stop else min(len(text), end + REACH)


def _word_tense(word: str) -> str | None:
    lowered = word.lower()
    # a capitalized -ed word is a name more often than a verb ("the United States")
    if lowered in _cues()[1] or (EN_PAST.match(word) and word[0].islower()):
        return "past"
    if RU_PAST.match(lowered) and lowered not in lexicon("ru").not_past:
        return "past"
    return None


def _marks(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The cues of text[start:end]. A past form inside a future cue ("is expected to") or after a form of
    "be" ("will be closed", "is based") is no cue: the auxiliary carries the tense."""
    future, _ = _cues()
    spans = [(m.start(), m.end()) for m in future.finditer(text, start, end)]
    marks = [(a, "future") for a, _ in spans]
    previous = ""
    for m in WORD.finditer(text, start, end):
        tense = _word_tense(m.group())
        inside = any(a <= m.start() < b for a, b in spans)
        if tense and not inside and previous not in BE:
            marks.append((m.start(), tense))
        previous = m.group().lower()
    return sorted(marks)


def tense_at(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None for the expression text[start:end], from the cues of its sentence."""
    first, last = _sentence(text, start, end)
    before = _marks(text, first, start)
    if before:
        return before[-1][1]
    after = _marks(text, end, last)
    return after[0][1] if after else None

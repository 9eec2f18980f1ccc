"""Which way a clause points in time, from its words: enough to place a month or a weekday the text gives
without a year ("in August" said of what happened is the last August; "will meet Monday" the coming one).

A heuristic on the words of the sentence, no parser: the cue nearest before the expression in its sentence
decides ("said Tuesday that he will…": past), else the nearest after it ("On Tuesday the talks will resume":
future). Cues: auxiliaries and markers of the future ("will", «будет»), past forms (English -ed and irregular
forms, Russian -л/-ла/-ли); "since" looks back, a plan in the past perfect ("had been due to") was for a
day now past, an -ed form after a determiner is an adjective, and with no cue at all "by"/"until" set a
deadline ahead. Sentences do not end at abbreviations; a date in parentheses reads their cues first. The
words are data: data/lexicon/dates.yaml (future_cues, past_cues, not_past, adjective_leads, abbreviations,
deadline_cues).
"""

from __future__ import annotations

import re
from functools import cache

from elitewatch.temporal.words import lexicon

SENTENCE_END = re.compile(r"[.!?;]\s|\n\s*\n")
WORD = re.compile(r"[A-Za-zА-яЁё']+")
# How far a sentence is read on either side of the expression (characters): news sentences are rarely longer.
# Set by hand with TimeML types (f7c0f3e), not swept.
REACH = 250
RU_PAST = re.compile(r"[а-яё]{2,}(?:[аеиоуыя]л|ла|ло|ли|лся|лась|лось|лись)$")
EN_PAST = re.compile(r"[a-z]{3,}(?<!ce|ne|de|pe|fe|le|we|se)ed$")  # not "succeed", "need", "indeed"
BE = frozenset({"be", "been", "being", "is", "are", "am", "'s", "'re"})


@cache
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    future = [*lexicon("en").future_cues, *lexicon("ru").future_cues]
    # "next", not "next to the embassy"
    words = "|".join(re.escape(w) + (r"(?!\s+to\b)" if w == "next" else "") for w in sorted(future, key=len, reverse=True))
    return re.compile(rf"(?<![\w'])(?:{words})", re.IGNORECASE), frozenset(lexicon("en").past_cues)


ABBREVIATION = re.compile(r"(?:^|[\s(])([A-Za-zА-яЁё.]{1,6})\.$")


def _ends(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The sentence ends in text[start:end]; not the full stop of an abbreviation or an initial ("Mr.",
    "Jan. 6", "Daniel P. Davison", "U.S. officials")."""
    found = []
    for match in SENTENCE_END.finditer(text, start, end):
        if text[match.start()] == ".":
            word = ABBREVIATION.search(text, max(0, match.start() - 8), match.start() + 1)
            if word and (len(word.group(1)) == 1 or word.group(1).lower() in lexicon("en").abbreviations):
                continue
        found.append(match)
    return found


def _sentence(text: str, start: int, end: int, inner: bool = True) -> tuple[int, int]:
    """The sentence around text[start:end], or (`inner`) the parentheses it is in ("(on March 11 he was ill)")."""
    left = max(0, start - REACH)
    ends = _ends(text, left, start)
    first = ends[-1].end() if ends else left
    after = _ends(text, end, min(len(text), end + REACH))
    last = after[0].start() + 1 if after else min(len(text), end + REACH)
    opened = text.rfind("(", first, start)
    if inner and opened >= 0 and text.find(")", opened, start) < 0:
        closed = text.find(")", end, last)
        return opened + 1, closed if closed >= 0 else last
    return first, last


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
    # "had been due to expire Friday": a plan told in the past perfect was for a day now past
    marks = [(a, "past" if HAD.search(text, max(0, a - 12), a) else "future") for a, _ in spans]
    previous = ""
    adjective_leads = lexicon("en").adjective_leads
    for m in WORD.finditer(text, start, end):
        tense = _word_tense(m.group())
        inside = any(a <= m.start() < b for a, b in spans)
        # "a still unspecified date": an -ed form after a determiner or a degree adverb is an adjective
        adjective = (previous in adjective_leads or previous.endswith("'s")) and m.group().lower().endswith("ed")
        if tense and not inside and previous not in BE and not adjective:
            marks.append((m.start(), tense))
        previous = m.group().lower()
    return sorted(marks)


HAD = re.compile(r"(?<![\w'])had\s+(?:been\s+)?$", re.IGNORECASE)
SINCE = re.compile(r"(?<![\w'])(?:since|ever\s+since|с\s+тех\s+пор)\s+(?:(?:the|early|late|mid)[\s-]+)?$", re.IGNORECASE)


@cache
def _deadline() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in (*lexicon("en").deadline_cues, *lexicon("ru").deadline_cues))
    return re.compile(rf"(?<![\w'])(?:{words})\s+(?:(?:the|early|late|mid)[\s-]+)?$", re.IGNORECASE)


def tense_at(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None for the expression text[start:end], from the cues of its parentheses, else
    of its sentence."""
    inner, outer = _sentence(text, start, end, inner=True), _sentence(text, start, end, inner=False)
    found = _tense_in(text, start, end, *inner) if inner != outer else None
    return found or _tense_in(text, start, end, *outer)


def _tense_in(text: str, start: int, end: int, first: int, last: int) -> str | None:
    """The tense the cues of text[first:last] (a sentence or parentheses) give text[start:end]."""
    lead = text[max(first, start - 12) : start] + _lead_word(text[start:end])
    if SINCE.search(lead):
        return "past"  # "since March": whatever the clause says of what follows
    before = _marks(text, first, start)
    if before:
        return before[-1][1]
    after = _marks(text, end, last)
    if after:
        return after[0][1]
    # no cue: "by May", "until Tuesday" set a deadline still ahead
    return "future" if _deadline().search(lead) else None


def _lead_word(words: str) -> str:
    """The first word of the expression with the space after it, when the expression has more ("by May")."""
    first, space, rest = words.partition(" ")
    return first + space if rest else ""

"""The scan: every date expression of a text, in text order, with what its words say (`Parts`) and no value
yet. Each pattern is tried only on the lines that have the characters it needs, or around one of its key words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache

from elitewatch.temporal.expressions import TimeExpr
from elitewatch.temporal.patterns import alternatives, date_patterns
from elitewatch.temporal.read import read_parts
from elitewatch.temporal.words import lexicon

LINE = re.compile(r"[^\n]+")
CHARACTERS = {"L": re.compile(r"[A-Za-z]"), "C": re.compile(r"[А-яЁё]"), "D": re.compile(r"\d")}


ANAPHOR_UNITS = ("year", "month", "week", "day", "morning", "afternoon", "evening", "night")
# How far from its key word an expression may reach (characters), before it and after it: "at least the past
# 18 months" ends with its key word, "the third quarter of fiscal 1998", "10:35 a.m. (0735 GMT) Friday" are
# well within it. Chosen for speed with TimeML value F1 unchanged (2759a59: find_dates on 206 dev texts
# 10.4-11.6 s -> 7.3-10.0 s; TimeBank DATE+TIME 0.814, AQUAINT 0.779 as before); not swept.
KEYWORD_REACH = 80
KEYWORD_REACH_AFTER = 40


@cache
def _keywords() -> dict[str, re.Pattern[str]]:
    """Words one of which a pattern cannot match without (lower case): a pattern is tried only around them.
    The patterns of TimeML's periods, durations and sets start with optional words, which makes them slow to
    try at every position of a text; a case-sensitive search for plain words in the lower-cased text is fast."""
    en, ru = lexicon("en"), lexicon("ru")
    words = {
        "unit": [*en.units, *ru.units, "полгод", "полугод", "суток"],
        "quarter": ["quarter", "half", "period", "year-", "квартал", "полугоди"],
        "season": [*en.seasons, *ru.seasons],
        "century": ["centur", "век", "вв."],
        "set": [*en.sets, *ru.sets, *en.set_words, *ru.set_words, "once", "twice", "times", "days", "nights"],
        "holiday": [name.split()[0] for name in (*en.holidays, *ru.holidays)],
        "clock": ["a.m", "p.m", "am", "pm", "noon", "midday", "midnight"],
        "daypart": [*en.dayparts, *ru.dayparts, "tonight"],
        "ref": [name.split()[-1] for name in (*en.references, *ru.references)],
        # the date patterns that start with optional words are slow to try everywhere too
        "today": ["today", "yesterday", "tomorrow", "сегодня", "вчера", "завтра"],
        "offset": ["ago", "later", "after", "earlier", "before", "спустя", "назад", "позже", "раньше", "через"],
        "elapsed": ["elapsed", "passed", "gone", "прошл"],
        "month": [name for names in en.months for name in names],
        "relative": ["year", "month", "week"],
        "weekday": [name for names in en.weekdays for name in names],
        "spoken": ["nineteen", "twenty", "thousand"],
        "anaphor": [
            *(f"{lead} {unit}" for lead in ("that", "same", "following", "previous", "preceding") for unit in ANAPHOR_UNITS),
            *(f"{lead} {day}" for lead in ("following", "previous", "preceding") for names in en.weekdays for day in names),
            *(f"next {unit}" for unit in ANAPHOR_UNITS),
            *(f"{lead} {unit}" for lead in ("тот", "том", "ту", "же", "следующий") for unit in ("день", "году", "месяце", "неделе")),
        ],
        "theyear": ["the year", "full year", "fiscal year", "calendar year", "whole year", "entire year"],
    }
    found = {name: re.compile(alternatives(sorted({w.lower() for w in values}))) for name, values in words.items()}
    return {**found, "year": re.compile(r"(?:1[89]|20)\d\d")}


class _Regions:
    """The stretches of consecutive lines of text[start:end] that have the characters a pattern needs: the
    patterns ignore case, which costs the regular expression engine its quick skip to where a match can start,
    so a Russian text is not searched for English month names except on its lines with Latin letters."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.lines = [(m.start(), m.end()) for m in LINE.finditer(text, start, end)]
        self.has = {
            key: [bool(pattern.search(text, a, b)) for a, b in self.lines] for key, pattern in CHARACTERS.items()
        }
        self.cache: dict[str, list[tuple[int, int]]] = {}
        self.lowered: str | None = None  # text[start:end] in lower case, for the key words

    def stretches(self, needs: str) -> list[tuple[int, int]]:
        """`needs`: the characters ("LD"), then after a colon the name of words one of which a match contains
        ("L:unit"): a text without any is not searched."""
        characters, _, words = needs.partition(":")
        if words:
            return self._around(words)
        needs = characters
        if not needs:
            return [(self.start, self.end)]
        if needs not in self.cache:
            stretches: list[tuple[int, int]] = []
            for index, (a, b) in enumerate(self.lines):
                if not all(self.has[key][index] for key in needs):
                    continue
                if stretches and index and stretches[-1][1] == self.lines[index - 1][1]:
                    stretches[-1] = (stretches[-1][0], b)
                else:
                    stretches.append((a, b))
            self.cache[needs] = stretches
        return self.cache[needs]

    def _around(self, name: str) -> list[tuple[int, int]]:
        """The stretches within KEYWORD_REACH of one of the words: no expression is longer."""
        if name not in self.cache:
            if self.lowered is None:
                self.lowered = self.text[self.start : self.end].lower()
            if len(self.lowered) != self.end - self.start:  # a letter whose lower case is longer: no offsets
                return [(self.start, self.end)]
            stretches: list[tuple[int, int]] = []
            for match in _keywords()[name].finditer(self.lowered):
                a = self.start + max(0, match.start() - KEYWORD_REACH)
                b = min(self.end, self.start + match.end() + KEYWORD_REACH_AFTER)
                if stretches and a <= stretches[-1][1]:
                    stretches[-1] = (stretches[-1][0], b)
                else:
                    stretches.append((a, b))
            self.cache[name] = stretches
        return self.cache[name]

    def matches(self, pattern: re.Pattern[str], needs: str) -> Iterator[re.Match[str]]:
        for a, b in self.stretches(needs):
            yield from pattern.finditer(self.text, a, b)


def scan(text: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Every date expression in text[start:end], without anchoring, in text order."""
    end = len(text) if end is None else end
    return list(_scan(text, start, end))


@lru_cache(maxsize=512)
def _scan(text: str, start: int, end: int) -> tuple[TimeExpr, ...]:
    """The scan, kept for the few texts being analysed: publication dates, events, offices and quotes each
    read the same text (TimeExpr is frozen, so sharing the results is safe)."""
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []
    regions = _Regions(text, start, end)
    for kind, needs, pattern in date_patterns():
        for match in regions.matches(pattern, needs):
            if match.end() == match.start() or any(a < match.end() and match.start() < b for a, b in taken):
                continue
            parts = read_parts(kind, match)
            if parts is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(TimeExpr(match.start(), match.end(), match.group().strip(), parts))
    return tuple(sorted(found, key=lambda e: e.start))

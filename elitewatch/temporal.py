"""Dates in text, normalized against an anchor (the publication date).

This module is the seed of the temporal normalizer: it reads explicit dates in English and
Russian ("December 4", "on January 29, 2020", "in 2000", «30 октября 2024 года», «в 2000 году»)
and gives them at the precision the text supports, taking a missing year from the anchor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS_EN = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTHS_RU = {
    stem: number
    for number, stem in enumerate(
        ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"],
        start=1,
    )
}
_EN_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS_EN, key=len, reverse=True)) + r")\.?"
_RU_MONTH = r"(?P<rumonth>января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

PATTERNS = [
    re.compile(rf"\b{_EN_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{YEAR})?\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_EN_MONTH}(?:,?\s+{YEAR})?\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_RU_MONTH}(?:\s+{YEAR})?", re.IGNORECASE),
    re.compile(rf"\b{_EN_MONTH}\s+{YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?:in|since|by)\s+{YEAR}\b", re.IGNORECASE),
    re.compile(rf"(?:^|\s)в\s+{YEAR}\s+год", re.IGNORECASE),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    raw: str
    value: str  # ISO at the text's precision: 2023, 2023-12, 2023-12-04
    anchored: bool  # the year came from the anchor


def _month(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if groups.get("month"):
        return MONTHS_EN[groups["month"].lower().rstrip(".")]
    if groups.get("rumonth"):
        word = groups["rumonth"].lower()
        return next(n for stem, n in sorted(MONTHS_RU.items(), key=lambda kv: -len(kv[0])) if word.startswith(stem))
    return None


def find_dates(text: str, start: int = 0, end: int | None = None, anchor: str | None = None) -> list[DateMention]:
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for match in pattern.finditer(text, start, end):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            value, anchored = _value(match, anchor)
            if value is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(DateMention(match.start(), match.end(), match.group().strip(), value, anchored))
    return sorted(found, key=lambda d: d.start)


def _value(match: re.Match[str], anchor: str | None) -> tuple[str | None, bool]:
    groups = match.groupdict()
    month = _month(match)
    day = int(groups["day"]) if groups.get("day") else None
    year = groups.get("year")
    anchored = False
    if year is None and month is not None:
        if not anchor:
            return None, False
        year, anchored = anchor[:4], True
    if year is None:
        return None, False
    if month is None:
        return year, anchored
    if day is not None and not 1 <= day <= 31:
        return None, False
    return (f"{year}-{month:02d}-{day:02d}" if day else f"{year}-{month:02d}"), anchored


def date_in_attribution(text: str, start: int, end: int, anchor: str | None) -> str | None:
    """The date an attribution gives ("said on December 4", «заявил 30 октября»), if any."""
    end = min(end, start + 120)
    if end <= start:
        return None
    dates = find_dates(text, start, end, anchor)
    return dates[0].value if dates else None

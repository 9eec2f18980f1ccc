"""Date expressions in English and Russian, normalized against an anchor (the publication date).

Two steps, usable alone:

- `scan(text)` finds the expressions and reads what their words say (`Parts`: a year, a month, a
  day, a weekday, "last"/"next", "N years later"), without deciding anything the text leaves open;
- `normalize(parts, anchor, previous)` gives each an ISO value at the precision the text supports
  ("2023", "2023-12", "2023-12-04"; a decade or a range has an end value), saying which anchor
  filled in what the text left out: "explicit" (nothing), "publication" (the year of "December 4",
  the day of "last Monday"), or "previous" (the date "a week later" counts from).

`find_dates(text, anchor=...)` does both in text order. The words (months, weekdays, numbers, units)
are data: data/lexicon/dates.yaml.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from elitewatch.datafiles import load_words

PRECISIONS = ("decade", "year", "month", "day")
# A day-and-month without a year that would fall this far after the anchor is taken from the year before
# ("December 28" in a text of January 5). Half a year, a convention: the nearer of the two years.
FORWARD_DAYS = 183


@dataclass(frozen=True)
class Parts:
    """What the words of a date expression say."""

    kind: str  # date | weekday | relative | offset | elapsed | decade | today | range
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    shift: int = 0  # relative: -1 last, 0 this, +1 next; offset: signed number of units
    unit: str | None = None  # relative/offset: day | week | month | year | decade
    part: str | None = None  # start | middle | end ("at the end of November")
    until: Parts | None = None  # range: the last part


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    raw: str
    parts: Parts
    value: str | None = None  # ISO at its precision; None when the anchor needed is missing
    end_value: str | None = None  # ranges and decades
    precision: str | None = None
    anchor: str = "explicit"  # explicit | publication | previous


# 1. lexicon and patterns -------------------------------------------------------------------


@dataclass(frozen=True)
class DateWords:
    """data/lexicon/dates.yaml, for one language."""

    months: tuple[tuple[str, ...], ...]  # each month's names, January first
    month_stems: tuple[str, ...]  # January first; any case ending follows
    weekdays: tuple[tuple[str, ...], ...]  # each weekday's forms, Monday first
    numbers: dict[str, int]
    units: dict[str, str]
    relative: dict[str, int]
    future_markers: tuple[str, ...]


@cache
def lexicon(language: str) -> DateWords:
    return load_words("lexicon/dates.yaml", DateWords, language=language)


@cache
def _months_en() -> dict[str, int]:
    return {name: n for n, names in enumerate(lexicon("en").months, start=1) for name in names}


@cache
def _weekdays() -> dict[str, int]:
    table: dict[str, int] = {}
    for language in ("en", "ru"):
        for n, names in enumerate(lexicon(language).weekdays):
            table.update({name: n for name in names})
    return table


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    en, ru = lexicon("en"), lexicon("ru")
    # English month names are matched capitalized ("May", not the verb "may"); abbreviations take a dot or not.
    month = "(?-i:" + "|".join(f"{w[0].upper()}{w[1:]}" for w in sorted(_months_en(), key=len, reverse=True)) + r")\.?"
    ru_month = "(?:" + "|".join(ru.month_stems) + r")[а-яё]{0,3}"
    weekday_en = "(?-i:" + "|".join(w.capitalize() for names in en.weekdays for w in names) + ")"
    weekday_ru = "(?:" + _alternatives([n for names in ru.weekdays for n in names]) + ")"
    year = r"(?<![\d$.,])(?:1[89]\d\d|20\d\d)(?![\d,.]\d)"
    decade = r"(?<![\d$.,])(?:1[89]\d0|20\d0)"
    # A month alone is a date only after a word that introduces one ("in May", not "Theresa May").
    month_lead = r"\b(?:in|since|by|until|till|during|from|through|to|last|next|this|of|on)\s+"
    number_en = r"(?:\d{1,3}|" + _alternatives(list(en.numbers)) + ")"
    number_ru = r"(?:\d{1,3}|" + _alternatives(list(ru.numbers)) + ")"
    unit_en = "(?:" + _alternatives(list(en.units)) + ")"
    unit_ru = "(?:" + _alternatives(list(ru.units)) + ")"
    rel_en = "(?:" + _alternatives(list(en.relative)) + ")"
    rel_ru = "(?:" + _alternatives(list(ru.relative)) + ")"
    part_en = (
        r"(?:(?:at|by|in|towards?)\s+the\s+(?P<part>end|beginning|start|middle)\s+of|(?P<part2>early|mid|late)[\s-])"
    )
    part_ru = r"(?:в\s+(?P<rupart>конце|начале|середине)\s+)"
    d = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    d2 = r"(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    dash = r"\s*[-–—]\s*"
    # What each pattern cannot match without (L: a Latin letter, C: a Cyrillic one, D: a digit): it is run only
    # over the lines that have them, since a date never spans two lines.
    specs = [
        # ranges
        ("range_days", "LD", rf"\b(?P<month>{month})\s+{d}{dash}{d2}(?:,?\s+(?P<year>{year}))?\b"),
        ("range_days_ru", "CD", rf"\b{d}{dash}{d2}\s+(?P<rumonth>{ru_month})(?:\s+(?P<year>{year}))?"),
        (
            "range_years",
            "LD",
            rf"\b(?:from|between)\s+(?P<year>{year})\s+(?:to|through|until|till|and)\s+(?P<year2>{year})\b",
        ),
        ("range_years_ru", "CD", rf"(?<!\w)с\s+(?P<year>{year})\s+(?:по|до)\s+(?P<year2>{year})(?:\s+год\w*)?"),
        ("range_years", "D", rf"\b(?P<year>{year}){dash}(?P<year2>{year})\b"),
        # full and partial dates
        ("iso", "D", r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("numeric", "D", r"\b(?P<day>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
        (
            "date",
            "LD",
            rf"(?:\b(?P<weekday>{weekday_en}),?\s+(?:on\s+)?)?\b(?P<month>{month})\s+{d}\b(?:,?\s+(?P<year>{year}))?",
        ),
        (
            "date",
            "LD",
            rf"(?:\b(?P<weekday>{weekday_en}),?\s+)?\b{d}\s+(?P<month>{month})(?:,?\s+(?P<year>{year}))?\b",
        ),
        (
            "date_ru",
            "CD",
            rf"(?:(?<!\w)(?:в|во)\s+(?P<weekday>{weekday_ru}),?\s+)?(?<!\w){d}\s+(?P<rumonth>{ru_month})(?:\s+(?P<year>{year}))?",
        ),
        ("month", "LD", rf"(?:{part_en}\s*)?\b(?P<month>{month})\s+(?:of\s+)?(?P<year>{year})\b"),
        ("month", "L", rf"(?:{part_en}\s*|{month_lead})(?P<month>{month})(?:\s+(?P<rel>{rel_en})\s+year)?\b"),
        ("month_ru", "CD", rf"(?:{part_ru}|(?<!\w)в\s+)?(?<!\w)(?P<rumonth>{ru_month})\s+(?P<year>{year})"),
        ("month_ru", "C", rf"(?:{part_ru}|(?<!\w)в\s+)(?P<rumonth>{ru_month})(?:\s+(?P<rel>{rel_ru})\s+года)?(?!\w)"),
        # decades before years: "the 2000s", «2000-х»
        ("decade", "LD", rf"\b(?P<year>{decade})'?s\b"),
        ("decade", "CD", rf"(?<!\w)(?P<year>{decade})-[хе](?!\w)"),
        ("relative", "L", rf"(?:{part_en}\s*)?\b(?P<rel>{rel_en})\s+(?P<unit>year|month|week)\b"),
        (
            "relative_ru",
            "C",
            rf"(?:{part_ru})?(?<!\w)(?:в|на)\s+(?P<rel>{rel_ru})\s+(?P<unit>году|месяце|неделе)(?!\w)",
        ),
        ("year", "D", rf"(?:{part_en}\s*)?\b(?P<year>{year})(?:\s+год\w*|\s+г\.)?"),
        (
            "elapsed",
            "L",
            rf"\b(?P<number>{number_en}|the)\s+(?P<unit>{unit_en})(?:\s+and\s+(?:more|a\s+half))?(?:\s+that)?\s+(?:has|have)"
            r"\s+(?:elapsed|passed|gone\s+by)\s+since\b",
        ),
        ("elapsed_ru", "C", rf"(?<!\w)прошл[оаи]\s+(?P<number>{number_ru})?\s*(?P<unit>{unit_ru})\s+(?:с|после)(?!\w)"),
        (
            "offset",
            "L",
            rf"\b(?P<number>{number_en})\s+(?P<unit>{unit_en})\s+(?P<dir>later|after|afterwards|ago|earlier|before)\b",
        ),
        (
            "offset_ru",
            "C",
            rf"(?<!\w)(?P<number>{number_ru})?\s*(?P<unit>{unit_ru})\s+(?P<dir>спустя|назад|позже|раньше)(?!\w)",
        ),
        ("offset_ru", "C", rf"(?<!\w)(?P<dir>через)\s+(?P<number>{number_ru})?\s*(?P<unit>{unit_ru})(?!\w)"),
        ("weekday", "L", rf"\b(?:(?P<rel>{rel_en})\s+|on\s+)?(?P<weekday>{weekday_en})\b"),
        ("weekday_ru", "C", rf"(?<!\w)(?:в|во)\s+(?:(?P<rel>{rel_ru})\s+)?(?P<weekday>{weekday_ru})(?!\w)"),
        ("today", "", r"\b(?P<today>today|yesterday|tomorrow)\b|(?<!\w)(?P<today_ru>сегодня|вчера|завтра)(?!\w)"),
    ]
    return [(kind, needs, re.compile(pattern, re.IGNORECASE)) for kind, needs, pattern in specs]


# 2. scan: what the words say ----------------------------------------------------------------

LINE = re.compile(r"[^\n]+")
CHARACTERS = {"L": re.compile(r"[A-Za-z]"), "C": re.compile(r"[А-яЁё]"), "D": re.compile(r"\d")}


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

    def stretches(self, needs: str) -> list[tuple[int, int]]:
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
    for kind, needs, pattern in _patterns():
        for match in regions.matches(pattern, needs):
            if match.end() == match.start() or any(a < match.end() and match.start() < b for a, b in taken):
                continue
            parts = _read(kind, match)
            if parts is None:
                continue
            taken.append((match.start(), match.end()))
            found.append(TimeExpr(match.start(), match.end(), match.group().strip(), parts))
    return tuple(sorted(found, key=lambda e: e.start))


def _number(word: str | None) -> int:
    if not word:
        return 1
    if word.isdigit():
        return int(word)
    en, ru = lexicon("en"), lexicon("ru")
    return int(en.numbers.get(word.lower()) or ru.numbers.get(word.lower()) or 1)


def _unit(word: str) -> str:
    en, ru = lexicon("en"), lexicon("ru")
    lowered = word.lower()
    if lowered in en.units:
        return en.units[lowered]
    if lowered in ru.units:
        return ru.units[lowered]
    return {"году": "year", "месяце": "month", "неделе": "week"}.get(lowered, "year")


def _month_of(groups: dict[str, str | None]) -> int | None:
    if groups.get("month"):
        return _months_en().get(str(groups["month"]).lower().rstrip("."))
    if groups.get("mm"):
        return int(str(groups["mm"]))
    if groups.get("rumonth"):
        word = str(groups["rumonth"]).lower()
        stems = lexicon("ru").month_stems
        for n, stem in sorted(enumerate(stems, start=1), key=lambda item: -len(item[1])):
            if word.startswith(stem):
                # «ма» is a stem only of мая/мае/май, not of words that merely start with it
                if stem == "ма" and word not in ("май", "мая", "мае"):
                    return None
                return n
    return None


def _part(groups: dict[str, str | None]) -> str | None:
    word = (groups.get("part") or groups.get("part2") or groups.get("rupart") or "").lower()
    if word in ("end", "late", "конце"):
        return "end"
    if word in ("beginning", "start", "early", "начале"):
        return "start"
    if word in ("middle", "mid", "середине"):
        return "middle"
    return None


def _relative_shift(word: str | None) -> int:
    if not word:
        return 0
    en, ru = lexicon("en"), lexicon("ru")
    lowered = word.lower()
    return int(en.relative.get(lowered, ru.relative.get(lowered, 0)))


def _read(kind: str, match: re.Match[str]) -> Parts | None:
    g = match.groupdict()
    year = int(g["year"]) if g.get("year") else None
    base = kind.removesuffix("_ru")
    if base == "range_days":
        month = _month_of(g)
        first, last = int(str(g["day"])), int(str(g["day2"]))
        if month is None or not 1 <= first < last <= 31:
            return None
        return Parts("range", year, month, first, until=Parts("date", year, month, last))
    if base == "range_years":
        last = int(str(g["year2"]))
        if year is None or not year < last <= year + 100:
            return None
        return Parts("range", year, until=Parts("date", last))
    if base in ("iso", "numeric", "date"):
        month = _month_of(g)
        day = int(str(g["day"]))
        if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        weekday = _weekdays().get(str(g["weekday"]).lower()) if g.get("weekday") else None
        return Parts("date", year, month, day, weekday=weekday)
    if base == "month":
        month = _month_of(g)
        if month is None:
            return None
        if g.get("rel"):
            return Parts("relative", month=month, shift=_relative_shift(g["rel"]), unit="year", part=_part(g))
        return Parts("date", year, month, part=_part(g))
    if base == "decade":
        return Parts("decade", year)
    if base == "relative":
        return Parts("relative", shift=_relative_shift(g["rel"]), unit=_unit(str(g["unit"])), part=_part(g))
    if base == "year":
        if year is None:
            return None
        return Parts("date", year, part=_part(g))
    if base in ("elapsed", "offset"):
        number = _number(g.get("number"))
        direction = (g.get("dir") or "").lower()
        sign = -1 if direction in ("ago", "earlier", "before", "назад", "раньше") else 1
        if base == "elapsed":
            return Parts("elapsed", shift=number, unit=_unit(str(g["unit"])))
        anchored = direction in ("ago", "назад", "через")
        return Parts(
            "offset", shift=sign * number, unit=_unit(str(g["unit"])), part="publication" if anchored else None
        )
    if base == "weekday":
        weekday = _weekdays().get(str(g["weekday"]).lower())
        if weekday is None:
            return None
        return Parts("weekday", weekday=weekday, shift=_relative_shift(g.get("rel")) if g.get("rel") else 0)
    if base == "today":
        word = (g.get("today") or g.get("today_ru") or "").lower()
        return Parts("today", shift={"yesterday": -1, "вчера": -1, "tomorrow": 1, "завтра": 1}.get(word, 0), unit="day")
    return None


# 3. normalize: anchoring -------------------------------------------------------------------


def parse_iso(value: str | None) -> date | None:
    """The first day of an ISO date at any precision ("2023" -> 2023-01-01)."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def _iso(day: date, precision: str) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _valid(year: int, month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= calendar.monthrange(year, month)[1])


def add_period(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` days, weeks, months, years or decades (month ends clamp)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    months = amount * {"month": 1, "year": 12, "decade": 120}.get(unit, 12)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _precision_of(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")


def normalize(expr: TimeExpr, anchor: str | None, previous: TimeExpr | None = None) -> TimeExpr:
    """Give `expr` its value against the publication `anchor` and the `previous` dated expression. A value that
    would fall outside the calendar (years 1 to 9999: "next month" in an article dated 9999-12-31) is none."""
    try:
        done = _normalize(expr, anchor, previous)
    except (OverflowError, ValueError):
        return expr
    if done.value is not None and not all(_in_calendar(v) for v in (done.value, done.end_value) if v):
        return expr
    return done


def _in_calendar(value: str) -> bool:
    """Whether a value's year is one of the calendar's (values that are not dates, like PRESENT_REF, are)."""
    year = value.split("-", 1)[0]
    return not year[:1].isdigit() or (year.isdigit() and len(year) <= 4 and int(year) > 0)


def _normalize(expr: TimeExpr, anchor: str | None, previous: TimeExpr | None = None) -> TimeExpr:
    parts = expr.parts
    anchor_day = parse_iso(anchor)
    if parts.kind == "range" and parts.until is not None:
        first = normalize(replace(expr, parts=replace(parts, kind="date", until=None)), anchor, previous)
        year = parse_iso(first.value).year if first.value else parts.until.year  # type: ignore[union-attr]
        last_parts = replace(parts.until, year=parts.until.year or year)
        last = normalize(replace(expr, parts=last_parts), anchor, previous)
        return replace(expr, value=first.value, end_value=last.value, precision=first.precision, anchor=first.anchor)
    if parts.kind == "date":
        return _normalize_date(expr, anchor_day)
    if parts.kind == "decade" and parts.year is not None:
        return replace(expr, value=str(parts.year), end_value=str(parts.year + 9), precision="decade")
    if parts.kind == "relative":
        return _normalize_relative(expr, anchor_day)
    if parts.kind == "today" and anchor_day is not None:
        return replace(
            expr, value=(anchor_day + timedelta(days=parts.shift)).isoformat(), precision="day", anchor="publication"
        )
    if parts.kind == "weekday" and anchor_day is not None:
        return replace(expr, value=_weekday_near(anchor_day, parts).isoformat(), precision="day", anchor="publication")
    if parts.kind == "offset":
        return _normalize_offset(expr, anchor_day, previous)
    return expr


def _normalize_date(expr: TimeExpr, anchor_day: date | None) -> TimeExpr:
    parts = expr.parts
    year, used = parts.year, "explicit"
    if year is None:
        if anchor_day is None or parts.month is None:
            return expr
        year, used = anchor_day.year, "publication"
        if _valid(year, parts.month, parts.day):
            candidate = date(year, parts.month, parts.day or 1)
            if candidate - anchor_day > timedelta(days=FORWARD_DAYS):
                year -= 1
    if parts.month is None:
        return replace(expr, value=f"{year:04d}", precision="year", anchor=used)
    if not _valid(year, parts.month, parts.day):
        return expr
    if parts.day is None:
        return replace(expr, value=f"{year:04d}-{parts.month:02d}", precision="month", anchor=used)
    return replace(expr, value=f"{year:04d}-{parts.month:02d}-{parts.day:02d}", precision="day", anchor=used)


def _normalize_relative(expr: TimeExpr, anchor_day: date | None) -> TimeExpr:
    parts = expr.parts
    if anchor_day is None:
        return expr
    if parts.unit == "year":
        year = anchor_day.year + parts.shift
        if parts.month is not None:  # "in July this year"
            return replace(expr, value=f"{year:04d}-{parts.month:02d}", precision="month", anchor="publication")
        return replace(expr, value=f"{year:04d}", precision="year", anchor="publication")
    if parts.unit == "month":
        day = add_period(anchor_day.replace(day=1), parts.shift, "month")
        return replace(expr, value=_iso(day, "month"), precision="month", anchor="publication")
    if parts.unit == "week":
        monday = anchor_day - timedelta(days=anchor_day.weekday()) + timedelta(weeks=parts.shift)
        return replace(
            expr,
            value=monday.isoformat(),
            end_value=(monday + timedelta(days=6)).isoformat(),
            precision="day",
            anchor="publication",
        )
    return expr


def _weekday_near(anchor_day: date, parts: Parts) -> date:
    """News convention: "on Monday" is the latest Monday up to the anchor; "last Monday" the one
    before the anchor's own day; "next Monday" the first after it."""
    weekday = parts.weekday or 0
    back = (anchor_day.weekday() - weekday) % 7
    if parts.shift > 0:
        return anchor_day + timedelta(days=(weekday - anchor_day.weekday()) % 7 or 7)
    if parts.shift < 0 and back == 0:
        back = 7
    return anchor_day - timedelta(days=back)


def _representative_day(expr: TimeExpr) -> date:
    """The day a dated expression stands for when counting from it: "the end of November" is its last day."""
    first = parse_iso(expr.value) or date.min
    if expr.precision == "month" and expr.parts.part in ("end", "middle"):
        last = calendar.monthrange(first.year, first.month)[1]
        return first.replace(day=last if expr.parts.part == "end" else 15)
    if expr.precision == "year" and expr.parts.part in ("end", "middle"):
        return first.replace(month=12 if expr.parts.part == "end" else 6, day=31 if expr.parts.part == "end" else 30)
    return first


def _normalize_offset(expr: TimeExpr, anchor_day: date | None, previous: TimeExpr | None) -> TimeExpr:
    parts = expr.parts
    unit = parts.unit or "year"
    if parts.part == "publication" or previous is None or previous.value is None:
        if parts.part != "publication" or anchor_day is None:
            return expr
        base, used, precision = anchor_day, "publication", "day"
    else:
        base, used = _representative_day(previous), "previous"
        precision = previous.precision or _precision_of(previous.value)
    day = add_period(base, parts.shift, unit)
    # "six months later" is no more precise than its unit, nor than the date it counts from
    coarsest = {"day": "day", "week": "day", "month": "month"}.get(unit, "year")
    precision = min(precision, coarsest, key=lambda p: PRECISIONS.index(p) if p in PRECISIONS else 1)
    precision = "year" if precision == "decade" else precision
    return replace(expr, value=_iso(day, precision), precision=precision, anchor=used)


def find_dates(text: str, start: int = 0, end: int | None = None, anchor: str | None = None) -> list[TimeExpr]:
    """Every date expression in text[start:end], normalized; "N later" counts from the date before it."""
    result: list[TimeExpr] = []
    previous: TimeExpr | None = None
    for expr in scan(text, start, end):
        year_from = _year_anchor(text, expr, previous)
        done = normalize(expr, year_from or anchor, previous)
        if year_from is not None and done.value is not None:
            done = replace(done, anchor="previous")
        if done.value is not None and done.parts.kind != "elapsed":
            previous = done
        result.append(done)
    return result


def _year_anchor(text: str, expr: TimeExpr, previous: TimeExpr | None) -> str | None:
    """A day and month without a year take the year of a full date before them in the same sentence:
    "appointed by the decree of January 29, 2020, and on February 5 he presented …"."""
    if (
        expr.parts.kind != "date"
        or expr.parts.year is not None
        or previous is None
        or previous.anchor != "explicit"
        or previous.precision != "day"
        or re.search(r"[.!?]\s", text[previous.end : expr.start])
    ):
        return None
    return previous.value


def date_in_attribution(text: str, start: int, end: int, anchor: str | None) -> str | None:
    """The date an attribution gives ("said on December 4", «заявил 30 октября», "said last Monday")."""
    end = min(end, start + 120)
    if end <= start:
        return None
    for expr in find_dates(text, start, end, anchor):
        if expr.value is not None and expr.parts.kind not in ("decade", "range", "elapsed"):
            return expr.value
    return None

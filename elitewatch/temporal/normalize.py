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
# The tense of its clause moves a month or day without a year to the year before or after only when the
# nearer one is further than this from the anchor: the tense cue is a heuristic, and a date a few weeks
# off is far more often the nearer one (TimeBank/AQUAINT training documents: 60 and 90 read, 60 kept).
CLOSE_DAYS = 60


@dataclass(frozen=True)
class Parts:
    """What the words of a date expression say."""

    kind: str  # date | weekday | relative | offset | elapsed | decade | today | range, and (TimeML, issue 20)
    # ref | duration | set | quarter | season | century | weekend | time | holiday | anaphor
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 = Monday
    shift: int = 0  # relative: -1 last, 0 this, +1 next; offset: signed number of units
    unit: str | None = None  # relative/offset: day | week | month | year | decade
    part: str | None = None  # start | middle | end ("at the end of November")
    until: Parts | None = None  # range: the last part
    timex: str | None = None  # a TimeML value the words fix alone: "P5M", "PRESENT_REF", "P1Y"; a holiday's rule
    period: str | None = None  # quarter "Q3", half "H1", season "SU"; "ref" for the quarter the text is about
    clock: str | None = None  # time: "15:00" or a part of the day, "NI", "MO"


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
    type: str = "date"  # TimeML's: date | time | duration | set
    timex: str | None = None  # the TimeML value ("1998-W32", "P5M", "PRESENT_REF"); set by find_dates


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
    timeml_units: dict[str, str]
    references: dict[str, str]
    sets: dict[str, str]
    set_words: tuple[str, ...]
    seasons: dict[str, str]
    dayparts: dict[str, str]
    ordinals: dict[str, int]
    nowadays_nouns: frozenset[str]
    spoken_numbers: dict[str, int]
    holidays: dict[str, str]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]
    not_past: frozenset[str]
    adjective_leads: frozenset[str]
    abbreviations: frozenset[str]
    deadline_cues: tuple[str, ...]


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
    timeml = _timeml_patterns(month, weekday_en, weekday_ru, year, number_en, number_ru, unit_en, unit_ru)
    specs = [
        # times of day before the days they name ("9 p.m. Tuesday", "Friday night")
        *timeml["time"],
        # "the week of March 6": that day's week
        ("week_of", "LD:month", rf"\bthe\s+week\s+of\s+(?P<month>{month})\s+{d}\b(?:,?\s+(?P<year>{year}))?"),
        # ranges
        ("range_days", "LD:month", rf"\b(?P<month>{month})\s+{d}{dash}{d2}(?:,?\s+(?P<year>{year}))?\b"),
        ("range_days_ru", "CD", rf"\b{d}{dash}{d2}\s+(?P<rumonth>{ru_month})(?:\s+(?P<year>{year}))?"),
        (
            "range_years",
            "LD:year",
            rf"\b(?:from|between)\s+(?P<year>{year})\s+(?:to|through|until|till|and)\s+(?P<year2>{year})\b",
        ),
        ("range_years_ru", "CD:year", rf"(?<!\w)с\s+(?P<year>{year})\s+(?:по|до)\s+(?P<year2>{year})(?:\s+год\w*)?"),
        ("range_years", "D:year", rf"\b(?P<year>{year}){dash}(?P<year2>{year})\b"),
        # full and partial dates
        ("iso", "D", r"\b(?P<year>(?:19|20)\d\d)-(?P<mm>[01]\d)-(?P<day>[0-3]\d)\b"),
        ("numeric", "D", r"\b(?P<day>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
        (
            "date",
            "LD:month",
            rf"(?:\b(?P<weekday>{weekday_en}),?\s+(?:on\s+)?)?\b(?P<month>{month})\s+{d}\b(?:,?\s+(?P<year>{year}))?",
        ),
        (
            "date",
            "LD:month",
            rf"(?:\b(?P<weekday>{weekday_en}),?\s+)?\b{d}\s+(?P<month>{month})(?:,?\s+(?P<year>{year}))?\b",
        ),
        (
            "date_ru",
            "CD",
            rf"(?:(?<!\w)(?:в|во)\s+(?P<weekday>{weekday_ru}),?\s+)?(?<!\w){d}\s+(?P<rumonth>{ru_month})(?:\s+(?P<year>{year}))?",
        ),
        ("spoken_year", "L:spoken", rf"\b(?:(?P<month>{month})\s+(?:of\s+)?)?(?P<spoken>{_spoken_year()})\b"),
        ("month", "LD:month", rf"(?:{part_en}\s*)?\b(?P<month>{month})\s+(?:of\s+)?(?P<year>{year})\b"),
        ("month", "L:month", rf"(?:{part_en}\s*|{month_lead})(?P<month>{month})(?:\s+(?P<rel>{rel_en})\s+year)?\b"),
        # a month naming an event's time before its noun: "the October slaying", "the March accession" (not
        # "May", a name as often: "the May government")
        ("month", "L:month", rf"\bthe\s+(?P<month>(?!May\b){month})(?=\s+(?-i:[a-z]))"),

        ("month_ru", "CD", rf"(?:{part_ru}|(?<!\w)в\s+)?(?<!\w)(?P<rumonth>{ru_month})\s+(?P<year>{year})"),
        ("month_ru", "C", rf"(?:{part_ru}|(?<!\w)в\s+)(?P<rumonth>{ru_month})(?:\s+(?P<rel>{rel_ru})\s+года)?(?!\w)"),
        # decades before years: "the 2000s", «2000-х»
        ("decade", "LD", rf"\b(?P<year>{decade})'?s\b"),
        ("decade", "CD", rf"(?<!\w)(?P<year>{decade})-[хе](?!\w)"),
        # quarters, halves, seasons, centuries before the years they may contain ("the third quarter of 1998",
        # "this year's third quarter")
        *timeml["period"],
        (
            "relative",
            "L:relative",
            rf"(?:{part_en}\s*)?\b(?P<rel>{rel_en})\s+(?:(?:fiscal|calendar)\s+)?(?P<unit>year|month|week)\b",
        ),
        (
            "relative_ru",
            "C",
            rf"(?:{part_ru})?(?<!\w)(?:в|на)\s+(?P<rel>{rel_ru})\s+(?P<unit>году|месяце|неделе)(?!\w)",
        ),
        ("relative_ru", "C", rf"{part_ru}(?P<rel>{rel_ru})\s+(?P<unit>года|месяца|недели)(?!\w)"),
        ("year", "D:year", rf"(?:{part_en}\s*)?(?:\bfiscal\s+(?:year\s+)?)?\b(?P<year>{year})(?:\s+год\w*|\s+г\.)?"),
        ("relative", "L:relative", rf"{part_en}\s*the\s+(?P<unit>year|month|week)\b"),
        (
            "elapsed",
            "L:elapsed",
            rf"\b(?P<number>{number_en}|the)\s+(?P<unit>{unit_en})(?:\s+and\s+(?:more|a\s+half))?(?:\s+that)?\s+(?:has|have)"
            r"\s+(?:elapsed|passed|gone\s+by)\s+since\b",
        ),
        ("elapsed_ru", "C:elapsed", rf"(?<!\w)прошл[оаи]\s+(?P<number>{number_ru})?\s*(?P<unit>{unit_ru})\s+(?:с|после)(?!\w)"),
        (
            "offset",
            "L:offset",
            rf"\b(?P<number>{number_en})\s+(?P<unit>{unit_en})(?:,?\s+and\s+(?P<number2>{number_en})\s+(?P<unit2>{unit_en}))?"
            r"\s+(?P<dir>later|after|afterwards|ago|earlier|before)\b",
        ),
        (
            "offset_ru",
            "C:offset",
            rf"(?<!\w)(?P<number>{number_ru})?\s*(?P<unit>{unit_ru})\s+(?P<dir>спустя|назад|позже|раньше)(?!\w)",
        ),
        ("offset_ru", "C:offset", rf"(?<!\w)(?P<dir>через)\s+(?P<number>{number_ru})?\s*(?P<unit>{unit_ru})(?!\w)"),
        # sets before durations ("every two years"), durations after the offsets that contain one ("a year ago")
        *timeml["set"],
        *timeml["duration"],
        ("weekday", "L:weekday", rf"\b(?:(?P<rel>{rel_en})\s+|on\s+)?(?P<weekday>{weekday_en})\b"),
        ("weekday_ru", "C", rf"(?<!\w)(?:в|во)\s+(?:(?P<rel>{rel_ru})\s+)?(?P<weekday>{weekday_ru})(?!\w)"),
        ("today", ":today", r"\b(?P<today>today|yesterday|tomorrow)\b|(?<!\w)(?P<today_ru>сегодня|вчера|завтра)(?!\w)"),
        *timeml["ref"],
    ]
    return [(kind, needs, re.compile(pattern, re.IGNORECASE)) for kind, needs, pattern in specs]


def _spoken_year() -> str:
    """A year said aloud: "nineteen ninety-six", "twenty ten", "two thousand and one"."""
    words = lexicon("en").spoken_numbers
    units = _alternatives([w for w, n in words.items() if n < 10])
    teens = _alternatives([w for w, n in words.items() if 10 <= n < 20])
    tens = _alternatives([w for w, n in words.items() if n >= 20])
    return (
        rf"(?:nineteen|twenty)[\s-]+(?:(?:{tens})(?:[\s-]+(?:{units}))?|(?:{teens}))"
        rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{units}|{teens}))?"
    )


def _spoken_value(words: str) -> int:
    numbers = lexicon("en").spoken_numbers
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(numbers.get(w, 0) for w in parts[2:])
    return numbers[parts[0]] * 100 + sum(numbers.get(w, 0) for w in parts[1:])


def _timeml_patterns(
    month: str,
    weekday_en: str,
    weekday_ru: str,
    year: str,
    number_en: str,
    number_ru: str,
    unit_en: str,
    unit_ru: str,
) -> dict[str, list[tuple[str, str, str]]]:
    """The patterns of what TimeML adds to dates: times, periods of a year, durations, sets, references."""
    en, ru = lexicon("en"), lexicon("ru")
    zone = r"(?:\s+(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|local\s+time))?"
    clock = rf"(?:(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap])\.?\s?m\b\.?|(?<!high\s)(?P<hourword>noon|midday|midnight)){zone}"
    # the day after the time, past the time in another zone in parentheses: "10:35 a.m. (0735 GMT) Friday"
    day_after = (
        rf"(?:(?:\s+\([^()\n]{{1,24}}\))?(?:,?\s+(?:on\s+)?(?P<weekday>{weekday_en})|,?\s+(?P<today>today|yesterday|tomorrow)"
        rf"|,?\s+(?P<month>{month})\s+(?P<day>\d{{1,2}})\b))?"
    )
    dayparts_en = _alternatives([w for w in en.dayparts if w != "overnight"])
    dayparts_ru = _alternatives(list(ru.dayparts))
    ordinal_en = _alternatives(list(en.ordinals))
    ordinal_ru = _alternatives(list(ru.ordinals))
    seasons_en = _alternatives(list(en.seasons))
    seasons_ru = _alternatives(list(ru.seasons))
    rel_ru = "(?:" + _alternatives(list(ru.relative)) + ")"
    number = rf"(?:a\s+)?(?P<number>\d+(?:\.\d+)?(?:\s+1/2)?|{number_en}|a|an)(?:\s+of)?"
    lead = (
        r"(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|previous|coming|final|following|remaining|latest|initial)\s+)?"
        r"(?:(?:more\s+than|less\s+than|at\s+least|nearly|almost|about|some|over|up\s+to|only|just|another|roughly|"
        r"around|approximately)\s+)?"
    )
    second = rf"(?:,?\s+and\s+(?:(?P<half>a\s+half)|(?P<number2>\d+|{number_en})\s+(?P<unit2>{unit_en})))?"
    sets_en = _alternatives(list(en.sets))
    sets_ru = _alternatives(list(ru.sets))
    every_en = _alternatives(list(en.set_words))
    every_ru = _alternatives(list(ru.set_words))
    refs_en = _alternatives(list(en.references))
    refs_ru = _alternatives(list(ru.references))
    not_of = r"(?!\s+of\s+(?!(?:fiscal\s+)?\d))"
    anaphor_units = "year|month|week|day|morning|afternoon|evening|night"
    return {
        "time": [
            ("time", "LD:clock", rf"\b(?:(?P<weekday2>{weekday_en})\s+at\s+)?(?:{clock}){day_after}"),
            ("time", "D", r"(?<![\d:.,])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])"),
            ("time", "CD", r"(?<!\w)в\s+(?P<hour>[01]?\d|2[0-3])\s+час(?:а|ов)?(?!\w)"),
            (
                "time",
                "L:daypart",
                rf"\b(?:(?P<weekday>{weekday_en})|(?P<today>yesterday|tomorrow|today)|(?P<rel>this|last|early\s+this|late\s+this))"
                rf"[\s-]+(?P<daypart>{dayparts_en})\b|\b(?P<tonight>tonight|overnight)\b",
            ),
            (
                "time",
                "C:daypart",
                rf"(?<!\w)(?:(?:в|во)\s+(?P<weekday>{weekday_ru})\s+|(?P<today>сегодня|вчера|завтра)\s+)?"
                rf"(?P<daypart>{dayparts_ru})(?!\w)(?!\s+(?:(?-i:[А-ЯЁ])|рождени))",  # not «Днём Победы», «днём рождения»
            ),
        ],
        "period": [
            (
                "quarter",
                "L:quarter",
                rf"\b(?:the\s+)?(?:(?P<ryear>this|last|next)\s+year's\s+|(?P<year>{year})\s+|"
                rf"(?P<qrel>same|year-earlier|year-ago|comparable|latest|current)\s+)?(?:fiscal\s+)?(?P<ord>{ordinal_en})"
                rf"[\s-]+(?:fiscal[\s-]+)?(?P<q>quarter|half)s?\b(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>{year})|(?P<ryear2>this|last|next)\s+year))?",
            ),
            (
                "quarter",
                "L:quarter",
                r"\b(?P<qrel>the|this|last|next|latest|previous|past|current|recent|same|year-earlier|year-ago|comparable|prior)"
                r"(?:[\s-]+(?:fiscal|calendar))?\s+(?P<q>quarter)\b(?!\s+(?:century|mile|hour|of\s+a))"
                r"(?P<ago>\s+a\s+year\s+(?:ago|earlier))?",
            ),
            (
                "quarter",
                "LD:quarter",
                rf"\bthe\s+(?:(?P<qrel>latest|year-earlier|year-ago|same|comparable)|(?P<year>{year}))\s+(?P<q>period)\b",
            ),
            ("quarter", "L:quarter", r"\b(?:the\s+)?(?P<qrel>year-earlier|year-ago)\b"),
            (
                "quarter_ru",
                "C:quarter",
                rf"(?<!\w)(?:в|во|за)\s+(?P<ord>{ordinal_ru})\s+(?P<q>квартал|квартале|полугодии)(?:\s+(?P<year>{year}))?(?!\w)",
            ),
            (
                "season",
                "L:season",
                rf"\b(?:(?P<rel>this\s+past|this|last|next|the\s+coming|the\s+past)[\s-]+|(?:(?:the|in|by|until|during|since|"
                rf"through|early|late|mid)[\s-]+)+)(?P<season>{seasons_en})\b{not_of}(?:\s+(?:of\s+)?(?P<year>{year}))?",
            ),
            ("season", "LD:season", rf"\b(?P<year>{year})\s+(?P<season>{seasons_en})\b"),
            (
                "season_ru",
                "C:season",
                rf"(?<!\w)(?:(?P<rel>{rel_ru})\s+)?(?P<season>{seasons_ru})(?:\s+(?P<year>{year}))?(?!\w)",
            ),
            (
                "century",
                "L:century",
                rf"\b(?:the\s+)?(?:(?P<ord>\d{{1,2}})(?:st|nd|rd|th)|(?P<ordword>{ordinal_en})|(?P<rel>this|last|next))[\s-]+century\b",
            ),
            (
                "century_ru",
                "C:century",
                rf"(?<!\w)(?:(?P<roman>[IVXХ]{{1,5}})|(?P<ordword>{ordinal_ru}))\s*(?:век|века|веке|веком|вв?\.)(?!\w)",
            ),
            # a period the text named before: "later that year", "the same day", "the following month",
            # «в тот же день»
            (
                "anaphor",
                "L:anaphor",
                rf"\b(?:(?P<side>later|earlier)\s+(?:in\s+)?)?(?:that|the\s+same|that\s+same)\s+(?P<unit>{anaphor_units})\b"
                r"(?!\s+(?:of|as|when|that|which)\b)",
            ),
            (
                "anaphor",
                "L:anaphor",
                rf"\bthe\s+(?P<dir>following|previous|preceding)\s+(?:(?P<unit>{anaphor_units})|(?P<weekday>{weekday_en}))\b"
                r"(?!\s+(?:of|as|when|that|which)\b)",
            ),
            ("anaphor", "L:anaphor", r"\bthe\s+(?P<dir>next)\s+(?P<unit>day|morning|afternoon|evening|night)\b(?!\s+of\b)"),
            (
                "anaphor_ru",
                "C:anaphor",
                r"(?<!\w)(?:в|на)\s+(?:тот\s+же|тот|том\s+же|том|ту\s+же|ту)\s+(?P<unit>день|году|месяце|неделе)(?!\w)",
            ),
            ("anaphor_ru", "C:anaphor", r"(?<!\w)на\s+(?P<dir>следующий)\s+(?P<unit>день)(?!\w)"),
            ("decade", "LD", r"\b(?:the\s+)?'(?P<yy>[1-9]0)s\b"),
            ("decade", "CD", r"(?<![\w-])(?P<yy>[1-9]0)-(?:х|е)(?!\w)"),
        ],
        "set": [
            ("set", "L:set", rf"\b(?P<setword>{sets_en})\b"),
            ("set", "C:set", rf"(?<!\w)(?P<setword>{sets_ru})(?!\w)"),
            (
                "set",
                "L:set",
                rf"\b(?:{every_en})\s+(?:other\s+)?(?:(?P<number>{number_en})\s+)?(?:(?P<unit>{unit_en})|(?P<weekday>{weekday_en})"
                rf"|(?P<month>{month}))\b",
            ),
            # "on Mondays", "Tuesday nights": a weekday said in the plural recurs
            (
                "set",
                "L:set",
                rf"\b(?P<weekday>{weekday_en})(?:(?-i:s)\b|\s+(?P<daypart>{dayparts_en})(?-i:s)\b)",
            ),
            (
                "set",
                "L:set",
                rf"\b(?:once|twice|{number_en}\s+times)\s+(?:a|an|per)\s+(?P<unit>{unit_en})\b",
            ),
            (
                "set",
                "C:set",
                rf"(?<!\w)(?:{every_ru})\s+(?:(?P<number>{number_ru})\s+)?(?:(?P<unit>{unit_ru})|(?P<weekday>{weekday_ru}))(?!\w)",
            ),
        ],
        "duration": [
            (
                "duration",
                "L:unit",
                rf"\b{lead}{number}(?:\s+(?:more|additional|full|consecutive|straight))?[\s-](?P<unit>{unit_en})\b"
                rf"(?![\s-]old){second}",
            ),
            (
                "duration",
                "L:unit",
                r"\b(?:for|over|in|within)\s+(?:the\s+)?(?:(?:past|last|next|coming)\s+)?(?P<few>few\s+|several\s+)?"
                r"(?P<unit>days|weeks|months|years|decades)\b",
            ),
            (
                "duration",
                "C:unit",
                rf"(?<![\w\d])(?:(?:в\s+течение|на\s+протяжении|за|на)\s+(?:последние\s+)?)?(?P<number>{number_ru})\s+"
                rf"(?P<unit>{unit_ru})(?!\w)(?:\s+и\s+(?P<number2>\d+|{number_ru})\s+(?P<unit2>{unit_ru})(?!\w))?",
            ),
            ("duration", "C", r"(?<!\w)(?:в\s+течение|на\s+протяжении)\s+(?P<unit>года|месяца|недели|дня|часа|суток|десятилетия|века)(?!\w)"),
            ("duration", "L:unit", r"\b(?:the\s+)?(?:past|last|next|coming)\s+(?P<unit>decade|century)\b"),
            ("duration", "C", r"(?<!\w)(?P<halfyear>полгода|полугода)(?!\w)"),
        ],
        "ref": [
            (
                "holiday",
                "L:holiday",
                rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{_alternatives(list(en.holidays))})\b(?P<hweek>\s+week\b)?",
            ),
            ("holiday", "C:holiday", rf"(?<!\w)(?:(?:в|на|с)\s+)?(?P<holiday>{_alternatives(list(ru.holidays))})(?!\w)"),
            ("weekend", "L", r"\b(?:(?P<rel>this\s+past|this|last|next|the|over\s+the)\s+)weekend\b"),
            ("ref", "L:ref", rf"\b(?P<ref>{refs_en})\b"),
            # "the year" of a report is the article's ("sales for the full year"), after "the end of the year"
            (
                "the_year",
                "L:theyear",
                r"\bthe\s+(?:(?:full|fiscal|calendar|whole|entire)\s+)?year\b(?!['’]|-|\s+(?:\d|of\b|before|after|earlier|"
                r"later|ago|nineteen|twenty|two\s+thousand))(?P<ended>\s+(?:ended|ending)\b)?",
            ),
            ("ref", "C:ref", rf"(?<!\w)(?P<ref>{refs_ru})(?!\w)"),
        ],
    }


# 2. scan: what the words say ----------------------------------------------------------------

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
    found = {name: re.compile(_alternatives(sorted({w.lower() for w in values}))) for name, values in words.items()}
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
    g["whole"] = match.group()
    g["after"] = match.string[match.end() : match.end() + 40]
    g["before"] = match.string[max(0, match.start() - 12) : match.start()]
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
    if base == "week_of":
        month = _month_of(g)
        day = int(str(g["day"]))
        return Parts("date", year, month, day, unit="week") if month and 1 <= day <= 31 else None
    if base in ("iso", "numeric", "date"):
        month = _month_of(g)
        day = int(str(g["day"]))
        if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        weekday = _weekdays().get(str(g["weekday"]).lower()) if g.get("weekday") else None
        return Parts("date", year, month, day, weekday=weekday)
    if base == "spoken_year":
        month = _month_of(g) if g.get("month") else None
        return Parts("date", _spoken_value(str(g["spoken"])), month)
    if base == "month":
        month = _month_of(g)
        if month is None:
            return None
        if g.get("rel"):
            return Parts("relative", month=month, shift=_relative_shift(g["rel"]), unit="year", part=_part(g))
        lead = str(g["whole"]).split()[0].lower()
        if year is None and lead == "this":  # "this September" is this year's; "last April" the latest April
            return Parts("relative", month=month, shift=0, unit="year", part=_part(g))
        return Parts("date", year, month, part=_part(g))
    if base == "decade":
        return Parts("decade", year)
    if base == "relative":
        return Parts("relative", shift=_relative_shift(g.get("rel")), unit=_unit(str(g["unit"])), part=_part(g))
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
        unit = _unit(str(g["unit"]))
        # "5 months and 1 day before": the second amount counts on from the first (kept as `until`)
        until = timex = None
        if g.get("number2") and g.get("unit2"):
            second = _unit(str(g["unit2"]))
            until = Parts("offset", shift=sign * _number(g["number2"]), unit=second)
            timex = _combine(_duration_value(g.get("number"), unit), _duration_value(g["number2"], second))
        return Parts(
            "offset",
            shift=sign * number,
            unit=unit,
            part="publication" if anchored else None,
            until=until,
            timex=timex,
        )
    if base == "weekday":
        weekday = _weekdays().get(str(g["weekday"]).lower())
        if weekday is None:
            return None
        return Parts("weekday", weekday=weekday, shift=_relative_shift(g.get("rel")) if g.get("rel") else 0)
    if base == "today":
        word = (g.get("today") or g.get("today_ru") or "").lower()
        if word == "today" and _nowadays(g):
            return Parts("ref", timex="PRESENT_REF")
        return Parts("today", shift=_day_shift(word), unit="day")
    return _read_timeml(base, g, year)


SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’]?\s+|\n\s*|[\"“]\s*)$")


def _nowadays(g: dict[str, str | None]) -> bool:
    """"today's youth", "the Russia of today": the present, not the article's day."""
    after, before = g.get("after") or "", g.get("before") or ""
    owner = re.match(r"['’]s\s+([a-z]+)(?:\s+([a-z]+))?", after)  # the noun, or the one after its adjective
    if owner and any(word in lexicon("en").nowadays_nouns for word in owner.groups() if word):
        return True
    return bool(re.search(r"\bof\s+$", before)) and not re.match(r"\s*['’]s", after)


def _a_reference(word: str, g: dict[str, str | None]) -> bool:
    """Whether words that can name the present, past or future do here: not "Now, he says" (a sentence
    opened by "Now," is a turn in the telling), "at the time of its founding" nor "the future of Europe"
    (the time of an event the words go on to name)."""
    after, before = g.get("after") or "", g.get("before") or ""
    if word == "now" and after.startswith(",") and SENTENCE_START.search(before):
        return False
    return not (word in ("at the time", "the future", "the past") and re.match(r"\s+of\b", after))


def _day_shift(word: str | None) -> int:
    return {"yesterday": -1, "вчера": -1, "tomorrow": 1, "завтра": 1}.get((word or "").lower(), 0)


def _read_timeml(base: str, g: dict[str, str | None], year: int | None) -> Parts | None:
    en, ru = lexicon("en"), lexicon("ru")
    if base == "ref":
        word = re.sub(r"\s+", " ", str(g["ref"]).lower())
        if not _a_reference(word, g):
            return None
        return Parts("ref", timex=en.references.get(word) or ru.references.get(word))
    if base == "time":
        return _read_time(g)
    if base == "quarter":
        return _read_quarter(g, year)
    if base == "season":
        season = str(g["season"]).lower()
        code = en.seasons.get(season) or ru.seasons.get(season)
        rel = (g.get("rel") or "").lower()
        shift = -1 if "past" in rel else _relative_shift(rel.split()[-1]) if rel else 0
        return Parts("season", year, period=code, shift=shift, unit="season" if rel else None)
    if base == "century":
        return _read_century(g)
    if base == "decade":
        return Parts("decade", 1900 + int(str(g["yy"]))) if g.get("yy") else None
    if base == "set":
        return _read_set(g)
    if base == "duration":
        return _read_duration(g)
    if base == "holiday":
        word = re.sub(r"\s+", " ", str(g["holiday"]).lower())
        rule = en.holidays.get(word) or ru.holidays.get(word)
        rel = (g.get("rel") or "").lower()
        return Parts(
            "holiday",
            timex=rule,
            shift=_relative_shift(rel) if rel else 0,
            unit="year" if rel else None,
            period="week" if g.get("hweek") else None,  # "Easter week": the week the holiday ends
        )
    if base == "anaphor":
        return _read_anaphor(g)
    if base == "the_year":
        if g.get("ended"):  # "the year ended Sept. 30": a fiscal year, an amount of time
            return Parts("duration", timex="P1Y", unit="year")
        return Parts("relative", shift=0, unit="year")
    if base == "weekend":
        rel = (g.get("rel") or "").lower()
        return Parts("weekend", shift=-1 if "past" in rel else _relative_shift(rel.split()[-1]), unit=rel or None)
    return None


ANAPHOR_UNIT = {"день": "day", "году": "year", "месяце": "month", "неделе": "week"}


def _read_anaphor(g: dict[str, str | None]) -> Parts:
    """"later that year": the year of the date before; "the following day" the day after it."""
    word = str(g.get("unit") or "day").lower()
    unit = ANAPHOR_UNIT.get(word, word)
    clock = lexicon("en").dayparts.get(unit)
    direction = str(g.get("dir") or "").lower()
    shift = 1 if direction in ("following", "next", "следующий") else -1 if direction in ("previous", "preceding") else 0
    weekday = _weekdays().get(str(g["weekday"]).lower()) if g.get("weekday") else None
    return Parts("anaphor", shift=shift, unit="day" if clock else unit, clock=clock, weekday=weekday)


def _read_time(g: dict[str, str | None]) -> Parts:
    weekday_word = g.get("weekday") or g.get("weekday2")
    weekday = _weekdays().get(weekday_word.lower()) if weekday_word else None
    shift = _day_shift(g.get("today"))
    month = _month_of(g) if g.get("month") else None
    day = int(str(g["day"])) if g.get("day") and month else None
    if g.get("daypart") or g.get("tonight"):
        word = str(g.get("daypart") or g.get("tonight")).lower()
        code = lexicon("en").dayparts.get(word) or lexicon("ru").dayparts.get(word) or "NI"
        if word == "tonight":
            code = "NI"
        if (g.get("rel") or "").lower() == "last" and code == "NI":
            shift = -1  # "last night"
        return Parts("time", month=month, day=day, weekday=weekday, shift=shift, clock=code)
    if g.get("hourword"):
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[str(g["hourword"]).lower()]
    else:
        hour = int(str(g["hour"]))
        if g.get("ampm"):
            hour = hour % 12 + (12 if str(g["ampm"]).lower() == "p" else 0)
        clock = f"{hour:02d}:{int(g.get('minute') or 0):02d}"
    return Parts("time", month=month, day=day, weekday=weekday, shift=shift, clock=clock)


def _read_quarter(g: dict[str, str | None], year: int | None) -> Parts | None:
    en, ru = lexicon("en"), lexicon("ru")
    year = year or (int(str(g["year2"])) if g.get("year2") else None)
    ryear = (g.get("ryear") or g.get("ryear2") or "").lower()
    half = str(g.get("q") or "").lower() in ("half", "полугодии")
    if g.get("ord"):
        word = str(g["ord"]).lower()
        number = en.ordinals.get(word) or ru.ordinals.get(word)
        if number is None or number > (2 if half else 4):
            return None
        shift = _relative_shift(ryear) if ryear else 0
        if str(g.get("qrel") or "").lower() in ("year-earlier", "year-ago") or g.get("ago"):
            shift, ryear = -1, "last"  # "the year-ago third quarter"
        return Parts("quarter", year, period=f"{'H' if half else 'Q'}{number}", shift=shift, unit="year" if ryear else None)
    rel = str(g.get("qrel") or "the").lower()
    if rel in ("year-earlier", "year-ago") or g.get("ago"):
        return Parts("quarter", period="ref", shift=-1, unit="year")
    if rel in ("the", "latest", "same", "comparable", "recent") or year is not None:
        return Parts("quarter", year, period="ref", unit="year" if year else None)
    return Parts("quarter", period="Q", shift=_relative_shift(rel) if rel not in ("prior",) else -1, unit="quarter")


def _read_century(g: dict[str, str | None]) -> Parts | None:
    if g.get("rel"):
        return Parts("century", shift=_relative_shift(g["rel"]), unit="century")
    if g.get("ord"):
        number = int(str(g["ord"]))
    elif g.get("ordword"):
        word = str(g["ordword"]).lower()
        number = lexicon("en").ordinals.get(word) or lexicon("ru").ordinals.get(word) or 0
    else:
        number = _roman(str(g["roman"]).upper().replace("Х", "X"))
    return Parts("century", year=number - 1) if 1 <= number <= 30 else None


def _roman(word: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for index, letter in enumerate(word):
        value = values.get(letter, 0)
        following = values.get(word[index + 1], 0) if index + 1 < len(word) else 0
        total += -value if value < following else value
    return total


def _timeml_unit(unit: str) -> tuple[str, int]:
    """A unit's TimeML letter, with T when it is a time unit, and how many of that letter one unit is."""
    code = lexicon("en").timeml_units.get(unit, "Y")
    digits = "".join(c for c in code if c.isdigit())
    return code.lstrip("0123456789"), int(digits or 1)


def _period(amount: str, unit: str) -> str:
    letter, factor = _timeml_unit(unit)
    if amount != "X" and factor != 1:
        amount = _amount(float(amount) * factor)
    return f"PT{amount}{letter[1:]}" if letter.startswith("T") else f"P{amount}{letter}"


def _amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _duration_value(number: str | None, unit: str) -> str:
    """"five" "months" -> P5M; "2 1/2" "years" -> P2Y6M; "several" "years" -> PXY."""
    word = (number or "1").lower().strip()
    if word in ("several", "few", "несколько", "нескольких"):
        return _period("X", unit)
    half = word.endswith("1/2")
    whole = _number(word.split()[0]) if not word[0].isdigit() else float(word.split()[0])
    if half or whole != int(whole):
        smaller = {
            "year": ("month", 12),
            "month": ("day", 30),
            "day": ("hour", 24),
            "hour": ("minute", 60),
            "minute": ("second", 60),
        }
        if unit in smaller:
            lower, count = smaller[unit]
            rest = round(((0.5 if half else 0) + whole - int(whole)) * count)
            return _combine(_period(_amount(int(whole)), unit), _period(str(rest), lower))
    return _period(_amount(whole), unit)


def _combine(first: str, second: str) -> str:
    """P5M + P1D -> P5M1D; PT5H + PT30M -> PT5H30M; P1D + PT2H -> P1DT2H."""
    if second.startswith("PT") and "T" in first:
        return first + second[2:]
    if second.startswith("PT"):
        return first + second[1:]
    if first.startswith("PT"):
        return second + first[1:]
    return first + second[1:]


def _read_duration(g: dict[str, str | None]) -> Parts | None:
    if g.get("halfyear"):
        return Parts("duration", timex="P6M")
    unit = _unit(str(g["unit"]))
    if unit == "quarter" and (re.search(r"\w-quarters?\b", g.get("whole") or "") or (g.get("after") or "")[:4] == " of "):
        return None  # "three-quarters of the shares", "a quarter of the vote": a fraction
    if g.get("number") is None and unit in ("decade", "century") and not str(g["unit"]).lower().endswith("s"):
        return Parts("duration", timex=_period("1", unit), unit=unit)  # "the past decade"
    if g.get("few") or (g.get("number") is None and str(g["unit"]).lower().endswith("s")):
        return Parts("duration", timex=_period("X", unit), unit=unit)
    value = _duration_value(g.get("number"), unit)
    if g.get("half"):
        value = _duration_value(f"{g.get('number') or 1} 1/2", unit)
    elif g.get("number2") and g.get("unit2"):
        value = _combine(value, _duration_value(g["number2"], _unit(str(g["unit2"]))))
    return Parts("duration", timex=value, unit=unit)


def _read_set(g: dict[str, str | None]) -> Parts | None:
    en, ru = lexicon("en"), lexicon("ru")
    if g.get("setword"):
        word = str(g["setword"]).lower()
        return Parts("set", timex=en.sets.get(word) or ru.sets.get(word))
    if g.get("weekday"):
        weekday = _weekdays().get(str(g["weekday"]).lower())
        part = lexicon("en").dayparts.get(str(g.get("daypart") or "").lower())
        return Parts("set", timex=f"XXXX-WXX-{(weekday or 0) + 1}" + (f"T{part}" if part else ""))
    if g.get("month"):
        return Parts("set", timex=f"XXXX-{_month_of(g) or 1:02d}")
    return Parts("set", timex=_duration_value(g.get("number"), _unit(str(g["unit"]))))


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
    if unit in ("hour", "minute", "second"):
        return day + timedelta(**{f"{unit}s": amount})
    months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 12)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _precision_of(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")


def normalize(
    expr: TimeExpr, anchor: str | None, previous: TimeExpr | None = None, tense: str | None = None
) -> TimeExpr:
    """Give `expr` its value against the publication `anchor` and the `previous` dated expression; `tense`
    ("past", "future", None) places a month or weekday without a year. A value that would fall outside the
    calendar (years 1 to 9999: "next month" in an article dated 9999-12-31) is none."""
    try:
        done = _normalize(expr, anchor, previous, tense)
    except (OverflowError, ValueError):
        return expr
    if done.value is not None and not all(_in_calendar(v) for v in (done.value, done.end_value) if v):
        return expr
    return done


def _in_calendar(value: str) -> bool:
    """Whether a value's year is one of the calendar's (values that are not dates, like PRESENT_REF, are)."""
    year = value.split("-", 1)[0]
    return not year[:1].isdigit() or (year.isdigit() and len(year) <= 4 and int(year) > 0)


def _normalize(expr: TimeExpr, anchor: str | None, previous: TimeExpr | None, tense: str | None) -> TimeExpr:
    parts = expr.parts
    anchor_day = parse_iso(anchor)
    if parts.kind == "range" and parts.until is not None:
        first = normalize(replace(expr, parts=replace(parts, kind="date", until=None)), anchor, previous, tense)
        year = parse_iso(first.value).year if first.value else parts.until.year  # type: ignore[union-attr]
        last_parts = replace(parts.until, year=parts.until.year or year)
        last = normalize(replace(expr, parts=last_parts), anchor, previous, tense)
        return replace(expr, value=first.value, end_value=last.value, precision=first.precision, anchor=first.anchor)
    if parts.kind == "date":
        return _normalize_date(expr, anchor_day, tense)
    if parts.kind == "decade" and parts.year is not None:
        return replace(expr, value=str(parts.year), end_value=str(parts.year + 9), precision="decade")
    if parts.kind == "relative":
        return _normalize_relative(expr, anchor_day)
    if parts.kind == "today" and anchor_day is not None:
        return replace(
            expr, value=(anchor_day + timedelta(days=parts.shift)).isoformat(), precision="day", anchor="publication"
        )
    if parts.kind == "weekday" and anchor_day is not None:
        day = _weekday_near(anchor_day, parts, tense)
        return replace(expr, value=day.isoformat(), precision="day", anchor="publication")
    if parts.kind == "offset":
        return _normalize_offset(expr, anchor_day, previous)
    if parts.kind == "time":
        return _normalize_time(expr, anchor_day, tense)
    if parts.kind == "anaphor":
        return _normalize_anaphor(expr, previous)
    if parts.kind in ("quarter", "season") and parts.year is not None:
        # the calendar value is the year the words give, as before TimeML's periods were read
        return replace(expr, value=f"{parts.year:04d}", precision="year")
    return expr


def _normalize_time(expr: TimeExpr, anchor_day: date | None, tense: str | None) -> TimeExpr:
    """A time of day has the calendar value of its day when the words name one ("Friday night", "9 a.m.
    Tuesday", "Nov. 9"), none for a bare "3 p.m." or «вечером»."""
    parts = expr.parts
    if parts.weekday is not None and anchor_day is not None:
        day = _weekday_near(anchor_day, parts, tense)
        return replace(expr, value=day.isoformat(), precision="day", anchor="publication")
    if parts.month is not None and parts.day is not None:
        return _normalize_date(replace(expr, parts=replace(parts, kind="date")), anchor_day, tense)
    return expr


def _normalize_anaphor(expr: TimeExpr, previous: TimeExpr | None) -> TimeExpr:
    """"that year", "the same day", "the following month": the period of the date before it, or the one
    after or before that; none when that date is less precise than the period ("that day" after "in 1995")."""
    parts = expr.parts
    base = parse_iso(previous.value) if previous is not None else None
    if previous is None or base is None:
        return expr
    have = PRECISIONS.index(previous.precision or _precision_of(previous.value or ""))
    need = PRECISIONS.index("day" if parts.unit == "week" or parts.weekday is not None else parts.unit or "day")
    if have < need:
        return expr
    if parts.weekday is not None:  # "the following Friday", "the previous Friday"
        ahead, back = (parts.weekday - base.weekday()) % 7 or 7, (base.weekday() - parts.weekday) % 7 or 7
        day = base + timedelta(days=ahead) if parts.shift > 0 else base - timedelta(days=back)
        return replace(expr, value=day.isoformat(), precision="day", anchor="previous")
    unit = parts.unit or "day"
    if unit == "week":
        monday = base - timedelta(days=base.weekday()) + timedelta(weeks=parts.shift)
        return replace(
            expr, value=monday.isoformat(), end_value=(monday + timedelta(days=6)).isoformat(), precision="day",
            anchor="previous",
        )
    moved = add_period(base, parts.shift, unit)
    return replace(expr, value=_iso(moved, unit), precision=unit, anchor="previous")


def _normalize_date(expr: TimeExpr, anchor_day: date | None, tense: str | None = None) -> TimeExpr:
    parts = expr.parts
    year, used = parts.year, "explicit"
    if year is None:
        if anchor_day is None or parts.month is None:
            return expr
        year, used = _year_for(anchor_day, parts.month, parts.day, tense), "publication"
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


def _year_for(anchor_day: date, month: int, day: int | None, tense: str | None) -> int:
    """The year of a month (and day) the text gives without one: said of the past, the latest up to the
    anchor ("in August" in a March article: last August); of the future, the first from it; otherwise the
    nearer: more than FORWARD_DAYS ahead it is the year before's, as far back the year after's ("the summit
    in April" in a December article: the coming April). The tense decides only beyond CLOSE_DAYS."""
    year = anchor_day.year
    if not _valid(year, month, day):
        return year
    ahead = date(year, month, day or 1) - anchor_day.replace(day=anchor_day.day if day else 1)
    if tense == "past":
        return year - 1 if ahead > timedelta(days=CLOSE_DAYS) else year
    if tense == "future":
        return year + 1 if ahead < -timedelta(days=CLOSE_DAYS) else year
    if ahead < -timedelta(days=FORWARD_DAYS):
        return year + 1
    return year - 1 if ahead > timedelta(days=FORWARD_DAYS) else year


def _weekday_near(anchor_day: date, parts: Parts, tense: str | None = None) -> date:
    """News convention: "on Monday" is the latest Monday up to the anchor, or, said of the future ("will
    meet on Monday"), the first from it; "last Monday" the one before the anchor's own day; "next Monday"
    the first after it."""
    weekday = parts.weekday or 0
    back = (anchor_day.weekday() - weekday) % 7
    if parts.shift == 0 and tense == "future":
        return anchor_day + timedelta(days=(weekday - anchor_day.weekday()) % 7)
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
    if parts.until is not None and parts.until.unit is not None:
        day = add_period(day, parts.until.shift, parts.until.unit)
        unit = parts.until.unit
    # "six months later" is no more precise than its unit, nor than the date it counts from
    coarsest = {"day": "day", "week": "day", "hour": "day", "minute": "day", "second": "day", "month": "month"}.get(
        unit, "year"
    )
    precision = min(precision, coarsest, key=lambda p: PRECISIONS.index(p) if p in PRECISIONS else 1)
    precision = "year" if precision == "decade" else precision
    return replace(expr, value=_iso(day, precision), precision=precision, anchor=used)

"""The regular expressions of date expressions, built from the lexicon: calendar dates, months, years, ranges,
decades, relative and offset dates, and what TimeML adds (times of day, quarters, seasons, centuries, durations,
sets, references, holidays). Each pattern says which characters or key words it cannot match without, so the scan
tries it only where it can match; their order decides which of two overlapping matches wins."""

from __future__ import annotations

import re
from functools import cache

from elitewatch.temporal.words import english_months, lexicon


def alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def date_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    en, ru = lexicon("en"), lexicon("ru")
    # English month names are matched capitalized ("May", not the verb "may"); abbreviations take a dot or not.
    month = "(?-i:" + "|".join(f"{w[0].upper()}{w[1:]}" for w in sorted(english_months(), key=len, reverse=True)) + r")\.?"
    ru_month = "(?:" + "|".join(ru.month_stems) + r")[а-яё]{0,3}"
    weekday_en = "(?-i:" + "|".join(w.capitalize() for names in en.weekdays for w in names) + ")"
    weekday_ru = "(?:" + alternatives([n for names in ru.weekdays for n in names]) + ")"
    year = r"(?<![\d$.,])(?:1[89]\d\d|20\d\d)(?![\d,.]\d)"
    decade = r"(?<![\d$.,])(?:1[89]\d0|20\d0)"
    # A month alone is a date only after a word that introduces one ("in May", not "Theresa May").
    month_lead = r"\b(?:in|since|by|until|till|during|from|through|to|last|next|this|of|on)\s+"
    number_en = r"(?:\d{1,3}|" + alternatives(list(en.numbers)) + ")"
    number_ru = r"(?:\d{1,3}|" + alternatives(list(ru.numbers)) + ")"
    unit_en = "(?:" + alternatives(list(en.units)) + ")"
    unit_ru = "(?:" + alternatives(list(ru.units)) + ")"
    rel_en = "(?:" + alternatives(list(en.relative)) + ")"
    rel_ru = "(?:" + alternatives(list(ru.relative)) + ")"
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
    units = alternatives([w for w, n in words.items() if n < 10])
    teens = alternatives([w for w, n in words.items() if 10 <= n < 20])
    tens = alternatives([w for w, n in words.items() if n >= 20])
    return (
        rf"(?:nineteen|twenty)[\s-]+(?:(?:{tens})(?:[\s-]+(?:{units}))?|(?:{teens}))"
        rf"|two\s+thousand(?:\s+and)?(?:[\s-]+(?:{units}|{teens}))?"
    )


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
    dayparts_en = alternatives([w for w in en.dayparts if w != "overnight"])
    dayparts_ru = alternatives(list(ru.dayparts))
    ordinal_en = alternatives(list(en.ordinals))
    ordinal_ru = alternatives(list(ru.ordinals))
    seasons_en = alternatives(list(en.seasons))
    seasons_ru = alternatives(list(ru.seasons))
    rel_ru = "(?:" + alternatives(list(ru.relative)) + ")"
    number = rf"(?:a\s+)?(?P<number>\d+(?:\.\d+)?(?:\s+1/2)?|{number_en}|a|an)(?:\s+of)?"
    lead = (
        r"(?:(?:the|a|an)\s+)?(?:(?:past|last|next|first|previous|coming|final|following|remaining|latest|initial)\s+)?"
        r"(?:(?:more\s+than|less\s+than|at\s+least|nearly|almost|about|some|over|up\s+to|only|just|another|roughly|"
        r"around|approximately)\s+)?"
    )
    second = rf"(?:,?\s+and\s+(?:(?P<half>a\s+half)|(?P<number2>\d+|{number_en})\s+(?P<unit2>{unit_en})))?"
    sets_en = alternatives(list(en.sets))
    sets_ru = alternatives(list(ru.sets))
    every_en = alternatives(list(en.set_words))
    every_ru = alternatives(list(ru.set_words))
    refs_en = alternatives(list(en.references))
    refs_ru = alternatives(list(ru.references))
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
                rf"\b(?:(?P<rel>last|next|this)\s+)?(?P<holiday>{alternatives(list(en.holidays))})\b(?P<hweek>\s+week\b)?",
            ),
            ("holiday", "C:holiday", rf"(?<!\w)(?:(?:в|на|с)\s+)?(?P<holiday>{alternatives(list(ru.holidays))})(?!\w)"),
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

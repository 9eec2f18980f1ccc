"""Reading a match: what the words of one date expression say (`Parts`), from the pattern's named groups:
dates, months, ranges, offsets, weekdays, and TimeML's references, times of day, quarters, seasons, centuries,
holidays and anaphors ("later that year"). A match the words do not bear out ("Theresa May") reads as None."""

from __future__ import annotations

import re

from elitewatch.temporal.durations import combine_periods, duration_value, read_duration, read_set
from elitewatch.temporal.expressions import Parts
from elitewatch.temporal.words import lexicon, month_of, number_of, relative_shift, unit_of, weekday_numbers


def _spoken_value(words: str) -> int:
    numbers = lexicon("en").spoken_numbers
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        return 2000 + sum(numbers.get(w, 0) for w in parts[2:])
    return numbers[parts[0]] * 100 + sum(numbers.get(w, 0) for w in parts[1:])


def _part(groups: dict[str, str | None]) -> str | None:
    word = (groups.get("part") or groups.get("part2") or groups.get("rupart") or "").lower()
    if word in ("end", "late", "конце"):
        return "end"
    if word in ("beginning", "start", "early", "начале"):
        return "start"
    if word in ("middle", "mid", "середине"):
        return "middle"
    return None


def read_parts(kind: str, match: re.Match[str]) -> Parts | None:
    g = match.groupdict()
    g["whole"] = match.group()
    g["after"] = match.string[match.end() : match.end() + 40]
    g["before"] = match.string[max(0, match.start() - 12) : match.start()]
    year = int(g["year"]) if g.get("year") else None
    base = kind.removesuffix("_ru")
    if base == "range_days":
        month = month_of(g)
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
        month = month_of(g)
        day = int(str(g["day"]))
        return Parts("date", year, month, day, unit="week") if month and 1 <= day <= 31 else None
    if base in ("iso", "numeric", "date"):
        month = month_of(g)
        day = int(str(g["day"]))
        if month is None or not 1 <= month <= 12 or not 1 <= day <= 31:
            return None
        weekday = weekday_numbers().get(str(g["weekday"]).lower()) if g.get("weekday") else None
        return Parts("date", year, month, day, weekday=weekday)
    if base == "spoken_year":
        month = month_of(g) if g.get("month") else None
        return Parts("date", _spoken_value(str(g["spoken"])), month)
    if base == "month":
        month = month_of(g)
        if month is None:
            return None
        if g.get("rel"):
            return Parts("relative", month=month, shift=relative_shift(g["rel"]), unit="year", part=_part(g))
        lead = str(g["whole"]).split()[0].lower()
        if year is None and lead == "this":  # "this September" is this year's; "last April" the latest April
            return Parts("relative", month=month, shift=0, unit="year", part=_part(g))
        return Parts("date", year, month, part=_part(g))
    if base == "decade":
        return Parts("decade", year)
    if base == "relative":
        return Parts("relative", shift=relative_shift(g.get("rel")), unit=unit_of(str(g["unit"])), part=_part(g))
    if base == "year":
        if year is None:
            return None
        return Parts("date", year, part=_part(g))
    if base in ("elapsed", "offset"):
        number = number_of(g.get("number"))
        direction = (g.get("dir") or "").lower()
        sign = -1 if direction in ("ago", "earlier", "before", "назад", "раньше") else 1
        if base == "elapsed":
            return Parts("elapsed", shift=number, unit=unit_of(str(g["unit"])))
        anchored = direction in ("ago", "назад", "через")
        unit = unit_of(str(g["unit"]))
        # "5 months and 1 day before": the second amount counts on from the first (kept as `until`)
        until = timex = None
        if g.get("number2") and g.get("unit2"):
            second = unit_of(str(g["unit2"]))
            until = Parts("offset", shift=sign * number_of(g["number2"]), unit=second)
            timex = combine_periods(duration_value(g.get("number"), unit), duration_value(g["number2"], second))
        return Parts(
            "offset",
            shift=sign * number,
            unit=unit,
            part="publication" if anchored else None,
            until=until,
            timex=timex,
        )
    if base == "weekday":
        weekday = weekday_numbers().get(str(g["weekday"]).lower())
        if weekday is None:
            return None
        return Parts("weekday", weekday=weekday, shift=relative_shift(g.get("rel")) if g.get("rel") else 0)
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
        shift = -1 if "past" in rel else relative_shift(rel.split()[-1]) if rel else 0
        return Parts("season", year, period=code, shift=shift, unit="season" if rel else None)
    if base == "century":
        return _read_century(g)
    if base == "decade":
        return Parts("decade", 1900 + int(str(g["yy"]))) if g.get("yy") else None
    if base == "set":
        return read_set(g)
    if base == "duration":
        return read_duration(g)
    if base == "holiday":
        word = re.sub(r"\s+", " ", str(g["holiday"]).lower())
        rule = en.holidays.get(word) or ru.holidays.get(word)
        rel = (g.get("rel") or "").lower()
        return Parts(
            "holiday",
            timex=rule,
            shift=relative_shift(rel) if rel else 0,
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
        return Parts("weekend", shift=-1 if "past" in rel else relative_shift(rel.split()[-1]), unit=rel or None)
    return None


ANAPHOR_UNIT = {"день": "day", "году": "year", "месяце": "month", "неделе": "week"}


def _read_anaphor(g: dict[str, str | None]) -> Parts:
    """"later that year": the year of the date before; "the following day" the day after it."""
    word = str(g.get("unit") or "day").lower()
    unit = ANAPHOR_UNIT.get(word, word)
    clock = lexicon("en").dayparts.get(unit)
    direction = str(g.get("dir") or "").lower()
    shift = 1 if direction in ("following", "next", "следующий") else -1 if direction in ("previous", "preceding") else 0
    weekday = weekday_numbers().get(str(g["weekday"]).lower()) if g.get("weekday") else None
    return Parts("anaphor", shift=shift, unit="day" if clock else unit, clock=clock, weekday=weekday)


def _read_time(g: dict[str, str | None]) -> Parts:
    weekday_word = g.get("weekday") or g.get("weekday2")
    weekday = weekday_numbers().get(weekday_word.lower()) if weekday_word else None
    shift = _day_shift(g.get("today"))
    month = month_of(g) if g.get("month") else None
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
        shift = relative_shift(ryear) if ryear else 0
        if str(g.get("qrel") or "").lower() in ("year-earlier", "year-ago") or g.get("ago"):
            shift, ryear = -1, "last"  # "the year-ago third quarter"
        return Parts("quarter", year, period=f"{'H' if half else 'Q'}{number}", shift=shift, unit="year" if ryear else None)
    rel = str(g.get("qrel") or "the").lower()
    if rel in ("year-earlier", "year-ago") or g.get("ago"):
        return Parts("quarter", period="ref", shift=-1, unit="year")
    if rel in ("the", "latest", "same", "comparable", "recent") or year is not None:
        return Parts("quarter", year, period="ref", unit="year" if year else None)
    return Parts("quarter", period="Q", shift=relative_shift(rel) if rel not in ("prior",) else -1, unit="quarter")


def _read_century(g: dict[str, str | None]) -> Parts | None:
    if g.get("rel"):
        return Parts("century", shift=relative_shift(g["rel"]), unit="century")
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

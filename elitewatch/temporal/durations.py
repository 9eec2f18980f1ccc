"""Durations and sets: reading "five months", "2 1/2 years", "every other week", and writing their TimeML
values (P5M, P2Y6M, PT30M, XXXX-WXX-1)."""

from __future__ import annotations

import re

from elitewatch.temporal.expressions import Parts
from elitewatch.temporal.words import lexicon, month_of, number_of, unit_of, weekday_numbers


def _timeml_unit(unit: str) -> tuple[str, int]:
    """A unit's TimeML letter, with T when it is a time unit, and how many of that letter one unit is."""
    code = lexicon("en").timeml_units.get(unit, "Y")
    digits = "".join(c for c in code if c.isdigit())
    return code.lstrip("0123456789"), int(digits or 1)


def period_value(amount: str, unit: str) -> str:
    letter, factor = _timeml_unit(unit)
    if amount != "X" and factor != 1:
        amount = _amount(float(amount) * factor)
    return f"PT{amount}{letter[1:]}" if letter.startswith("T") else f"P{amount}{letter}"


def _amount(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def duration_value(number: str | None, unit: str) -> str:
    """"five" "months" -> P5M; "2 1/2" "years" -> P2Y6M; "several" "years" -> PXY."""
    word = (number or "1").lower().strip()
    if word in ("several", "few", "несколько", "нескольких"):
        return period_value("X", unit)
    half = word.endswith("1/2")
    whole = number_of(word.split()[0]) if not word[0].isdigit() else float(word.split()[0])
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
            return combine_periods(period_value(_amount(int(whole)), unit), period_value(str(rest), lower))
    return period_value(_amount(whole), unit)


def combine_periods(first: str, second: str) -> str:
    """P5M + P1D -> P5M1D; PT5H + PT30M -> PT5H30M; P1D + PT2H -> P1DT2H."""
    if second.startswith("PT") and "T" in first:
        return first + second[2:]
    if second.startswith("PT"):
        return first + second[1:]
    if first.startswith("PT"):
        return second + first[1:]
    return first + second[1:]


def read_duration(g: dict[str, str | None]) -> Parts | None:
    if g.get("halfyear"):
        return Parts("duration", timex="P6M")
    unit = unit_of(str(g["unit"]))
    if unit == "quarter" and (re.search(r"\w-quarters?\b", g.get("whole") or "") or (g.get("after") or "")[:4] == " of "):
        return None  # "three-quarters of the shares", "a quarter of the vote": a fraction
    if g.get("number") is None and unit in ("decade", "century") and not str(g["unit"]).lower().endswith("s"):
        return Parts("duration", timex=period_value("1", unit), unit=unit)  # "the past decade"
    if g.get("few") or (g.get("number") is None and str(g["unit"]).lower().endswith("s")):
        return Parts("duration", timex=period_value("X", unit), unit=unit)
    value = duration_value(g.get("number"), unit)
    if g.get("half"):
        value = duration_value(f"{g.get('number') or 1} 1/2", unit)
    elif g.get("number2") and g.get("unit2"):
        value = combine_periods(value, duration_value(g["number2"], unit_of(str(g["unit2"]))))
    return Parts("duration", timex=value, unit=unit)


def read_set(g: dict[str, str | None]) -> Parts | None:
    en, ru = lexicon("en"), lexicon("ru")
    if g.get("setword"):
        word = str(g["setword"]).lower()
        return Parts("set", timex=en.sets.get(word) or ru.sets.get(word))
    if g.get("weekday"):
        weekday = weekday_numbers().get(str(g["weekday"]).lower())
        part = lexicon("en").dayparts.get(str(g.get("daypart") or "").lower())
        return Parts("set", timex=f"XXXX-WXX-{(weekday or 0) + 1}" + (f"T{part}" if part else ""))
    if g.get("month"):
        return Parts("set", timex=f"XXXX-{month_of(g) or 1:02d}")
    return Parts("set", timex=duration_value(g.get("number"), unit_of(str(g["unit"]))))

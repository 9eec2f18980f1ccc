"""The normalizer's entry point: every expression of a text, normalized in text order."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from elitewatch.temporal.arithmetic import parse_iso
from elitewatch.temporal.expressions import TimeExpr
from elitewatch.temporal.normalize import normalize
from elitewatch.temporal.scan import scan
from elitewatch.temporal.tense import tense_at
from elitewatch.temporal.timeml import Context, Timex, pieces, with_timeml

# The kinds whose value depends on which way their clause points (a month or weekday without a year).
TENSED = frozenset({"date", "weekday", "time", "quarter", "season", "weekend", "holiday", "range"})


def find_dates(text: str, start: int = 0, end: int | None = None, anchor: str | None = None) -> list[TimeExpr]:
    """Every temporal expression in text[start:end], normalized: dates and times with their calendar `value`
    (none for durations, sets, references to the present and holidays, whose day a rule gives: the places
    that read `value` take only the dates the text writes), all with their TimeML `type` and `timex`;
    "N later" counts from the date before it."""
    result: list[TimeExpr] = []
    previous: TimeExpr | None = None
    context = Context(text=text)
    found = scan(text, start, end)
    for index, expr in enumerate(found):
        context.next_start = found[index + 1].start if index + 1 < len(found) else None
        context.previous_end = previous.end if previous is not None else None
        year_from = _year_anchor(text, expr, previous)
        # a date that takes its year from a full date before it keeps that year, whatever the tense
        tense = None if year_from else _tense(text, expr)
        done = normalize(expr, year_from or anchor, previous, tense)
        if year_from is not None and done.value is not None:
            done = replace(done, anchor="previous")
        done = with_timeml(done, anchor, tense, context)
        if done.value is not None and done.parts.kind != "elapsed":
            previous = done
        result.append(_day_before_or_after(text, done))
    return result


DAY_BEFORE = re.compile(r"\b(?:the\s+)?day\s+(?P<dir>before|after)\s+$", re.IGNORECASE)


def _day_before_or_after(text: str, expr: TimeExpr) -> TimeExpr:
    """"the day before last Tuesday's hearing": the day before the day the expression names."""
    if expr.precision != "day" or expr.value is None or expr.end_value is not None:
        return expr
    match = DAY_BEFORE.search(text, max(0, expr.start - 20), expr.start)
    day = parse_iso(expr.value)
    if match is None or day is None:
        return expr
    moved = (day + timedelta(days=1 if match.group("dir").lower() == "after" else -1)).isoformat()
    timex = moved + expr.timex[10:] if expr.timex and expr.timex.startswith(expr.value) else expr.timex
    return replace(expr, start=match.start(), raw=text[match.start() : expr.end], value=moved, timex=timex)


def _tense(text: str, expr: TimeExpr) -> str | None:
    parts = expr.parts
    if parts.kind not in TENSED or parts.year is not None or parts.shift != 0:
        return None
    if text.startswith(("'s", "’s"), expr.end):
        return None  # "Wednesday's ruling": a day named as past, whatever the clause's tense
    lead = expr.raw.split()[0].lower()
    if lead in ("last", "next"):
        return "past" if lead == "last" else "future"  # "Last April, they planned to ...": the April before
    return tense_at(text, expr.start, expr.end)


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


def timexes(text: str, anchor: str | None = None) -> list[Timex]:
    """The TimeML expressions of a text, the anchor being the document's creation day."""
    found: list[Timex] = []
    for expr in find_dates(text, anchor=anchor):
        found.extend(pieces(expr))
    return found

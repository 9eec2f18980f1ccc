"""Anchoring: `normalize(expr, anchor, previous)` gives a scanned date expression its ISO value at the precision
the text supports ("2023", "2023-12", "2023-12-04"; a decade or a range has an end value), saying which anchor
filled in what the text left out: "explicit" (nothing), "publication" (the year of "December 4", the day of "last
Monday"), or "previous" (the date "a week later" counts from).

The other steps of the normalizer, each usable alone: the words (words.py, data/lexicon/dates.yaml), the patterns
(patterns.py), the scan (scan.py) and the reading of a match (read.py), durations (durations.py), calendar
arithmetic (arithmetic.py); `find_dates(text, anchor=...)` (find.py) does them all in text order.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from elitewatch.temporal.arithmetic import add_period, iso_value, parse_iso, precision_of, valid_day
from elitewatch.temporal.expressions import PRECISIONS, Parts, TimeExpr

# A day-and-month without a year that would fall this far after the anchor is taken from the year before
# ("December 28" in a text of January 5). Half a year, a convention: the nearer of the two years.
FORWARD_DAYS = 183
# The tense of its clause moves a month or day without a year to the year before or after only when the
# nearer one is further than this from the anchor: the tense cue is a heuristic, and a date a few weeks
# off is far more often the nearer one (TimeBank/AQUAINT training documents: 60 and 90 read, 60 kept).
CLOSE_DAYS = 60


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
    have = PRECISIONS.index(previous.precision or precision_of(previous.value or ""))
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
    return replace(expr, value=iso_value(moved, unit), precision=unit, anchor="previous")


def _normalize_date(expr: TimeExpr, anchor_day: date | None, tense: str | None = None) -> TimeExpr:
    parts = expr.parts
    year, used = parts.year, "explicit"
    if year is None:
        if anchor_day is None or parts.month is None:
            return expr
        year, used = _year_for(anchor_day, parts.month, parts.day, tense), "publication"
    if parts.month is None:
        return replace(expr, value=f"{year:04d}", precision="year", anchor=used)
    if not valid_day(year, parts.month, parts.day):
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
        return replace(expr, value=iso_value(day, "month"), precision="month", anchor="publication")
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
    if not valid_day(year, month, day):
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
        precision = previous.precision or precision_of(previous.value)
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
    return replace(expr, value=iso_value(day, precision), precision=precision, anchor=used)

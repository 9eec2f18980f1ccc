"""TimeML's view of the normalizer's expressions (issue 20): a type (date, time, duration, set) and a TimeML
value for each ("1998-W32", "1998-Q3", "1997-SU", "199", "P5M", "XXXX-WXX-1", "PRESENT_REF"), and `timexes`,
the expressions as TimeML annotates them: a range as its two ends ("from 1985 to 1991": "1985" and "1991").

The calendar `value` of an expression stays what the rest of elitewatch reads (an ISO date at its
precision, none for a duration); `timex` is the TimeML value, following TimeML's conventions:

- a week is an ISO week, a weekend the weekend of one ("1998-W32-WE");
- a quarter without a year is the anchor's year's, or the year before's when it is later in the year than
  the anchor and not said of the future; "the quarter", "the latest period" is the quarter the text last
  named, else the last one completed; "a year ago", "year-earlier" next to a quarter is that quarter a year
  before (financial news compares a quarter with the same quarter of the year before);
- a season without a year is placed like a month ("last summer" in August 1998: 1997-SU);
- a time of day is its day and the time ("1998-08-07T15:00", "…TNI").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from elitewatch.temporal.arithmetic import add_period, parse_iso
from elitewatch.temporal.durations import period_value
from elitewatch.temporal.expressions import TimeExpr

# How far before a "year-ago" or "the quarter" the quarter it refers to may be named (characters): about two
# sentences; set by hand on the TimeBank training documents (reading, not swept).
QUARTER_REACH = 400
SEASONS = ("WI", "SP", "SU", "FA")  # in the order of a year (TimeML's WI of a year is its first winter)


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str
    text: str  # the words it spans


@dataclass
class Context:
    """What the text around an expression says that TimeML's values depend on: the quarter last named, the
    text, where the next expression starts and where the last dated one ended."""

    quarter: tuple[int, int] | None = None  # (year, quarter)
    quarter_end: int = -1
    text: str = ""
    next_start: int | None = None
    previous_end: int | None = None  # the end of the latest expression with a calendar value before this one


def with_timeml(expr: TimeExpr, anchor: str | None, tense: str | None, context: Context) -> TimeExpr:
    """The expression with its TimeML type and value (the value none when the anchor needed is missing)."""
    kind, value = _timeml(expr, parse_iso(anchor) if anchor else None, tense, context)
    # the quarter a text is about is one it names ("the third quarter", "last quarter"), not one it counts
    # back to ("the year-ago quarter")
    named = expr.parts.kind == "quarter" and expr.parts.period != "ref" and expr.parts.shift >= 0
    if kind == "date" and value and re.fullmatch(r"\d{4}-Q\d", value) and named:
        context.quarter, context.quarter_end = (int(value[:4]), int(value[-1])), expr.end
    return replace(expr, type=kind, timex=value)


def _timeml(expr: TimeExpr, anchor: date | None, tense: str | None, context: Context) -> tuple[str, str | None]:
    parts = expr.parts
    kind = parts.kind
    if kind in ("ref", "duration", "set"):
        return ("date" if kind == "ref" else kind), parts.timex
    if kind == "elapsed":
        return "duration", period_value(str(parts.shift), parts.unit or "year")
    if kind == "decade" and parts.year is not None:
        return "date", str(parts.year)[:3]
    if kind == "century":
        year = parts.year if parts.unit is None else (anchor.year // 100 + parts.shift if anchor else None)
        return "date", None if year is None else f"{year:02d}"
    if kind == "time":
        return "time", _time_value(expr, anchor)
    if kind == "quarter":
        return "date", _quarter(expr, anchor, tense, context)
    if kind == "season":
        return "date", _season(expr, anchor, tense)
    if kind == "weekend":
        return "date", _weekend(expr, anchor, tense)
    if kind == "holiday":
        return "date", _holiday(expr, anchor, tense)
    if kind == "anaphor" and expr.value and parts.clock:
        return "time", f"{expr.value}T{parts.clock}"
    if kind in ("relative", "anaphor", "date") and parts.unit == "week" and expr.value:
        return "date", _week(parse_iso(expr.value))
    if kind == "offset" and _counts_from_an_event(expr, context):
        # "72 hours after the crash", "three days later": TimeML takes the amount of time, the event is no date
        vague = re.search(r"\b(?:few|several)\b", expr.raw, re.IGNORECASE)  # "a few days later": PXD
        return "duration", parts.timex or period_value("X" if vague else str(abs(parts.shift)), parts.unit or "year")
    if kind == "offset":
        return "date", _offset(expr, context)
    return "date", expr.value


SENTENCE_END = re.compile(r"[.!?]\s")
# The words between "after"/"before" and a date it counts from ("two days after the March 5 vote"); also "the".
# Set by hand on the TimeBank training documents (4af4370), not swept.
TO_A_DATE = 12


def _counts_from_an_event(expr: TimeExpr, context: Context) -> bool:
    """Whether an offset measures time from an event rather than naming a date: "after"/"before" with a
    complement that is no date ("72 hours after the crash"; not "two years after." nor "a week after March
    5"); "later"/"earlier" with no date in its sentence or the one before to count from ("Three days later,
    the index closed"), except a year counted back, which compares periods ("up 5% from a year earlier")."""
    words = expr.raw.lower()
    if expr.parts.part == "publication" or not expr.raw[-1:].isalpha():
        return False
    if words.endswith(("after", "before")):
        following = context.text[expr.end : expr.end + 3]
        if not re.match(r"\s*\w", following):
            return False  # "two years after." counts from the date before it
        return context.next_start is None or context.next_start - expr.end > TO_A_DATE
    if words.endswith(("later", "earlier", "afterwards")):
        if expr.parts.unit in ("year", "quarter") or context.previous_end is None:
            return expr.parts.unit not in ("year", "quarter")
        between = context.text[context.previous_end : expr.start]
        return len(SENTENCE_END.findall(between)) > 1
    return False


def _week(day: date | None) -> str | None:
    if day is None:
        return None
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _time_value(expr: TimeExpr, anchor: date | None) -> str | None:
    parts = expr.parts
    day = parse_iso(expr.value) if expr.value else (anchor + timedelta(days=parts.shift) if anchor else None)
    return f"{day.isoformat()}T{parts.clock}" if day and parts.clock else None


def _quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def _quarter(expr: TimeExpr, anchor: date | None, tense: str | None, context: Context) -> str | None:
    parts = expr.parts
    period = parts.period or "Q"
    if period == "ref":  # "the quarter", "the year-ago quarter", "the 1988 period"
        near = context.quarter is not None and expr.start - context.quarter_end <= QUARTER_REACH
        if context.quarter is not None and near:
            year, number = context.quarter
        elif anchor is not None:
            last = add_period(anchor.replace(day=1), -3, "month")
            year, number = last.year, _quarter_of(last)
        else:
            return None
        year = parts.year if parts.year is not None else year + parts.shift
        return f"{year:04d}-Q{number}"
    if anchor is None and parts.year is None:
        return None
    if period == "Q":  # "this quarter", "last quarter", "next quarter"
        assert anchor is not None
        day = add_period(anchor.replace(day=1), 3 * parts.shift, "month")
        return f"{day.year:04d}-Q{_quarter_of(day)}"
    number = int(period[1:])
    if parts.year is not None:
        return f"{parts.year:04d}-{period}"
    assert anchor is not None
    year = anchor.year + parts.shift
    current = _quarter_of(anchor) if period[0] == "Q" else (anchor.month - 1) // 6 + 1
    if parts.unit is None and number > current and tense == "past":
        year -= 1  # "the fourth quarter" in a February report on results is last year's
    return f"{year:04d}-{period}"


def _season_index(day: date) -> int:
    return {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(day.month, 3)


def _season(expr: TimeExpr, anchor: date | None, tense: str | None) -> str | None:
    parts = expr.parts
    code = parts.period or "SU"
    if parts.year is not None:
        return f"{parts.year:04d}-{code}"
    if anchor is None:
        return None
    index, current = SEASONS.index(code), _season_index(anchor)
    year = anchor.year
    if parts.unit == "season" and parts.shift < 0:
        year -= 1 if index >= current else 0
    elif parts.unit == "season" and parts.shift > 0:
        year += 1 if index <= current else 0
    elif parts.unit is None and tense == "past" and index > current:
        year -= 1
    elif parts.unit is None and tense == "future" and index < current:
        year += 1
    return f"{year:04d}-{code}"


def holiday_date(rule: str, year: int) -> date | None:
    """The day a holiday's rule gives in a year ("11/4/3": the fourth Thursday of November)."""
    if rule.startswith("easter"):
        return _easter(year) + timedelta(days=int(rule[6:] or 0))
    if rule == "election":  # the Tuesday after the first Monday of November
        first_monday = date(year, 11, 1) + timedelta(days=(0 - date(year, 11, 1).weekday()) % 7)
        return first_monday + timedelta(days=1)
    if "/" in rule:
        month, nth, weekday = (int(x) for x in rule.split("/"))
        if nth > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        last = add_period(date(year, month, 1), 1, "month") - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    month, day = (int(x) for x in rule.split("-"))
    return date(year, month, day)


def _easter(year: int) -> date:
    """Western Easter (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the computus's own letters)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(expr: TimeExpr, anchor: date | None, tense: str | None) -> str | None:
    """A holiday without a year: "last Thanksgiving" the latest up to the anchor, "next Christmas" the first
    from it, otherwise as the tense says, else the nearest."""
    parts = expr.parts
    if anchor is None or parts.timex is None:
        return None
    days = [d for year in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := holiday_date(parts.timex, year))]
    week = parts.period == "week"  # "Easter week": the ISO week the holiday is in, begun by the anchor if past
    if week:
        days = [d - timedelta(days=d.weekday()) for d in days]
    if parts.shift < 0 or (parts.unit is None and tense == "past"):
        days = [d for d in days if d <= anchor]
    elif parts.shift > 0 or (parts.unit is None and tense == "future"):
        days = [d for d in days if d + timedelta(days=6 if week else 0) >= anchor]
    elif parts.unit == "year":  # "this Christmas"
        days = [d for d in days if d.year == anchor.year]
    if not days:
        return None
    nearest = min(days, key=lambda d: abs(d - anchor))
    return _week(nearest) if week else nearest.isoformat()


def _weekend(expr: TimeExpr, anchor: date | None, tense: str | None) -> str | None:
    if anchor is None:
        return None
    shift = expr.parts.shift
    saturday = anchor + timedelta(days=5 - anchor.weekday())  # this week's
    if shift < 0 or (shift == 0 and tense == "past" and expr.parts.unit in (None, "the", "over the")):
        saturday = saturday - timedelta(weeks=1) if saturday > anchor else saturday
    elif shift > 0:
        saturday += timedelta(weeks=1)
    return f"{_week(saturday)}-WE"


def _near(expr: TimeExpr, context: Context) -> bool:
    return context.quarter is not None and expr.start - context.quarter_end <= QUARTER_REACH


def _offset(expr: TimeExpr, context: Context) -> str | None:
    """ "six weeks ago" is a week; "a year ago" next to a quarter is that quarter of the year before."""
    parts = expr.parts
    unit = parts.unit or "year"
    if unit == "year" and context.quarter is not None and _near(expr, context):
        year, number = context.quarter
        return f"{year + parts.shift:04d}-Q{number}"
    if unit == "week" and expr.value and expr.precision == "day":
        return _week(parse_iso(expr.value))
    return expr.value


def pieces(expr: TimeExpr) -> list[Timex]:
    """The TIMEX3 elements of a normalized expression: none without a value, two for a range of days."""
    value = expr.timex
    if value is None:
        return []
    kind = expr.type.upper()
    if expr.parts.kind == "range" and expr.end_value:
        numbers = list(re.finditer(r"\d+", expr.raw))
        if len(numbers) >= 2:  # the first part ends with its number, the last starts at the next ("April 3–4")
            first, last = expr.start + numbers[0].end(), expr.start + numbers[1].start()
            return [
                Timex(expr.start, first, kind, value, expr.raw[: first - expr.start]),
                Timex(last, expr.end, kind, expr.end_value, expr.raw[last - expr.start :]),
            ]
    return [Timex(expr.start, expr.end, kind, value, expr.raw)]

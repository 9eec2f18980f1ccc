"""The shapes of a date expression: what its words say (`Parts`, from the scan) and the expression found in a
text with its value once anchored (`TimeExpr`, from normalize)."""

from __future__ import annotations

from dataclasses import dataclass

PRECISIONS = ("decade", "year", "month", "day")


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

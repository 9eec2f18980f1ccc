"""When was a text written? A publication date inferred from the text itself, when metadata gives none.

Evidence, strongest first:

1. a weekday and a date that agree in one year only ("last Monday, on December 4": 2023) — the year
   among those nearest to the years the text speaks of;
2. otherwise the year is bracketed by the years the text speaks of: at least the latest year it names
   in the past ("trade amounted to $17.6 billion in 2018", "a year and more has elapsed since
   January 2022"), before any year it names as future ("whose term ends in 2020": 2019);
3. with the year known, the text was written after the latest past date it names: the day after it,
   or the first day of the following month for a month;
4. with no year at all, a widely known event it names (data/gazetteer/dated_events.tsv) dates it:
   a text on "the January events" in Kazakhstan is from after January 2022.

Dates in a future context ("will", "scheduled for", "ends in", «состоится») never push the date later.
Metadata, when present, always wins; this module is used only without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from elitewatch.datafiles import DATA
from elitewatch.temporal.arithmetic import add_period, parse_iso
from elitewatch.temporal.expressions import TimeExpr
from elitewatch.temporal.normalize import normalize
from elitewatch.temporal.scan import scan
from elitewatch.temporal.words import lexicon

SENTENCE_START = re.compile(r"[.!?…\n]\s")
# How far before a date a future marker may stand, within its sentence (characters, a few words); set by hand
# with publication-date inference (57a13e5: 5/5 seeds in range), not swept.
FUTURE_WINDOW = 40
# The kinds of expression whose year is the year a text speaks of ("in 2018", "the third quarter of 2018",
# "summer 2018").
YEARS_OF = ("date", "quarter", "season")
# No publication date before this is inferred (a convention: the corpora are news of recent decades).
EARLIEST_YEAR = 1950


@dataclass(frozen=True)
class Inferred:
    value: str  # YYYY-MM-DD
    method: str  # how it was obtained, for the user
    confidence: float
    evidence: str  # the words that decided it


@dataclass(frozen=True)
class DatedEvent:
    pattern: re.Pattern[str]
    value: str
    country: str
    cue: str  # the start of its first word, lower case: a text without it cannot name the event


@cache
def _future_pattern() -> re.Pattern[str]:
    words = sorted([*lexicon("en").future_markers, *lexicon("ru").future_markers], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)


@cache
def dated_events() -> list[DatedEvent]:
    events = []
    for line in (DATA / "gazetteer/dated_events.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, value, country = line.split("\t")
        words = [re.escape(w) for w in phrase.split()]
        words[-1] = words[-1][: max(3, len(words[-1]) - 2)] + r"\w*"  # any inflection of the last word
        pattern = re.compile(r"(?<!\w)" + r"\W+(?:\w+\W+)?".join(words), re.IGNORECASE)
        first = phrase.split()[0].lower()
        events.append(DatedEvent(pattern, value, country, first[: max(3, len(first) - 2)]))
    return events


def is_future(text: str, expr: TimeExpr) -> bool:
    """A date the text presents as still to come: a future marker shortly before it in its sentence."""
    window_start = max(0, expr.start - FUTURE_WINDOW)
    sentence = list(SENTENCE_START.finditer(text, window_start, expr.start))
    if sentence:
        window_start = sentence[-1].end()
    return bool(_future_pattern().search(text, window_start, expr.start))


def infer_published(text: str) -> Inferred | None:
    exprs = scan(text)
    past = [e for e in exprs if not is_future(text, e)]
    future = [e for e in exprs if is_future(text, e)]
    lo, lo_evidence = _latest_past_year(text, exprs, past)
    hi = min((e.parts.year for e in future if e.parts.kind in YEARS_OF and e.parts.year), default=None)
    year, method, confidence, evidence = None, "", 0.0, ""
    if lo is not None:
        year = lo + 1 if hi is not None and hi > lo + 1 else lo
        method, confidence, evidence = "years named in the text", 0.3, lo_evidence
    agreed = _weekday_agreement(past, year)
    if agreed is not None:
        year, expr = agreed
        method, confidence, evidence = "weekday and date agree in one year", 0.9, expr.raw
    if year is None:
        return _from_known_event(text)
    latest = _latest_past_day(past, year)
    if latest is None:
        return Inferred(f"{year:04d}-07-01", f"{method}; no day or month given", confidence * 0.5, evidence)
    day, expr = latest
    if "weekday" not in method:
        evidence = f"{evidence}; {expr.raw}" if evidence else expr.raw
        method = f"{method}, after the latest date it names"
    return Inferred(day.isoformat(), method, confidence, evidence)


def _latest_past_year(text: str, exprs: list[TimeExpr], past: list[TimeExpr]) -> tuple[int | None, str]:
    years: list[tuple[int, str]] = []
    for expr in past:
        parts = expr.parts
        if parts.kind in (*YEARS_OF, "range") and parts.year:
            last = parts.until.year if parts.until is not None and parts.until.year else parts.year
            years.append((last, expr.raw))
    # "the year and more that has elapsed since January 2022": that year plus the time elapsed is past
    for index, expr in enumerate(exprs):
        if expr.parts.kind != "elapsed":
            continue
        following = [e for e in exprs[index + 1 : index + 3] if e.parts.year and e.start - expr.end < 100]
        if following and expr.parts.unit in ("year", "decade"):
            base = following[0].parts.year or 0
            years.append(
                (base + expr.parts.shift * (10 if expr.parts.unit == "decade" else 1), f"{expr.raw} {following[0].raw}")
            )
    years = [(y, raw) for y, raw in years if EARLIEST_YEAR <= y <= date.today().year]
    if not years:
        return None, ""
    return max(years)


def _weekday_agreement(past: list[TimeExpr], near: int | None) -> tuple[int, TimeExpr] | None:
    """ "Monday, December 4" without a year: the years where December 4 is a Monday, nearest to `near`."""
    best: tuple[int, int, TimeExpr] | None = None
    this_year = date.today().year
    for expr in past:
        parts = expr.parts
        if parts.kind != "date" or parts.weekday is None or parts.month is None or parts.day is None:
            continue
        if parts.year:
            return parts.year, expr
        target = near or this_year
        for year in range(EARLIEST_YEAR, this_year + 1):
            try:
                matches = date(year, parts.month, parts.day).weekday() == parts.weekday
            except ValueError:
                continue
            if matches and (best is None or abs(year - target) < best[0]):
                best = (abs(year - target), year, expr)
    return (best[1], best[2]) if best else None


def _latest_past_day(past: list[TimeExpr], year: int) -> tuple[date, TimeExpr] | None:
    """The latest day or month named as past, in the inferred year; the text was written after it."""
    anchor = f"{year:04d}-12-31"
    latest: tuple[date, TimeExpr] | None = None
    previous: TimeExpr | None = None
    for expr in past:
        if expr.parts.kind not in ("date", "range", "offset", "time") or expr.parts.part == "publication":
            continue  # "a few days ago" counts from the unknown date itself
        done = normalize(expr, anchor, previous, "past")  # named as past: in the year up to the anchor
        if done.value is None:
            continue
        previous = done
        if done.precision not in ("day", "month"):
            continue
        value = done.end_value or done.value
        first = parse_iso(value)
        if first is None or first.year != year:
            continue
        # "a week later" than the end of a month falls somewhere in the next: only its first day is sure
        after = first + timedelta(days=1) if expr.parts.kind == "offset" else _just_after(value, first)
        if latest is None or after > latest[0]:
            latest = (after, expr)
    return latest


def _from_known_event(text: str) -> Inferred | None:
    latest: tuple[str, str] | None = None
    lowered = text.lower()
    for event in dated_events():
        if event.cue not in lowered or event.country.lower() not in lowered:
            continue
        match = event.pattern.search(text)
        if match and (latest is None or event.value > latest[0]):
            latest = (event.value, match.group())
    if latest is None:
        return None
    first = parse_iso(latest[0])
    assert first is not None
    return Inferred(_just_after(latest[0], first).isoformat(), "after a known event the text names", 0.3, latest[1])


def _just_after(value: str, first: date) -> date:
    """The first day after a date at its precision: the next day after a day, the next month after a month."""
    return first + timedelta(days=1) if len(value) == 10 else add_period(first, 1, "month")

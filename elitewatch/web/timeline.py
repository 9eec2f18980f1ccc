"""Timelines drawn as SVG geometry: one bar per office (open-ended where no end is known), dots for events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

WIDTH = 860
LEFT = 10
RIGHT = 20
ROW = 26
AXIS = 24
MIN_BAR = 6.0
CHAR = 6.2  # the width of a label's letter, to keep labels inside the chart


@dataclass
class Bar:
    x: float
    y: float
    width: float
    label: str
    title: str
    href: str
    open_ended: bool  # taken on a known date, no end known: drawn to the end of the axis, dashed
    seen_only: bool = False  # no start known: drawn between the first and last dates the texts show it
    lane: int = 0
    label_x: float = 0.0
    anchor: str = "start"


@dataclass
class Axis:
    x: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Axis]
    undated: list[dict[str, Any]]


def year_of(date: str | None) -> float | None:
    """ "2023-07-03" -> 2023.5; "2019" -> 2019.0."""
    if not date:
        return None
    try:
        year = int(date[:4])
        month = int(date[5:7]) if len(date) >= 7 else 1
        day = int(date[8:10]) if len(date) >= 10 else 1
    except ValueError:
        return None
    return year + (month - 1) / 12 + (day - 1) / 365


def source_href(source: dict[str, Any]) -> str:
    return (
        f"/document/{quote(str(source['doc_id']), safe='')}?s={source['sentence_start']}&e={source['sentence_end']}#hl"
    )


def career_chart(lanes: list[tuple[str, list[dict[str, Any]]]], now: str | None) -> Chart:
    """Bars for the offices of one person (or of several, one lane each: compare)."""
    spans: list[tuple[int, dict[str, Any], float, float | None, bool]] = []
    undated: list[dict[str, Any]] = []
    for lane, (_, offices) in enumerate(lanes):
        for office in offices:
            first = year_of(office["start"]) or year_of(next(iter(office["seen"]), None))
            if first is None and office["end"]:
                first = year_of(office["end"])
            if first is None:
                undated.append({**office, "lane": lane})
                continue
            last = year_of(office["end"]) or (year_of(office["seen"][-1]) if office["seen"] else None)
            open_ended = bool(office["start"]) and not office["end"] and not office["ended"]
            spans.append((lane, office, first, last, open_ended))
    if not spans:
        return Chart(WIDTH, 0, [], [], undated)
    end_year = max([year_of(now) or 0.0] + [s[3] or s[2] for s in spans]) + 0.5
    start_year = min(s[2] for s in spans) - 0.5
    scale = (WIDTH - LEFT - RIGHT) / max(end_year - start_year, 1.0)

    def x(year: float) -> float:
        return LEFT + (year - start_year) * scale

    bars = []
    row = 0
    for lane in range(len(lanes)):
        for lane_no, office, first, last, open_ended in sorted(
            (s for s in spans if s[0] == lane), key=lambda s: (s[2], s[1]["role"])
        ):
            right = end_year if open_ended else (last if last is not None else first)
            width = max(MIN_BAR, x(right) - x(first))
            org = office["org"] if office["org"] and office["org"].lower() not in office["role"].lower() else ""
            label = office["role"] + (f" — {org}" if org else "")
            when = f"{office['start'] or (office['seen'][0] if office['seen'] else '?')} – " + (
                office["end"] or ("…" if open_ended else (office["seen"][-1] if office["seen"] else ""))
            )
            left = x(first)
            fits_right = left + 4 + CHAR * len(label) <= WIDTH - 4
            bars.append(
                Bar(
                    x=round(left, 1),
                    y=AXIS + row * ROW,
                    width=round(width, 1),
                    label=label,
                    title=f"{label} ({when}); {office['sources_total']} source(s)",
                    href=source_href(office["sources"][0]),
                    open_ended=open_ended,
                    seen_only=not office["start"],
                    lane=lane_no,
                    label_x=round(left + 4 if fits_right else left + width - 4, 1),
                    anchor="start" if fits_right else "end",
                )
            )
            row += 1
    ticks = [Axis(round(x(year), 1), str(year)) for year in _years(start_year, end_year)]
    return Chart(WIDTH, AXIS + row * ROW + 8, bars, ticks, undated)


def _years(start: float, end: float) -> list[int]:
    first, last = int(start) + 1, int(end)
    step = max(1, (last - first) // 10 + 1)
    return list(range(first, last + 1, step))


def month_bars(by_month: list[dict[str, Any]], height: int = 80) -> list[dict[str, Any]]:
    """Documents by month as bar geometry for the home page."""
    if not by_month:
        return []
    most = max(row["documents"] for row in by_month)
    width = (WIDTH - LEFT - RIGHT) / len(by_month)
    return [
        {
            "x": round(LEFT + i * width, 1),
            "width": round(max(1.0, width - 2), 1),
            "height": round(height * row["documents"] / most, 1),
            "y": round(height - height * row["documents"] / most, 1),
            "month": row["month"],
            "documents": row["documents"],
        }
        for i, row in enumerate(by_month)
    ]


@dataclass
class Dot:
    x: float
    y: float
    title: str
    href: str


@dataclass
class DotChart:
    width: int
    height: int
    dots: list[Dot]
    ticks: list[Axis]
    levels: list[tuple[float, str]]  # (y, label) of the day scale


def wait_chart(waits: list[dict[str, Any]], height: int = 220) -> DotChart:
    """One dot per wait: across, the year the wait began; up, how many days it lasted."""
    if not waits:
        return DotChart(WIDTH, 0, [], [], [])
    years = [year_of(w["first"]["date"]) or 0.0 for w in waits]
    start_year, end_year = min(years) - 0.5, max(years) + 0.5
    top = max(max(w["days"] for w in waits), 1)
    scale = (WIDTH - LEFT - RIGHT - 40) / max(end_year - start_year, 1.0)
    plot = height - AXIS - 10

    def x(year: float) -> float:
        return LEFT + 40 + (year - start_year) * scale

    def y(days: float) -> float:
        return round(AXIS + plot - plot * days / top, 1)

    dots = [
        Dot(
            x=round(x(year), 1),
            y=y(wait["days"]),
            title=f"{wait['person']['name']}: {wait['days']} days ({wait['first']['date']} – {wait['second']['date']})",
            href=source_href(wait["second"]),
        )
        for year, wait in zip(years, waits, strict=True)
    ]
    ticks = [Axis(round(x(year), 1), str(year)) for year in _years(start_year, end_year)]
    levels = [(y(days), f"{days:g} d") for days in (0, top / 2, top)]
    return DotChart(WIDTH, height, dots, ticks, levels)

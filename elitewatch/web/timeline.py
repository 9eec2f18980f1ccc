"""Timelines drawn as SVG geometry: one bar per office (open-ended where no end is known), dots for events."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

WIDTH = 860
LEFT = 10
RIGHT = 20
ROW = 34  # a label line above each bar, so a label never covers a bar
BAR = 16
AXIS = 24
MIN_BAR = 6.0
CHAR = 6.2  # the width of a label's letter, to keep labels inside the chart
UNDATED_BOX = 14.0


@dataclass
class Bar:
    x: float
    y: float  # the bar's top
    width: float
    label: str
    title: str
    href: str
    open_ended: bool  # taken on a known date, no end known: drawn to the end of the axis, dashed
    seen_only: bool = False  # no start known: drawn between the first and last dates the texts show it
    lane: int = 0
    label_x: float = 0.0
    label_y: float = 0.0  # the label's baseline, on the line above the bar
    anchor: str = "start"
    undated: bool = False  # no date at all: a box in the lane of undated offices, off the time axis


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
    undated_y: float | None = None  # where the lane of undated offices starts


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


def label_of(office: dict[str, Any]) -> str:
    org = office["org"] if office["org"] and office["org"].lower() not in office["role"].lower() else ""
    return office["role"] + (f" — {org}" if org else "")


def _label_x(left: float, label: str) -> tuple[float, str]:
    """Where a label above a bar starts: at the bar, or ending at the chart's edge when it would pass it."""
    if left + CHAR * len(label) <= WIDTH - 4:
        return round(left, 1), "start"
    return float(WIDTH - 4), "end"


def career_chart(lanes: list[tuple[str, list[dict[str, Any]]]], now: str | None) -> Chart:
    """Bars for the offices of one person (or of several, one lane each: compare), from the first office on;
    offices without any date in a lane of their own below the time axis."""
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
    bars: list[Bar] = []
    ticks: list[Axis] = []
    row = 0
    if spans:
        end_year = max([year_of(now) or 0.0] + [s[3] or s[2] for s in spans]) + 0.5
        start_year = min(s[2] for s in spans) - 0.5
        scale = (WIDTH - LEFT - RIGHT) / max(end_year - start_year, 1.0)

        def x(year: float) -> float:
            return LEFT + (year - start_year) * scale

        for lane in range(len(lanes)):
            for lane_no, office, first, last, open_ended in sorted(
                (s for s in spans if s[0] == lane), key=lambda s: (s[2], s[1]["role"])
            ):
                right = end_year if open_ended else (last if last is not None else first)
                width = max(MIN_BAR, x(right) - x(first))
                label = label_of(office)
                when = f"{office['start'] or (office['seen'][0] if office['seen'] else '?')} – " + (
                    office["end"] or ("…" if open_ended else (office["seen"][-1] if office["seen"] else ""))
                )
                top = AXIS + row * ROW
                label_x, anchor = _label_x(x(first), label)
                bars.append(
                    Bar(
                        x=round(x(first), 1),
                        y=top + ROW - BAR - 4,
                        width=round(width, 1),
                        label=label,
                        title=f"{label} ({when}); {office['sources_total']} source(s)",
                        href=source_href(office["sources"][0]),
                        open_ended=open_ended,
                        seen_only=not office["start"],
                        lane=lane_no,
                        label_x=label_x,
                        label_y=top + ROW - BAR - 8,
                        anchor=anchor,
                    )
                )
                row += 1
        ticks = [Axis(round(x(year), 1), str(year)) for year in _years(start_year, end_year)]
    undated_y = None
    if undated:
        undated_y = AXIS + row * ROW + 6
        for office in undated:
            top = undated_y + 14 + (row - len(spans)) * ROW
            label = label_of(office) + (f" (ended before {office['ended_before']})" if office.get("ended_before") else "")
            bars.append(
                Bar(
                    x=float(LEFT),
                    y=top + ROW - BAR - 4,
                    width=UNDATED_BOX,
                    label=label,
                    title=f"{label}: no date known; {office['sources_total']} source(s)",
                    href=source_href(office["sources"][0]),
                    open_ended=False,
                    seen_only=True,
                    lane=office["lane"],
                    label_x=LEFT + UNDATED_BOX + 6,
                    label_y=top + ROW - BAR + 8,
                    undated=True,
                )
            )
            row += 1
    if not bars:
        return Chart(WIDTH, 0, [], [], undated)
    height = int(max(bar.y + BAR for bar in bars) + 8)
    return Chart(WIDTH, height, bars, ticks, undated, undated_y)


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

"""Calendar arithmetic on ISO values at any precision: reading one ("2023" is 2023-01-01), writing a day at a
precision, moving a day by days, weeks, months, quarters, years, decades or centuries (month ends clamp)."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta


def parse_iso(value: str | None) -> date | None:
    """The first day of an ISO date at any precision ("2023" -> 2023-01-01)."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1))
    except ValueError:
        return None


def iso_value(day: date, precision: str) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def valid_day(year: int, month: int, day: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= calendar.monthrange(year, month)[1])


def add_period(day: date, amount: int, unit: str) -> date:
    """`day` moved by `amount` days, weeks, months, years or decades (month ends clamp)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit == "week":
        return day + timedelta(weeks=amount)
    if unit in ("hour", "minute", "second"):
        return day + timedelta(**{f"{unit}s": amount})
    months = amount * {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit, 12)
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def precision_of(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")

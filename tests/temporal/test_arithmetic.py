"""Calendar arithmetic on ISO values (temporal/arithmetic.py)."""

from __future__ import annotations

from datetime import date

import pytest

from elitewatch.temporal.arithmetic import add_period, iso_value, parse_iso, precision_of, valid_day


def test_an_iso_value_at_any_precision_reads_as_its_first_day() -> None:
    assert parse_iso("2021") == date(2021, 1, 1)
    assert parse_iso("2021-07") == date(2021, 7, 1)
    assert parse_iso("2021-07-19") == date(2021, 7, 19)
    assert parse_iso("2021-02-30") is None and parse_iso("PRESENT_REF") is None and parse_iso(None) is None


@pytest.mark.parametrize(
    ("day", "amount", "unit", "moved"),
    [
        (date(2020, 1, 31), 1, "month", date(2020, 2, 29)),  # the month's end clamps, in a leap year too
        (date(2021, 3, 31), -1, "month", date(2021, 2, 28)),
        (date(2021, 11, 15), 1, "quarter", date(2022, 2, 15)),
        (date(2016, 2, 29), 1, "year", date(2017, 2, 28)),
        (date(1990, 6, 1), 2, "decade", date(2010, 6, 1)),
        (date(2021, 12, 30), 3, "day", date(2022, 1, 2)),
        (date(2021, 12, 30), -2, "week", date(2021, 12, 16)),
    ],
)
def test_a_day_moves_by_any_unit(day: date, amount: int, unit: str, moved: date) -> None:
    assert add_period(day, amount, unit) == moved


def test_a_day_written_at_a_precision_and_read_back() -> None:
    day = date(2009, 4, 6)
    assert [iso_value(day, p) for p in ("year", "month", "day")] == ["2009", "2009-04", "2009-04-06"]
    assert [precision_of(v) for v in ("2009", "2009-04", "2009-04-06")] == ["year", "month", "day"]
    assert valid_day(2023, 2, None) and not valid_day(2023, 2, 29) and not valid_day(2023, 13, 1)

"""Durations and sets (temporal/durations.py): their words read, their TimeML values written."""

from __future__ import annotations

import pytest

from elitewatch.temporal import timexes
from elitewatch.temporal.durations import combine_periods, duration_value, period_value


@pytest.mark.parametrize(
    ("number", "unit", "value"),
    [
        ("four", "month", "P4M"),
        ("2 1/2", "year", "P2Y6M"),
        ("1.5", "hour", "PT1H30M"),
        ("several", "week", "PXW"),
        ("3", "decade", "P30Y"),
    ],
)
def test_an_amount_of_a_unit_is_a_timeml_period(number: str, unit: str, value: str) -> None:
    assert duration_value(number, unit) == value


def test_two_periods_join_with_the_time_part_after_the_date_part() -> None:
    assert combine_periods("P2M", "P10D") == "P2M10D"
    assert combine_periods("PT4H", "PT15M") == "PT4H15M"
    assert combine_periods("P3D", "PT6H") == "P3DT6H"
    assert combine_periods("PT6H", "P3D") == "P3DT6H"
    assert period_value("X", "minute") == "PTXM"


def test_durations_and_sets_in_a_text() -> None:
    text = "The strike lasted nine days; the union meets every other Thursday and votes twice a year."
    found = {t.text: (t.type, t.value) for t in timexes(text, anchor="2022-05-10")}
    assert found["nine days"] == ("DURATION", "P9D")
    assert found["twice a year"][0] == "SET"
    assert any(kind == "SET" and value.startswith("XXXX-WXX-4") for kind, value in found.values())

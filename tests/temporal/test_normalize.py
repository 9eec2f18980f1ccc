"""Anchoring (temporal/normalize.py), through find_dates: the publication date and the date before fill in what
the words leave out."""

import pytest

from elitewatch.temporal import find_dates


def values(text: str, anchor: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(e.raw, e.value, e.end_value) for e in find_dates(text, anchor=anchor)]


def test_partial_dates_take_the_anchor_year_and_weekday_with_date_keeps_the_date() -> None:
    assert values("Only last Monday, on December 4, he presented his credentials.", "2023-12-08") == [
        ("Monday, on December 4", "2023-12-04", None)
    ]
    # A day-and-month far after the anchor belongs to the year before.
    assert values("The decree of December 28 was published.", "2024-01-05") == [("December 28", "2023-12-28", None)]


def test_weekdays_relative_years_and_today() -> None:
    found = values("Last Monday he left; on Friday he spoke. This year, last year, yesterday.", "2023-12-07")
    assert found == [
        ("Last Monday", "2023-12-04", None),
        ("on Friday", "2023-12-01", None),
        ("This year", "2023", None),
        ("last year", "2022", None),
        ("yesterday", "2023-12-06", None),
    ]


def test_later_counts_from_the_previous_date_ago_from_the_anchor() -> None:
    found = values("He became akim in 2000. Two years later he left; a year ago he came back.", "2024-12-05")
    assert found == [("2000", "2000", None), ("Two years later", "2002", None), ("a year ago", "2023", None)]
    found = values("They met on April 3. A week later they signed.", "2019-04-20")
    assert found[1] == ("A week later", "2019-04-10", None)
    # counted from the end of the month, and no more precise than the month it counts from
    found = values("He spoke at the end of November. A week later he held a press conference.", "2024-12-10")
    assert found[1] == ("A week later", "2024-12", None)


def test_a_day_without_year_takes_the_year_of_a_full_date_before_it_in_the_sentence() -> None:
    text = "He was appointed by the decree of January 29, 2020, and on February 5 he presented. On March 3 he left."
    assert values(text, "2023-12-08") == [
        ("January 29, 2020", "2020-01-29", None),
        ("February 5", "2020-02-05", None),
        ("March 3", "2023-03-03", None),
    ]


def test_ranges_decades_and_parts_of_months() -> None:
    found = values(
        "From 1985 to 1991 he served in Beijing, from 2023 through 2025 he led it; talks were held on April 3–4; "
        "in the 2000s; at the end of November.",
        "2019-12-20",
    )
    assert found == [
        ("From 1985 to 1991", "1985", "1991"),
        ("from 2023 through 2025", "2023", "2025"),
        ("April 3–4", "2019-04-03", "2019-04-04"),
        ("2000s", "2000", "2009"),
        ("at the end of November", "2019-11", None),
    ]


def test_a_month_alone_needs_a_word_that_introduces_it() -> None:
    assert values("Theresa May met the press in May.", "2019-06-01") == [("in May", "2019-05", None)]


def test_russian_forms() -> None:
    found = values(
        "30 октября 2024 года министры встретились. В понедельник он заявил, что в прошлом году, "
        "с 1985 по 1991 год и в 2000-х годах всё было иначе. В конце ноября, в июне.",
        "2024-12-05",
    )
    assert found == [
        ("30 октября 2024", "2024-10-30", None),
        ("В понедельник", "2024-12-02", None),
        ("в прошлом году", "2023", None),
        ("с 1985 по 1991 год", "1985", "1991"),
        ("2000-х", "2000", "2009"),
        ("В конце ноября", "2024-11", None),
        ("в июне", "2024-06", None),
    ]


def test_without_an_anchor_only_explicit_dates_have_values() -> None:
    found = find_dates("On December 4, 2023 he spoke. On December 5 he left.")
    assert [(e.value, e.anchor) for e in found] == [("2023-12-04", "explicit"), (None, "explicit")]


@pytest.mark.parametrize("anchor", ["9999-12-31", "0001-01-01"])
def test_relative_dates_past_the_calendar_have_no_value_and_never_raise(anchor: str) -> None:
    text = "Next month he retires; yesterday he said so. Next year, last year, tomorrow and next week."
    found = find_dates(text, anchor=anchor)
    assert len(found) >= 5  # each expression is still found
    for expr in found:
        for value in (expr.value, expr.end_value):
            assert value is None or 1 <= int(value.split("-")[0]) <= 9999, (expr.raw, value)
    by_raw = {e.raw.lower(): e.value for e in found}
    if anchor == "9999-12-31":
        assert by_raw["next year"] is None and by_raw["last year"] == "9998"
    else:
        assert by_raw["last year"] is None and by_raw["next year"] == "0002"

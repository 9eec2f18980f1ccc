"""The scan (temporal/scan.py): expressions found in text order with what their words say, no values."""

from __future__ import annotations

from elitewatch.temporal import find_dates, scan


def values(text: str, anchor: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(e.raw, e.value, e.end_value) for e in find_dates(text, anchor=anchor)]


def test_the_scan_reads_the_words_and_leaves_the_values_to_normalize() -> None:
    found = scan("The treaty was signed on 12 May 2008; three weeks later it was ratified, last Tuesday amended.")
    assert [e.raw for e in found] == ["12 May 2008", "three weeks later", "last Tuesday"]
    assert all(e.value is None for e in found)
    signed, later, tuesday = (e.parts for e in found)
    assert (signed.kind, signed.year, signed.month, signed.day) == ("date", 2008, 5, 12)
    assert (later.kind, later.shift, later.unit) == ("offset", 3, "week")
    assert (tuesday.kind, tuesday.weekday, tuesday.shift) == ("weekday", 1, -1)


def test_the_scan_keeps_to_the_stretch_it_is_given() -> None:
    text = "In 1999 the plant opened. In 2004 it closed."
    assert [e.raw for e in scan(text, 0, 26)] == ["1999"]
    assert [(e.raw, e.start) for e in scan(text, 26)] == [("2004", text.index("2004"))]


def test_mixed_scripts_each_line_searched_for_its_own_dates() -> None:
    # English patterns run only over lines with Latin letters, Russian ones over lines with Cyrillic:
    # a date in either language inside a text in the other is still found.
    text = (
        "Президент выступил 5 марта 2024 года в Астане.\n"
        "Reuters wrote on March 6, 2024 that he left.\n"
        "Он вернулся в прошлом году.\n"
        "В тексте Reuters (7 марта) и 2023 год."
    )
    assert values(text, "2024-03-10") == [
        ("5 марта 2024", "2024-03-05", None),
        ("March 6, 2024", "2024-03-06", None),
        ("в прошлом году", "2023", None),
        ("7 марта", "2024-03-07", None),
        ("2023 год", "2023", None),
    ]


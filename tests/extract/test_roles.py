"""Participants' roles in events, from the parse, on sentences written for the test."""

from __future__ import annotations

import pytest

from tests.helpers import analyse_text


def roles_of(text: str) -> list[tuple[str, dict[str, str]]]:
    analysis = analyse_text(text, published="2024-06-01")
    return [(e.type, {analysis.entities[k].name: v for k, v in e.roles.items()}) for e in analysis.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "President Shavkat Mirziyoyev appointed Timur Sultanov as Ambassador of Uzbekistan to Azerbaijan on "
            "March 2, 2021.",
            ("appointment", {"Shavkat Mirziyoyev": "appointer", "Timur Sultanov": "appointee"}),
        ),
        (
            "Dauren Abayev presented his credentials to President Vladimir Putin on December 4, 2023.",
            ("credentials", {"Dauren Abayev": "presenter", "Vladimir Putin": "receiver"}),
        ),
        (
            "Vladimir Putin received Kassym-Jomart Tokayev in the Kremlin on April 3, 2019.",
            ("meeting", {"Vladimir Putin": "host", "Kassym-Jomart Tokayev": "guest"}),
        ),
        (
            "Kassym-Jomart Tokayev met Shavkat Mirziyoyev in Tashkent on May 9, 2024.",
            ("meeting", {"Kassym-Jomart Tokayev": "participant", "Shavkat Mirziyoyev": "participant"}),
        ),
    ],
)
def test_each_participant_has_its_role(text: str, expected: tuple[str, dict[str, str]]) -> None:
    assert expected in roles_of(text)

"""An organization named as part of someone's office or name takes no part in the event (issue 21, item 3).
Sentences written for these tests."""

from __future__ import annotations

from tests.helpers import events_of


def test_an_organization_in_a_title_or_hung_on_a_name_is_no_participant() -> None:
    found = events_of("Kremlin spokesman Dmitry Peskov arrived in Paris on May 3.")
    assert [(kind, people) for kind, people, _, _ in found] == [("visit", ["Dmitry Peskov"])]
    found = events_of("Генеральный секретарь ОДКБ Имангали Тасмагамбетов прибыл в Минск для консультаций.")
    assert [(kind, people) for kind, people, _, _ in found] == [("visit", ["Имангали Тасмагамбетов"])]


def test_an_organization_met_with_still_takes_part() -> None:
    found = events_of("Gazprom and Naftogaz signed an agreement in Vienna on May 3, 2024.")
    assert [(kind, people) for kind, people, _, _ in found] == [("agreement", ["Gazprom", "Naftogaz"])]

"""One event per type, overlapping participants and agreeing dates: the visit named five times is one."""

from __future__ import annotations

from elitewatch.extract.events.lexicon import groups
from elitewatch.model import Event


def merge(events: list[Event], persons: set[int]) -> list[Event]:
    """One event per type, overlapping participants and agreeing dates: the visit named five times is one."""
    merged: list[Event] = []
    for event in events:
        same = next((m for m in merged if _same_event(m, event, persons)), None)
        if same is None:
            merged.append(event)
            continue
        same.participants = list(dict.fromkeys([*same.participants, *event.participants]))
        if event.date and (not same.date or len(event.date) > len(same.date)):
            same.date = event.date
        if same.place is None and event.place is not None:
            same.place, same.place_text = event.place, event.place_text
        same.confidence = max(same.confidence, event.confidence)
    return merged


def _same_event(a: Event, b: Event, persons: set[int]) -> bool:
    """Same type, agreeing dates, and the same people: for a meeting or an agreement all of one's among the
    other's; for an event of one principal (a visit, credentials, an address), one person in common."""
    if a.type != b.type:
        return False
    pa, pb = set(a.participants), set(b.participants)
    shared_person = bool(pa & pb & persons) and a.type not in groups().several_parties
    if not (pa <= pb or pb <= pa or shared_person):
        return False
    # places are not compared: "a visit to Moscow" and "the visit to the Russian Federation" are one
    return not (a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)))

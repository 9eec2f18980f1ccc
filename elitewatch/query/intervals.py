"""Waits between two events of one person: from an appointment to the credentials, from taking office to
leaving it, from an announcement to the visit. Each wait with both events and their sources, in days and in
words, beside the waits of the others and of the predecessor and successor in the same office, and beside
the duration the text itself states ("had to wait 5 months and 1 day")."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateutil.relativedelta import relativedelta

from elitewatch.dbapi import Connection
from elitewatch.temporal import find_dates
from elitewatch.vocabulary.countries import country_named, country_of
from elitewatch.vocabulary.offices import career_office

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# An office starts at the event of these types and ends at those: the person whose office the document
# dates to the event's day is the one the event is about (the appointee, not the president who appoints).
STARTS_OFFICE = frozenset({"appointment", "election"})
ENDS_OFFICE = frozenset({"resignation"})
SUBJECT_ROLES = frozenset({"appointee", "resigned", "presenter", "elected", "guest"})
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“«(A-ZА-ЯЁ0-9])|\n\s*\n")


@dataclass(frozen=True)
class _Event:
    id: int
    type: str
    day: date
    doc_id: str
    title: str | None
    published: str | None
    url: str | None
    trigger: str
    sentence: str
    sentence_start: int
    sentence_end: int
    persons: tuple[int, ...]
    subjects: frozenset[int] = frozenset()  # those whose role makes the event theirs (the appointee…)


def intervals(
    conn: Connection,
    from_type: str,
    to_type: str,
    *,
    role: str | None = None,
    country: str | None = None,
) -> dict[str, Any]:
    """Every wait from an event of `from_type` to the next event of `to_type` of the same person, both dated
    to the day, oldest first; with `role` (words of the office: "ambassador") and `country` (a country the
    office belongs to or names, any spelling) only those of such an office."""
    events = _events(conn, (from_type, to_type))
    offices = _offices(conn)
    names = _names(conn)
    wanted_country = country_named(country) or country if country else None
    waits = []
    for person, first, second in _pairs(events, offices, from_type, to_type):
        office = _office_at(offices.get(person, []), first, second, role)
        if (role or country) and office is None:
            continue
        if role and office is not None and not _role_matches(office["role"], role):
            continue
        if wanted_country and (office is None or wanted_country.casefold() not in office["countries"]):
            continue
        waits.append(_wait(conn, person, names[person], first, second, office))
    _compare(waits)
    days = [w["days"] for w in waits]
    return {
        "from_type": from_type,
        "to_type": to_type,
        "role": role,
        "country": country,
        "intervals": waits,
        "median_days": statistics.median(days) if days else None,
    }


def _events(conn: Connection, types: tuple[str, str]) -> list[_Event]:
    persons: dict[int, list[int]] = defaultdict(list)
    subjects: dict[int, set[int]] = defaultdict(set)
    for event_id, entity_id, role in conn.execute(
        """SELECT ep.event_id, de.entity_id, ep.role FROM event_participants ep
              JOIN doc_entities de ON de.id = ep.doc_entity_id JOIN events e ON e.id = ep.event_id
             WHERE e.type IN (?, ?) AND de.type = 'person' ORDER BY ep.event_id, ep.rowid""",
        types,
    ):
        if entity_id not in persons[event_id]:
            persons[event_id].append(entity_id)
        if role in SUBJECT_ROLES:
            subjects[event_id].add(entity_id)
    found = []
    for row in conn.execute(
        """SELECT e.id, e.type, e.date, e.doc_id, e.trigger, d.title, d.published, d.url, e.sentence_start,
                  e.sentence_end,
                  substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
             FROM events e JOIN documents d ON d.id = e.doc_id
            WHERE e.type IN (?, ?) AND e.date IS NOT NULL ORDER BY e.date, e.doc_id, e.trigger_start""",
        types,
    ):
        if DAY.match(row["date"]) and persons[row["id"]]:
            found.append(
                _Event(
                    id=row["id"],
                    type=row["type"],
                    day=date.fromisoformat(row["date"]),
                    doc_id=row["doc_id"],
                    title=row["title"],
                    published=row["published"],
                    url=row["url"],
                    trigger=row["trigger"],
                    sentence=row["sentence"],
                    sentence_start=row["sentence_start"],
                    sentence_end=row["sentence_end"],
                    persons=tuple(persons[row["id"]]),
                    subjects=frozenset(subjects[row["id"]]),
                )
            )
    return found


def _offices(conn: Connection) -> dict[int, list[dict[str, Any]]]:
    """Every office of every person, as the documents give it: role, organization or country, dates."""
    offices: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in conn.execute(
        """SELECT person.entity_id AS person, p.role, COALESCE(org.name, p.org_text) AS org, p.start, p."end",
                  p.doc_id
             FROM positions p JOIN doc_entities person ON person.id = p.person_doc_entity_id
             LEFT JOIN doc_entities org_here ON org_here.id = p.org_doc_entity_id
             LEFT JOIN entities org ON org.id = org_here.entity_id
            ORDER BY p.doc_id, p.evidence_start"""
    ):
        offices[row["person"]].append(
            {
                "role": row["role"],
                "org": row["org"],
                "start": row["start"],
                "end": row["end"],
                "doc_id": row["doc_id"],
                "office": career_office(row["role"]),
                "countries": _countries(row["role"], row["org"]),
            }
        )
    return offices


def _countries(role: str, org: str | None) -> frozenset[str]:
    """The countries an office belongs to or names ("Ambassador of Kazakhstan to Moscow": Kazakhstan, Russia)."""
    found = set()
    words = re.findall(r"[\w-]+", role)
    for length in (3, 2, 1):
        for index in range(len(words) - length + 1):
            country = country_named(" ".join(words[index : index + length]))
            if country:
                found.add(country.casefold())
    if org:
        found.add((country_of(org) or org).casefold())
    return frozenset(found)


def _names(conn: Connection) -> dict[int, str]:
    return {row["id"]: row["name"] for row in conn.execute("SELECT id, name FROM entities WHERE type = 'person'")}


def _pairs(
    events: list[_Event], offices: dict[int, list[dict[str, Any]]], from_type: str, to_type: str
) -> list[tuple[int, _Event, _Event]]:
    """(person, first event, the person's next event of the second type, before their next first event)."""
    by_person: dict[int, list[_Event]] = defaultdict(list)
    for event in events:
        for person in _subjects(event, offices):
            by_person[person].append(event)
    pairs = []
    for person, own in sorted(by_person.items()):
        firsts = [e for e in own if e.type == from_type]
        for index, first in enumerate(firsts):
            limit = firsts[index + 1].day if index + 1 < len(firsts) and from_type != to_type else date.max
            second = next(
                (e for e in own if e.type == to_type and e.id != first.id and first.day <= e.day < limit), None
            )
            if second is not None and not _same_event_told_twice(first, second):
                pairs.append((person, first, second))
    return sorted(pairs, key=lambda pair: (pair[1].day, pair[2].day, pair[0]))


def _same_event_told_twice(first: _Event, second: _Event) -> bool:
    return first.type == second.type and first.day == second.day


def _subjects(event: _Event, offices: dict[int, list[dict[str, Any]]]) -> tuple[int, ...]:
    """The people the event is about: for an appointment, whoever's office the same document starts that day
    (the appointee, not the president who appoints); for a resignation, whoever's office it ends; for an
    event of another type, or when no office says, every person taking part."""
    if event.subjects:  # the roles the extraction gave: the appointee, not the appointer
        return tuple(person for person in event.persons if person in event.subjects)
    day = event.day.isoformat()
    column = "start" if event.type in STARTS_OFFICE else "end" if event.type in ENDS_OFFICE else None
    if column is None:
        return event.persons
    dated = tuple(
        person
        for person in event.persons
        if any(o["doc_id"] == event.doc_id and o[column] == day for o in offices.get(person, []))
    )
    return dated or event.persons


def _office_at(offices: list[dict[str, Any]], first: _Event, second: _Event, role: str | None) -> dict[str, Any] | None:
    """The office the wait belongs to: the one taken or left on the first event's day, else one whose words
    match `role`, else the office the documents of the two events give the person, if only one."""
    day = first.day.isoformat()
    for office in offices:
        if day in (office["start"], office["end"]) and (role is None or _role_matches(office["role"], role)):
            return office
    if role:
        return next((o for o in offices if _role_matches(o["role"], role)), None)
    around = {o["office"]: o for o in offices if o["doc_id"] in (first.doc_id, second.doc_id)}
    return next(iter(around.values())) if len(around) == 1 else None


def _role_matches(office_role: str, role: str) -> bool:
    wanted = role.casefold()
    return wanted in office_role.casefold() or wanted in career_office(office_role)


def _wait(
    conn: Connection, person: int, name: str, first: _Event, second: _Event, office: dict[str, Any] | None
) -> dict[str, Any]:
    days = (second.day - first.day).days
    return {
        "person": {"id": person, "name": name},
        "office": None if office is None else {"role": office["role"], "org": office["org"]},
        "office_key": None if office is None else [office["office"], sorted(office["countries"])],
        "first": _side(first),
        "second": _side(second),
        "days": days,
        "words": in_words(first.day, second.day),
        "stated": _stated(conn, person, first, second),
    }


def _side(event: _Event) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "type": event.type,
        "date": event.day.isoformat(),
        "trigger": event.trigger,
        "doc_id": event.doc_id,
        "title": event.title,
        "published": event.published,
        "url": event.url,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_end,
    }


def in_words(first: date, second: date) -> str:
    """The time between two days as a reader says it: "5 months and 1 day", "7 days", "2 years and 3 months"."""
    gap = relativedelta(second, first)
    parts = [(gap.years, "year"), (gap.months, "month"), (gap.days, "day")]
    said = [f"{count} {unit}{'' if count == 1 else 's'}" for count, unit in parts if count]
    if not said:
        return "the same day"
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def _stated(conn: Connection, person: int, first: _Event, second: _Event) -> list[dict[str, Any]]:
    """Durations the documents of the two events state in a sentence naming the person or telling either
    event ("Abayev had to wait 5 months and 1 day"), to show beside the wait the dates give."""
    stated: list[dict[str, Any]] = []
    for doc_id in dict.fromkeys((first.doc_id, second.doc_id)):
        row = conn.execute("SELECT text, published FROM documents WHERE id = ?", (doc_id,)).fetchone()
        text: str = row["text"]
        spans = {_sentence_around(text, start) for (start,) in conn.execute(
            """SELECT m.start FROM mentions m JOIN doc_entities de ON de.id = m.doc_entity_id
                WHERE m.doc_id = ? AND de.entity_id = ?""",
            (doc_id, person),
        )}  # fmt: skip
        for event in (first, second):
            if event.doc_id == doc_id:
                spans.add((event.sentence_start, event.sentence_end))
        for start, end in sorted(spans):
            for expr in find_dates(text, start, end, anchor=row["published"]):
                if expr.type == "duration" and expr.timex:
                    found = {"text": expr.raw, "value": expr.timex, "doc_id": doc_id, "sentence": text[start:end]}
                    if found not in stated:
                        stated.append(found)
    return stated


def _sentence_around(text: str, offset: int) -> tuple[int, int]:
    start = 0
    for match in SENTENCE_END.finditer(text, 0, offset):
        start = match.end()
    following = SENTENCE_END.search(text, offset)
    return start, following.start() if following else len(text)


def _compare(waits: list[dict[str, Any]]) -> None:
    """Each wait beside the median of the others and the waits of the one before and after in its office."""
    for wait in waits:
        others = [w["days"] for w in waits if w is not wait]
        wait["median_of_others"] = statistics.median(others) if others else None
        same = [w for w in waits if wait["office_key"] is not None and w["office_key"] == wait["office_key"]]
        index = next(i for i, w in enumerate(same) if w is wait) if same else -1
        wait["predecessor"] = _brief(same[index - 1]) if index > 0 else None
        wait["successor"] = _brief(same[index + 1]) if 0 <= index < len(same) - 1 else None


def _brief(wait: dict[str, Any]) -> dict[str, Any]:
    return {"person": wait["person"], "days": wait["days"], "from": wait["first"]["date"]}

"""One fact told many times is one fact with many sources (issue 19, item 5).

Each document's record of an event or an office stays as it was written (its sentence, its offsets, its
corrections); this read model says which records tell the same fact and gives that fact an id:

- events of the same type with the same participants (entities, after resolution) whose dates agree (equal,
  or one the other at a coarser precision, a month and a day in it) and whose places do not differ; an
  event the text does not date joins one reported from its document's date back to EVENT_REPORTED_WITHIN
  days before it ("the talks on Tuesday", written about on Wednesday);
- offices of one person with the same office key (the office's head, marked when interim: "генсек ОДКБ" and
  "CSTO Secretary General" are one office) at the same organization or country; a record naming no place
  joins the one place that person's other records of that office give.

A fact's id hashes what identifies it (type, participants or holder, office, place, date), so it stays the
same from one export to the next while the store says the same; built once per store generation.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from elitewatch.dbapi import Connection
from elitewatch.query.kept import kept, kept_recent
from elitewatch.vocabulary.offices import career_office

office_key = cache(career_office)  # the same few hundred roles, written again in thousands of records

# EVENT_REPORTED_WITHIN and UNDATED_APART were set by hand with the join of facts (17afc40: news reports an
# event within a day or two), not swept on a dev set (no dev set has events reported by several documents).
EVENT_REPORTED_WITHIN = 3  # days between an event and a report of it that does not give its date
UNDATED_APART = 2  # days between the documents of two undated reports of one event


@dataclass(frozen=True)
class Told:
    """One document's record of an event, as the join compares it."""

    id: int
    type: str
    participants: tuple[int, ...]
    date: str | None
    published: str | None
    place: str | None  # "e:<entity id>" or the folded place text

    @property
    def anchor(self) -> str:
        return self.date or self.published or ""


@dataclass
class _Fact:
    type: str
    participants: tuple[int, ...]
    date: str | None = None
    published: list[str] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    members: list[int] = field(default_factory=list)

    def admits(self, told: Told) -> bool:
        if told.place and self.places and told.place not in self.places:
            return False
        if told.date and self.date:
            return _agree(told.date, self.date)
        if told.date:  # undated reports so far: the event is dated just before them
            return all(_reported_after(told.date, p) for p in self.published)
        if self.date:
            return told.published is not None and _reported_after(self.date, told.published)
        return (
            told.published is not None
            and bool(self.published)  # a report with no date at all joins nothing
            and all(_days_apart(told.published, p) <= UNDATED_APART for p in self.published)
        )

    def take(self, told: Told) -> None:
        self.members.append(told.id)
        if told.place:
            self.places.add(told.place)
        if told.date and (self.date is None or len(told.date) > len(self.date)):
            self.date = told.date  # the most precise date any source gives
        if not told.date and told.published:
            self.published.append(told.published)

    def id(self) -> str:
        when = self.date or f"reported {min(self.published, default='')}"
        where = ",".join(sorted(self.places))
        return _fact_id("event", self.type, ",".join(map(str, self.participants)), when, where)


@dataclass(frozen=True)
class Facts:
    """Which records tell one fact: record id -> fact id, and fact id -> its records."""

    fact_of: dict[int, str]
    members: dict[str, list[int]]
    dates: dict[str, str | None] = field(default_factory=dict)  # an event's most precise date any source gives

    def sources(self, record_id: int) -> list[int]:
        return self.members.get(self.fact_of.get(record_id, ""), [record_id])


def event_facts(conn: Connection) -> Facts:
    """The events of the store joined into facts (kept while the store is unchanged)."""
    return kept(conn, "event_facts", _build_event_facts)


def recent_event_facts(conn: Connection) -> Facts:
    """`event_facts`, for a page: while an ingest writes, those of a few seconds ago (events written since
    are each their own fact until the next is built), not built again for each request after each write."""
    return kept_recent(conn, "event_facts", _build_event_facts)


def _records(conn: Connection) -> list[Told]:
    """Every event of the store as the join compares it."""
    participants: dict[int, set[int]] = defaultdict(set)
    for event_id, entity_id in conn.execute(
        """SELECT ep.event_id, de.entity_id FROM event_participants ep
             JOIN doc_entities de ON de.id = ep.doc_entity_id"""
    ):
        participants[int(event_id)].add(int(entity_id))
    return [
        Told(
            id=int(row["id"]),
            type=str(row["type"]),
            participants=tuple(sorted(participants[int(row["id"])])),
            date=row["date"],
            published=row["published"],
            place=f"e:{row['place_id']}" if row["place_id"] is not None else _fold(row["place_text"]),
        )
        for row in conn.execute(
            """SELECT e.id, e.type, e.date, d.published, e.place_text, place.entity_id AS place_id
                 FROM events e JOIN documents d ON d.id = e.doc_id
                 LEFT JOIN doc_entities place ON place.id = e.place_doc_entity_id
                ORDER BY e.id"""
        )
    ]


def office_facts(conn: Connection) -> Facts:
    """The offices of the store joined into facts (kept while the store is unchanged)."""
    return kept(conn, "office_facts", _build_office_facts)


def join_events(records: list[Told]) -> Facts:
    """Records of events joined into facts: the same type and participants, dates and places that agree."""
    buckets: dict[tuple[str, tuple[int, ...]], list[Told]] = defaultdict(list)
    for told in records:
        buckets[(told.type, told.participants)].append(told)
    fact_of: dict[int, str] = {}
    members: dict[str, list[int]] = {}
    dates: dict[str, str | None] = {}
    alike: Counter[str] = Counter()  # facts alike in all that identifies them, by that id
    for (event_type, participants), told_here in sorted(buckets.items()):
        if not participants:  # nothing says two events without participants are one: each is its own
            for told in told_here:
                fact_of[told.id] = fact_id = _fact_id("event", event_type, "", f"record {told.id}")
                members[fact_id] = [told.id]
            continue
        for fact in _cluster(event_type, participants, told_here):
            fact_id = fact.id()
            alike[fact_id] += 1
            if alike[fact_id] > 1:  # two facts alike in all that identifies them: told apart by order
                fact_id = f"{fact_id}-{alike[fact_id]}"
            members[fact_id] = list(fact.members)
            dates[fact_id] = fact.date
            for member in fact.members:
                fact_of[member] = fact_id
    return Facts(fact_of, members, dates)


def _cluster(event_type: str, participants: tuple[int, ...], records: list[Told]) -> list[_Fact]:
    """Dated records first, most precise first, then the undated by their documents' dates: each joins the
    first fact it agrees with, else starts one. Facts are looked up by the month they are in (a record can
    only agree with a fact of its own month, or for an undated report, of the month before)."""
    ordered = sorted(records, key=lambda t: (t.date is None, -len(t.date or ""), t.anchor, t.id))
    facts: list[_Fact] = []
    by_month: dict[str, list[_Fact]] = defaultdict(list)
    for told in ordered:
        months = _months(told)
        fact = next((f for month in months for f in by_month[month] if f.admits(told)), None)
        if fact is None:
            fact = _Fact(event_type, participants)
            facts.append(fact)
            by_month[months[0]].append(fact)
        fact.take(told)
    return facts


def _months(told: Told) -> list[str]:
    """Where a record's fact is filed: its date's month (a year alone: that year, apart), else its document's
    month and the month before (the event it reports may be just before the month turned)."""
    if told.date:
        return [told.date[:7] if len(told.date) >= 7 else f"year {told.date}"]
    published = (told.published or "")[:7]
    return [published, _previous_month(published)]


def _build_event_facts(conn: Connection) -> Facts:
    return join_events(_records(conn))


@dataclass(frozen=True)
class Held:
    """One document's record of an office, as the join compares it."""

    id: int
    person: int
    role: str
    org: str | None  # "e:<entity id>" or the folded organization text


def join_offices(records: list[Held]) -> Facts:
    """Records of offices joined into facts: one person, one office key, one place (a record without a place
    takes the one place the person's other records of that office give)."""
    places: dict[tuple[int, str], set[str]] = defaultdict(set)
    for held in records:
        if held.org:
            places[(held.person, office_key(held.role))].add(held.org)
    fact_of: dict[int, str] = {}
    members: dict[str, list[int]] = {}
    for held in sorted(records, key=lambda h: h.id):
        office = office_key(held.role)
        known = places[(held.person, office)]
        org = held.org or (next(iter(known)) if len(known) == 1 else "")
        fact_id = _fact_id("office", str(held.person), office, org)
        fact_of[held.id] = fact_id
        members.setdefault(fact_id, []).append(held.id)
    return Facts(fact_of, members)


def _build_office_facts(conn: Connection) -> Facts:
    records = [
        Held(
            id=int(row["id"]),
            person=int(row["person_id"]),
            role=str(row["role"]),
            org=f"e:{row['org_id']}" if row["org_id"] is not None else _fold(row["org_text"]),
        )
        for row in conn.execute(
            """SELECT p.id, p.role, p.org_text, person.entity_id AS person_id, org.entity_id AS org_id
                 FROM positions p JOIN doc_entities person ON person.id = p.person_doc_entity_id
                 LEFT JOIN doc_entities org ON org.id = p.org_doc_entity_id"""
        )
    ]
    return join_offices(records)


def _fact_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{kind}-{digest}"


def _fold(text: str | None) -> str | None:
    return " ".join(text.casefold().split()) if text else None


def _agree(a: str, b: str) -> bool:
    """Two dates of one event: equal, or the coarser (a month at least: a year says too little) holds the
    finer."""
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 7 and long.startswith(short))


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _reported_after(event_date: str, published: str) -> bool:
    """A report published on `published` that does not date the event may tell of one on `event_date`."""
    day, report = _day(event_date), _day(published)
    if report is None or len(event_date) < 7:  # a year says too little
        return False
    if day is None:  # a month: the report is in it or just after
        return published.startswith(event_date) or (published[:7] == _next_month(event_date)[:7] and report.day <= 3)
    return timedelta(0) <= report - day <= timedelta(days=EVENT_REPORTED_WITHIN)


def _previous_month(month: str) -> str:
    try:
        year, number = int(month[:4]), int(month[5:7])
    except ValueError:
        return ""
    return f"{year - (number == 1):04d}-{(number - 2) % 12 + 1:02d}"


def _next_month(month: str) -> str:
    try:
        year, number = int(month[:4]), int(month[5:7])
    except ValueError:
        return ""
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def _days_apart(a: str, b: str) -> int:
    first, second = _day(a), _day(b)
    if first is None or second is None:
        return 10**6
    return abs((first - second).days)

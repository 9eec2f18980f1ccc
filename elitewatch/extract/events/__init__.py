"""Typed events: who was appointed, met, visited, spoke to the press, signed, was elected; when and where.

Triggers are words in data/lexicon/events.yaml (verbs and nouns, English and Russian lemmas). Around each
trigger the dependency structure gives the rest:

- the trigger's **clause**: the verb it belongs to ("delivered" for "his first address") and the words that
  depend on that verb without crossing into another clause (relative, adverbial, complement clauses);
- **participants**: for a verb, the people (and organizations) of its clause; for a noun, those of its own
  phrase ("Tokayev’s meeting with Putin", "the visit of President Tokayev") and the subject of its verb
  ("during a press conference, Tasmagambetov said"); a clause without a subject borrows the subject of
  the clause it depends on ("he had the honor to present his credentials"; in Russian also the clause it
  complements, «Он уточнил, что договорился с X»); a meeting noun naming only the one met takes the subject of
  its clause («после встречи с X Y заявил»); "he", "his" and "who" stand for the person they refer to;
- the **date**: an expression attached to the trigger's clause, else to a clause it depends on, else one in
  the sentence attached to no other event; a citation in parentheses ("(see EDM, March 27)") is not a date
  of the event. An undated meeting during a dated visit of one of its participants takes the visit's date;
- the **place**: a place after "in", "to", "at" («в», «на») in the trigger's phrase or clause.

A negated or hypothetical trigger ("did not meet", "could visit", "the invitation to visit") is no event,
nor is an act agreed or promised («договорились встретиться», "agreed to meet"), a habit («стал встречаться с»),
or one without a named participant. A meeting set for a coming day («встреча, которая пройдёт в понедельник»)
is one: the factRuEval gold marks such meetings. Events of one type whose participants overlap and whose dates
agree are one event in a document.

By mechanism: `lexicon` (the words of events.yaml), `syntax` (clauses and phrases of the parse), `triggers`
(and the filters), `participants`, `dates`, `places`, and `merging` the events of a document. Dating other
facts by the events (a quote said at one, an office taken in an appointment) is elitewatch.extract.dating.
"""

from __future__ import annotations

from elitewatch.extract import confidence
from elitewatch.extract.document import DocumentIndex, sentence_of
from elitewatch.extract.events.dates import DateSites, date_sites, date_within_visits, event_date
from elitewatch.extract.events.lexicon import EVENT_TYPES, groups
from elitewatch.extract.events.merging import merge
from elitewatch.extract.events.participants import RoleHolders, delegation, own_participants, participants_of
from elitewatch.extract.events.places import event_place
from elitewatch.extract.events.syntax import clause_verb, is_verb
from elitewatch.extract.events.triggers import Found, denied, find_triggers, generic_plural
from elitewatch.model import Event, LocalEntity, Parsed, Position

EXTRACTOR = "events"
VERSION = "2"

__all__ = ["EVENT_TYPES", "EXTRACTOR", "VERSION", "extract_events"]


def extract_events(
    parsed: Parsed,
    entities: list[LocalEntity],
    anchor: str | None = None,
    positions: list[Position] | None = None,
    *,
    doc: DocumentIndex | None = None,
) -> list[Event]:
    """`doc`: the document's index over `parsed` and `entities`, when the analysis has built it."""
    doc = DocumentIndex(parsed, entities) if doc is None else doc
    if not doc.tokens:
        return []
    holders = RoleHolders(positions or [])
    triggers = [t for t in find_triggers(doc) if not denied(doc, t)]
    taken = {clause_verb(doc, t.head) for t in triggers}
    sites = DateSites(sorted(date_sites(doc, anchor), key=lambda s: s.expr.start))
    found: list[Found] = []
    for trigger in triggers:
        own = [] if is_verb(doc.tokens[trigger.head]) else own_participants(doc, trigger, holders)
        if generic_plural(doc, trigger, own):
            continue
        participants = participants_of(doc, trigger, own, holders)
        named = [e for e in participants if doc.entities[e].type == "person"]
        if trigger.type in groups().two_people:
            # a meeting is of people («глава ОАО «Газпром» Алексей Миллер» met, not Gazprom) or delegations
            named = [e for e in participants if doc.entities[e].type == "person" or delegation(doc, e, trigger)]
            participants = named
        needs_two = trigger.needs_two or trigger.type in groups().two_people
        if not participants or (needs_two and len(named) < 2):
            continue
        verb = clause_verb(doc, trigger.head)
        found.append(
            Found(trigger, participants, event_date(doc, trigger, sites, taken), event_place(doc, trigger, verb))
        )
    date_within_visits(found)
    return merge([_event(doc, item) for item in found], {e.index for e in entities if e.type == "person"})


def _event(doc: DocumentIndex, item: Found) -> Event:
    trigger = item.trigger
    sentence = sentence_of(doc, trigger.head)
    start, end = doc.tokens[trigger.first].start, doc.tokens[trigger.last].end
    place = item.place
    return Event(
        type=trigger.type,
        participants=item.participants,
        trigger=doc.text[start:end],
        trigger_start=start,
        trigger_end=end,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        date=item.date.value if item.date is not None else None,
        place=place.cluster if place is not None else None,
        place_text=doc.entities[place.cluster].name if place is not None else None,
        confidence=confidence.events().verb_trigger
        if is_verb(doc.tokens[trigger.head])
        else confidence.events().noun_trigger,
    )

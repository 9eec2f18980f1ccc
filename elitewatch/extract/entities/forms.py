"""Forms of a document's entities that are not names the other extractors read: the adjectives of a place
(«российский», «Всероссийского», the «российско» of «российско-американский» name Russia).

Run after quotes, offices and events have read the entities (registry: entity_forms), so that an adjective
is never taken for a speaker, an office's organization or an event's place; it only adds to what the
entity is called (its aliases), as the NEREL and BSNLP annotations count them.
"""

from __future__ import annotations

from elitewatch.model import LocalEntity, Mention, Parsed
from elitewatch.vocabulary.countries import place_of_adjective

ADJECTIVE_POS = frozenset({"ADJ"})


def add_place_adjectives(parsed: Parsed, entities: list[LocalEntity]) -> None:
    """Each Russian adjective of a place is a mention of that place (a new entity when the document names
    the place only by adjectives)."""
    places = {entity.name: entity for entity in entities if entity.type == "place"}
    for token in parsed.tokens:
        if token.language != "ru" or not any("а" <= c.lower() <= "я" for c in token.text):
            continue
        offset = token.start
        parts = token.text.split("-")
        for number, part in enumerate(parts):
            last = number == len(parts) - 1
            if last and token.pos not in ADJECTIVE_POS:
                break
            lemma = token.lemma.split("-")[-1] if last else ""
            place = place_of_adjective(part, lemma) if len(part) > 3 else None
            if place is not None:
                entity = places.get(place) or _new_place(entities, place)
                places[place] = entity
                mention = Mention(offset, offset + len(part), part, "place", lemma or part, entity.index, "adjective")
                entity.mentions.append(mention)
                entity.forms.add(part)
            offset += len(part) + 1
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)


def _new_place(entities: list[LocalEntity], name: str) -> LocalEntity:
    entity = LocalEntity(index=len(entities), type="place", name=name, forms={name}, confidence=1.0)
    entities.append(entity)
    return entity

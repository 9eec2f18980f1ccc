"""Forms of a document's entities that are not names the other extractors read: the adjectives of a place
(«российский», «Всероссийского», the «российско» of «российско-американский» name Russia); an organization
with the country, city or international body it belongs to («Госдеп США», «Генассамблеи ООН»); a name with
its other spelling in brackets («Гайко Маас (Heiko Maas)»).

Run after quotes, offices and events have read the entities (registry: entity_forms), so that an adjective
is never taken for a speaker, an office's organization or an event's place; it only adds to what the
entity is called (its aliases), as the NEREL and BSNLP annotations count them.
"""

from __future__ import annotations

from itertools import pairwise

from elitewatch.model import LocalEntity, Mention, Parsed
from elitewatch.vocabulary.countries import gazetteer_entry, national_body, place_in_word, place_of_adjective

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


def add_compound_names(text: str, entities: list[LocalEntity]) -> None:
    """«Госдепартамента» followed by «США», «Генассамблеи» by «ООН»: the two together are a form of the
    organization (the place stays a mention of its own); "X (Y)" where both name one entity is a form of it."""
    mentions = sorted((m for e in entities for m in e.mentions if m.evidence != "adjective"), key=lambda m: m.start)
    # what may follow an organization as the body it belongs to: a place, or an organization of the gazetteer
    known = {e.index for e in entities if e.type == "place" or gazetteer_entry(e.name) is not None}
    added: list[Mention] = []
    for first, second in pairwise(mentions):
        between = text[first.end : second.start]
        owner = entities[first.cluster]
        if first.type == "organization" and between == " " and second.type in ("place", "organization"):
            if second.cluster != first.cluster and second.cluster in known and "\n" not in between:
                added.append(_joined(first, second, text, owner))
        elif between.strip() == "(" and text[second.end : second.end + 1] == ")" and second.cluster == first.cluster:
            added.append(_joined(first, second, text, owner, closing=")"))
    for mention in added:
        entities[mention.cluster].mentions.append(mention)
        entities[mention.cluster].forms.add(mention.text)
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
        _name_by_country(entity)


def _name_by_country(entity: LocalEntity) -> None:
    """«МИД» followed by «Германии» in the document is Germany's: its name says so, and resolution keeps it
    apart from other countries' («МИД России»); not when the document follows it by several places."""
    if entity.type != "organization" or not national_body(entity.name):
        return
    compounds = [m for m in entity.mentions if m.evidence == "compound" and m.normal.startswith(entity.name + " ")]
    places = {place_in_word(m.normal.rsplit(" ", 1)[-1]) for m in compounds}
    if len(places) == 1 and None not in places:
        entity.name = compounds[0].normal


def _joined(first: Mention, second: Mention, text: str, owner: LocalEntity, closing: str = "") -> Mention:
    end = second.end + len(closing)
    surface = text[first.start : end]
    normal = first.normal + text[first.end : end]
    return Mention(first.start, end, surface, owner.type, normal, owner.index, "compound")


def _new_place(entities: list[LocalEntity], name: str) -> LocalEntity:
    entity = LocalEntity(index=len(entities), type="place", name=name, forms={name}, confidence=1.0)
    entities.append(entity)
    return entity

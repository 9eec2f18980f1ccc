"""Mentions and entities within one document.

Stages, in order:
 1. clean the model's spans (split at line breaks, strip titles, possessives and "the",
    drop demonyms and generic words), read them as the text's layout says (none from a heading, a dateline's
    place a place, its agency tag none, a byline's names the writers') and add what the model misses (web
    outlets, gazetteer names);
 2. group mentions by name key, and join groups the text says are one: a surname alone joins the
    full name, "X (Y)" and "X [Y]" join X and Y, and gazetteer forms join their entry;
 3. decide each group's type by votes of every mention's label and the evidence around it:
    a title or honorific, a speech verb, a surname shape, an organization word, the gazetteer;
 4. every further occurrence of a name the document uses is a mention too.

One module a stage: `mentions` (with `layout`), `grouping`, `votes`, `propagation` (the words they read in
`lexicon`).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from elitewatch.extract.entities.bodies import add_bodies
from elitewatch.extract.entities.forms import add_compound_names, add_place_adjectives
from elitewatch.extract.entities.grouping import (
    Group,
    UnionFind,
    group_key,
    link_brackets,
    link_full_names,
    link_middle_names,
    link_misspellings,
    link_surnames,
)
from elitewatch.extract.entities.layout import place_mentions, read_layout
from elitewatch.extract.entities.mentions import (
    Occupied,
    attested,
    clean_span,
    extend_names,
    find_extra_mentions,
    join_adjacent,
    relemmatize,
    split_names,
    split_organization,
    trim_function_words,
)
from elitewatch.extract.entities.propagation import propagate
from elitewatch.extract.entities.votes import GAZETTEER_VOTE, vote
from elitewatch.model import LocalEntity, Mention, Parsed
from elitewatch.vocabulary.names import name_parts, token_keys

EXTRACTOR = "entities"
# 4: headings, datelines and bylines read from the layout; 5: two names side by side split; 6: a name word's
# nominative checked against its case's endings and the document's forms, initials and patronymics joined;
# 7: a Russian role word before a name in Latin letters governs it (no person vote for «глава Twitter»)
VERSION = "9"  # 8: an organization the dictionary knows split from the name run into it; 9: brackets after an "of" tail
FORMS_VERSION = "1"

__all__ = ["EXTRACTOR", "FORMS_VERSION", "VERSION", "add_forms", "extract_entities"]


def add_forms(parsed: Parsed, entities: list[LocalEntity]) -> None:
    """5. after the facts: the forms that are not names (forms.py)."""
    add_compound_names(parsed.doc.text, entities)
    add_place_adjectives(parsed, entities)


def extract_entities(parsed: Parsed) -> list[LocalEntity]:
    text = parsed.doc.text
    # 1. clean spans, add missing mentions
    starts = [t.start for t in parsed.tokens]
    mentions: list[Mention] = []
    seen = attested(parsed)
    for span in join_adjacent(extend_names(parsed.spans, parsed, starts), text):
        for mention in clean_span(span, text):
            if span.language == "en":
                trimmed = trim_function_words(mention, parsed, starts)
            elif mention.type == "person":
                *organization, person = split_organization(mention, parsed, starts)
                mentions.extend(organization)
                names = split_names(person, parsed, starts)
                mentions.extend(relemmatize(name, parsed, starts, seen) for name in names)
                continue
            else:
                trimmed = mention
            if trimmed is not None:
                mentions.append(trimmed)
    layout = read_layout(text)
    mentions = place_mentions(mentions, layout, text)
    mentions = add_bodies(mentions, parsed)
    reserved = layout.reserved()
    mentions.extend(find_extra_mentions(text, Occupied([(m.start, m.end) for m in mentions] + reserved)))
    mentions.sort(key=lambda m: m.start)
    if not mentions:
        return []
    # 2. group by key and join what the text joins
    keys = [group_key(m) for m in mentions]
    key_index: dict[str, int] = {}
    groups: list[Group] = []
    group_of: list[int] = []
    for mention, key in zip(mentions, keys, strict=True):
        if not key:
            group_of.append(-1)
            continue
        if key not in key_index:
            key_index[key] = len(groups)
            groups.append(Group(keys={key}, gazetteer=key.split(":", 2)[2] if key.startswith("gazetteer:") else None))
        group_of.append(key_index[key])
        groups[key_index[key]].mentions.append(mention)
    for mention, g in zip(mentions, group_of, strict=True):
        if g >= 0:
            vote(mention, parsed, starts, groups[g].votes)
    for group in groups:
        if group.gazetteer:
            entry_type = next(iter(group.keys)).split(":")[1]
            group.votes[entry_type] += GAZETTEER_VOTE * len(group.mentions)
    uf = UnionFind(len(groups))
    link_brackets(text, mentions, groups, group_of, uf)
    link_surnames(groups, uf)
    link_full_names(groups, uf)
    link_middle_names(groups, uf)
    link_misspellings(groups, uf)
    # 3. merge joined groups, decide types
    merged: dict[int, list[int]] = defaultdict(list)
    for index in range(len(groups)):
        merged[uf.find(index)].append(index)
    entities: list[LocalEntity] = []
    for members in merged.values():
        votes: dict[str, float] = defaultdict(float)
        cluster_mentions: list[Mention] = []
        gazetteer = None
        for member in members:
            for label, weight in groups[member].votes.items():
                votes[label] += weight
            cluster_mentions.extend(groups[member].mentions)
            gazetteer = gazetteer or groups[member].gazetteer
        entity_type, top = max(votes.items(), key=lambda item: item[1])
        cluster_mentions.sort(key=lambda m: m.start)
        entity = LocalEntity(
            index=len(entities),
            type=entity_type,
            name=_canonical_name(cluster_mentions, entity_type, gazetteer),
            confidence=round(top / max(sum(votes.values()), 1e-9), 3),
        )
        for mention in cluster_mentions:
            mention.type = entity_type
            mention.cluster = entity.index
            entity.forms.add(mention.text)
            if mention.normal != mention.text:
                entity.forms.add(mention.normal)
        entity.mentions = cluster_mentions
        entities.append(entity)
    propagate(text, entities, reserved)
    entities.sort(key=lambda e: e.mentions[0].start)
    for index, entity in enumerate(entities):
        entity.index = index
        for mention in entity.mentions:
            mention.cluster = index
    return entities


def _canonical_name(mentions: list[Mention], entity_type: str, gazetteer: str | None) -> str:
    if gazetteer:
        return gazetteer
    forms = Counter(m.normal for m in mentions)

    def rank(form: str) -> tuple[int, int, int, int, int]:
        latin = 1 if form.isascii() or any("a" <= c.lower() <= "z" for c in form) else 0
        if entity_type != "person":
            return (0, 0, len(token_keys(form)), forms[form], len(form))
        spelled = sum(not part.initial for part in name_parts(form))  # «Ангела Меркель» over «А. Меркель»
        return (latin, spelled, len(token_keys(form)), forms[form], len(form))

    return max(forms, key=rank)

"""Within one document: the entity a short form stands for, so that resolution gives both one canonical entity.

- an abbreviation is the one organization of the document spelled out with its initials («СК» after
  «Следственный комитет», «ГА ООН» after «Генеральной Ассамблеи ООН»; organizations.initials);
- a common noun that names a body alone («Дума», «правительство») is the one body of that kind the document
  names («Государственная дума», «Правительство РФ»); with none or several it stays what it is.
"""

from __future__ import annotations

import re
from functools import cache

from elitewatch.datafiles import read_yaml
from elitewatch.model import LocalEntity
from elitewatch.vocabulary.names import QUOTES, token_key
from elitewatch.vocabulary.organizations import (
    ADJECTIVE_ENDING,
    Initials,
    abbreviates,
    compound_parts,
    initials,
    organization_key,
    with_places,
)


def partners(entities: list[LocalEntity]) -> dict[int, int]:
    """Local entity index -> the index of the entity of the same document it is a short form of."""
    organizations = [e for e in entities if e.type == "organization"]
    found: dict[int, int] = {}
    spelled = {e.index: _spelled_out(e) for e in organizations}
    for entity in organizations:
        short = [i for i in _named(entity) if i.abbreviation]
        if short and not spelled[entity.index]:
            owners = [
                other
                for other in organizations
                if other.index != entity.index
                and any(abbreviates(s, full) for s in short for full in spelled[other.index])
            ]
            if (owner := _one(owners)) is not None:
                found[entity.index] = owner
                continue
        if (head := _bare_head(entity)) is not None:
            owners = [other for other in organizations if other.index != entity.index and _has_head(other, head)]
            if (owner := _one(owners)) is not None:
                found[entity.index] = owner
    # a partner's own partner: «СК» -> «Следственный комитет России»; no cycles (an abbreviation is never
    # the partner of one, a bare head never of another)
    return {index: _last(found, index) for index in found if _last(found, index) != index}


def _one(owners: list[LocalEntity]) -> int | None:
    """The first of the owners when they are one organization by its key («Правительство РФ» and «российское
    правительство» are one), else None."""
    if not owners or len({organization_key(o.name) for o in owners}) > 1:
        return None
    return min(o.index for o in owners)


def _last(found: dict[int, int], index: int) -> int:
    seen = {index}
    while index in found and found[index] not in seen:
        index = found[index]
        seen.add(index)
    return index


def _forms(entity: LocalEntity) -> list[str]:
    return sorted({entity.name, *entity.forms})


def _named(entity: LocalEntity) -> list[Initials]:
    """The initials of each of the entity's names, with the places of them all (organizations.with_places)."""
    return with_places([i for f in _forms(entity) if (i := initials(f)) is not None])


def _spelled_out(entity: LocalEntity) -> list[Initials]:
    return [i for i in _named(entity) if not i.abbreviation]


@cache
def _body_heads() -> frozenset[str]:
    """The common nouns that name a body (data/lexicon/bodies.yaml), as comparison stems."""
    return frozenset(_stem(word) for word in read_yaml("lexicon/bodies.yaml")["heads"])


# A Russian noun's case ending as key letters, taken off a stem of three letters or more («Думы», «Думе» ->
# "dum"; «правительства» -> "pravitelstv").
NOUN_ENDING = re.compile(r"(?:ami|jami|ah|om|em|oj|ej|ju|ja|u|a|e|i|y|o)$")
MIN_STEM = 3


def _stem(word: str) -> str:
    key = token_key(word.strip(QUOTES))
    stem = NOUN_ENDING.sub("", key)
    return stem if len(stem) >= MIN_STEM else key


def _bare_head(entity: LocalEntity) -> str | None:
    """The stem of the common noun a body is named by alone («Дума», «Правительство»), else None."""
    words = entity.name.split()
    if len(words) != 1 or any(c.isupper() for c in words[0][1:]):
        return None
    stem = _stem(words[0])
    return stem if stem in _body_heads() else None


def _has_head(entity: LocalEntity, head: str) -> bool:
    """Does one of the entity's names have this noun for its head, after adjectives only, with other words
    («Правительство РФ», «Государственная дума», «Верховный суд Казахстана»; not «Комитет Госдумы»), or end
    a compound abbreviation with it («Госдума»)?"""
    for form in _forms(entity):
        words = form.split()
        if len(words) > 1 and any(_stem(w) == head and _adjectives(words[:k]) for k, w in enumerate(words)):
            return True
        if len(words) == 1 and (parts := compound_parts(words[0])) is not None and _stem(parts[1]) == head:
            return True
    return False


def _adjectives(words: list[str]) -> bool:
    return all(ADJECTIVE_ENDING.search(w.lower()) for w in words)

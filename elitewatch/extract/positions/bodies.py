"""The organization of a role held in one, named without it («операционный директор Тим Кук» in a text about
Apple, "the club's captain"): the organization the document is about, when one leads. A country's office is
countries.py's."""

from __future__ import annotations

from collections import Counter
from functools import cache

from elitewatch.datafiles import fold, gazetteer_index
from elitewatch.extract import confidence
from elitewatch.extract.document import DocumentIndex, dominant
from elitewatch.extract.positions.lexicon import lexicon
from elitewatch.model import Position

# How often the organization a document is about is named, at least, and how many times as often as the next
# one: set by hand (a text about a company names it again and again; a digest names many once).
LEADS_BY = 2
NAMED_AT_LEAST = 3


def imply_bodies(doc: DocumentIndex, positions: list[Position]) -> None:
    """Give each role of an organization that names none (data: body_roles) the document's organization."""
    body: list[int | None] = []  # found once, when first needed
    for position in positions:
        if position.org is not None or position.org_text or not _bare(position.role):
            continue
        if not body:
            body.append(_document_body(doc, {p.person for p in positions}))
        if body[0] is None:
            return
        position.org = body[0]
        position.org_text = doc.entities[body[0]].name
        position.confidence = min(position.confidence, confidence.positions().implied_body)


def _document_body(doc: DocumentIndex, people: set[int]) -> int | None:
    """The organization the document names most often, when it is named NAMED_AT_LEAST times and LEADS_BY
    times as often as any other."""
    counts = Counter(
        m.cluster
        for m in doc.mentions
        if m.type == "organization" and m.cluster not in people and not _public_body(doc.entities[m.cluster].name)
    )
    return dominant(counts, at_least=NAMED_AT_LEAST, times=LEADS_BY)


def _bare(role: str) -> bool:
    """The role's words alone, after the modifiers that belong to any role («новый директор», "former CEO"):
    not «хороший тренер», «другой пресс-секретарь», «пресс-секретарь президента» (whose it is, said)."""
    words = role.lower().split()
    modifiers = _role_modifiers()
    while words and words[0] in modifiers:
        words = words[1:]
    return " ".join(words) in _body_roles()


def _public_body(name: str) -> bool:
    """An international or state body the gazetteer knows (NATO, FIFA, the State Duma): a text names it
    as the field its story is played on, and its offices are named with it («генсек НАТО»)."""
    entry = gazetteer_index().get(fold(name))
    return entry is not None and entry.kind == "organization"


@cache
def _role_modifiers() -> frozenset[str]:
    return frozenset().union(*(lexicon(code).modifiers | lexicon(code).ended for code in ("en", "ru")))


@cache
def _body_roles() -> frozenset[str]:
    return frozenset(role for language in ("en", "ru") for role in lexicon(language).body_roles)
